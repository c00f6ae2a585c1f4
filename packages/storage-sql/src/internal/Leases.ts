/**
 * Leases of the SQL store (SPEC R3). `acquire` is one atomic statement (insert, or take over an
 * expired row with the generation bumped), so two processes racing on one database get exactly one
 * winner on SQLite and on Postgres alike.
 */
import type { Ids } from "@harvest-runn/domain";
import { type Lease, type SyncStore, SyncStoreError } from "@harvest-runn/storage";
import { Duration, Effect, Option } from "effect";
import { type Deps, mapErrors, now, num, requireConnection } from "./Support.ts";

interface LeaseRow {
  readonly holder: string;
  readonly generation: unknown;
  readonly acquired_at: unknown;
  readonly expires_at: unknown;
}

const toLease = (connectionId: Ids.ConnectionId, r: LeaseRow): Lease.Lease => ({
  connectionId,
  holder: r.holder,
  generation: num(r.generation),
  acquiredAt: new Date(num(r.acquired_at)).toISOString(),
  expiresAt: new Date(num(r.expires_at)).toISOString(),
});

/** The leases part of the SQL store. */
export const makeLeases = ({ sql }: Deps): SyncStore.Leases => ({
  acquire: Effect.fn("SyncStore.leases.acquire")(function* ({ connectionId, holder, ttl }) {
    yield* requireConnection(sql, connectionId).pipe(mapErrors("leases.acquire"));
    const t = yield* now;
    const expires = t.ms + Duration.toMillis(ttl);
    const rows = yield* sql<LeaseRow>`
      INSERT INTO hr_leases (connection_id, holder, generation, acquired_at, expires_at)
      VALUES (${connectionId}, ${holder}, 1, ${t.ms}, ${expires})
      ON CONFLICT (connection_id) DO UPDATE SET
        holder = excluded.holder,
        generation = hr_leases.generation + 1,
        acquired_at = excluded.acquired_at,
        expires_at = excluded.expires_at
      WHERE hr_leases.expires_at <= ${t.ms}
      RETURNING holder, generation, acquired_at, expires_at`.pipe(mapErrors("leases.acquire"));
    const row = rows[0];
    if (row) return toLease(connectionId, row);
    return yield* Effect.fail(
      SyncStoreError.fail("LeaseHeld", `connection ${connectionId} is leased by another holder`),
    );
  }),
  renew: Effect.fn("SyncStore.leases.renew")(function* (lease, ttl) {
    const t = yield* now;
    const rows = yield* sql<LeaseRow>`
      UPDATE hr_leases SET expires_at = ${t.ms + Duration.toMillis(ttl)}
      WHERE connection_id = ${lease.connectionId} AND generation = ${lease.generation}
      RETURNING holder, generation, acquired_at, expires_at`.pipe(mapErrors("leases.renew"));
    const row = rows[0];
    if (row) return toLease(lease.connectionId, row);
    return yield* Effect.fail(
      SyncStoreError.fail("LeaseLost", `lease of ${lease.connectionId} was taken over`),
    );
  }),
  release: Effect.fn("SyncStore.leases.release")(function* (lease) {
    const t = yield* now;
    yield* sql`
      UPDATE hr_leases SET expires_at = CASE WHEN expires_at > ${t.ms} THEN ${t.ms} ELSE expires_at END
      WHERE connection_id = ${lease.connectionId} AND generation = ${lease.generation}`.pipe(
      mapErrors("leases.release"),
    );
  }),
  get: Effect.fn("SyncStore.leases.get")(function* (id) {
    const t = yield* now;
    const rows = yield* sql<LeaseRow>`
      SELECT holder, generation, acquired_at, expires_at FROM hr_leases WHERE connection_id = ${id}`.pipe(
      mapErrors("leases.get"),
    );
    const row = rows[0];
    return row ? Option.some({ ...toLease(id, row), expired: num(row.expires_at) <= t.ms }) : Option.none();
  }),
});
