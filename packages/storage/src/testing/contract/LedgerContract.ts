/** Contract: the actuals ledger (SPEC A6, A8). */

import { describe, expect } from "@effect/vitest";
import type { Ids, Ledger } from "@harvest-runn/domain";
import { Effect } from "effect";
import * as Fixtures from "../Fixtures.ts";
import { type Context, leased } from "./Support.ts";

const strip = (rows: ReadonlyArray<Ledger.LedgerEntry>) => rows.map(({ writtenAt: _w, ...rest }) => rest);

/** Registers the ledger tests. */
export const tests = ({ it }: Context) =>
  describe("ledger", () => {
    it.effect("upserts rows and loads them back ordered by date, person, project, role", () =>
      Effect.gen(function* () {
        const { store, lease, id } = yield* leased();
        const rows = [
          Fixtures.ledgerWrite(Fixtures.key(2, 1, 1, Fixtures.day(1)), { billable: 30 }, [11, 12], 501),
          Fixtures.ledgerWrite(Fixtures.key(1, 9, 1, Fixtures.day(1)), { nonbillable: 15 }, [], null),
          Fixtures.ledgerWrite(Fixtures.key(1, 1, 1, Fixtures.day(0)), { billable: 0, nonbillable: 0 }, [10]),
        ];
        yield* store.ledger.upsert(lease, rows);
        const loaded = yield* store.ledger.load(id);
        expect(strip(loaded)).toEqual([rows[2], rows[1], rows[0]]);
        expect(loaded.every((r) => Number.isFinite(Date.parse(r.writtenAt)))).toBe(true);
      }),
    );

    it.effect("replaces a key's minutes, actual id and entry ids", () =>
      Effect.gen(function* () {
        const { store, lease, id } = yield* leased();
        const k = Fixtures.key(1, 1, 1, Fixtures.day(3));
        yield* store.ledger.upsert(lease, [Fixtures.ledgerWrite(k, { billable: 60 }, [1, 2], null)]);
        const next = Fixtures.ledgerWrite(k, { billable: 45, nonbillable: 5 }, [2, 3], 777);
        yield* store.ledger.upsert(lease, [next]);
        expect(strip(yield* store.ledger.load(id))).toEqual([next]);
      }),
    );

    it.effect("loads a date range, both ends included", () =>
      Effect.gen(function* () {
        const { store, lease, id } = yield* leased();
        yield* store.ledger.upsert(
          lease,
          [0, 1, 2, 3, 4].map((d) => Fixtures.ledgerWrite(Fixtures.key(1, 1, 1, Fixtures.day(d)))),
        );
        const dates = (rows: ReadonlyArray<Ledger.LedgerEntry>) => rows.map((r) => r.key.date);
        expect(dates(yield* store.ledger.load(id, { from: Fixtures.day(1), to: Fixtures.day(3) }))).toEqual([
          Fixtures.day(1),
          Fixtures.day(2),
          Fixtures.day(3),
        ]);
        expect(dates(yield* store.ledger.load(id, { from: Fixtures.day(4) }))).toEqual([Fixtures.day(4)]);
        expect(dates(yield* store.ledger.load(id, { to: "2025-12-31" as Ids.IsoDate }))).toEqual([]);
      }),
    );

    it.effect("removes keys and ignores unknown ones", () =>
      Effect.gen(function* () {
        const { store, lease, id } = yield* leased();
        const a = Fixtures.ledgerWrite(Fixtures.key(1, 1, 1, Fixtures.day(0)), {}, [1]);
        const b = Fixtures.ledgerWrite(Fixtures.key(1, 1, 1, Fixtures.day(1)), {}, [2]);
        yield* store.ledger.upsert(lease, [a, b]);
        yield* store.ledger.remove(lease, [a.key, Fixtures.key(9, 9, 9, Fixtures.day(9))]);
        expect(strip(yield* store.ledger.load(id))).toEqual([b]);
      }),
    );

    it.effect("writes and reads back 12,345 keys in one call; connections do not mix", () =>
      Effect.gen(function* () {
        const a = yield* leased();
        const b = yield* leased();
        const rows = Fixtures.ledgerRows(12_345);
        yield* a.store.ledger.upsert(a.lease, rows);
        yield* b.store.ledger.upsert(b.lease, Fixtures.ledgerRows(7));
        const loaded = yield* a.store.ledger.load(a.id);
        expect(loaded).toHaveLength(12_345);
        const sorted = [...rows].sort(
          (x, y) =>
            x.key.date.localeCompare(y.key.date) ||
            x.key.personId - y.key.personId ||
            x.key.projectId - y.key.projectId,
        );
        expect(strip(loaded)).toEqual(sorted);
        expect(yield* b.store.ledger.load(b.id)).toHaveLength(7);
      }),
    );
  });
