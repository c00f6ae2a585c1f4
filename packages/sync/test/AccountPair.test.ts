import { type Ids, Settings } from "@harvest-runn/domain";
import { SyncStore } from "@harvest-runn/storage";
import { Effect, Redacted } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { duplicates, runnState, start, type World } from "./support/World.ts";

/** The sandbox's account pair as `connect` takes it. */
const pairOf = (w: World) => ({
  harvest: {
    accountId: Number(w.sb.info.harvest.accountId),
    userAgent: "HarvestRunnTests (tests@example.com)",
    token: Redacted.make(w.sb.info.harvest.token),
  },
  runn: { baseUrl: w.sb.info.runn.baseUrl, token: Redacted.make(w.sb.info.runn.token) },
});

describe("one Harvest account into one Runn account, by one writer at a time", () => {
  let w: World;
  beforeEach(async () => {
    w = await start();
  });
  afterEach(async () => {
    await w?.close();
  });

  it("connect refuses a second connection for the same account pair, naming the first", async () => {
    const error = await w.sync((s) =>
      Effect.flip(s.connect({ name: "again", ...pairOf(w), settings: { switches: { actuals: true } } })),
    );
    expect(error.reason).toBe("AlreadyConnected");
    expect(error.message).toContain(w.connectionId);
    expect(error.message).not.toContain(w.sb.info.runn.token);
    const connections = await w.sync((s) => s.connections);
    expect(connections.map((c) => c.id)).toEqual([w.connectionId]);
  });

  it("two connections of one pair stored anyway never run at once, so nothing is created twice", async () => {
    // A second row for the same pair, as an older version or a direct store write could leave it.
    const twin = await w.runtime.runPromise(
      Effect.gen(function* () {
        const store = yield* SyncStore.SyncStore;
        const p = pairOf(w);
        const saved = yield* store.connections.create({
          name: "twin",
          harvest: { ...p.harvest, accountId: p.harvest.accountId as Ids.HarvestAccountId },
          runn: p.runn,
        });
        const settings = yield* Settings.decode({ switches: { actuals: true } });
        yield* store.settings.put(saved.id as Ids.ConnectionId, settings);
        return saved.id;
      }),
    );
    const results = await Promise.all(
      [w.connectionId, twin].map((id) => w.sync((s) => Effect.either(s.run(id)))),
    );
    const ok = results.flatMap((r) => (r._tag === "Right" ? [r.right] : []));
    const refused = results.flatMap((r) => (r._tag === "Left" ? [r.left] : []));
    expect(ok.map((s) => s.status)).toEqual(["succeeded"]);
    expect(refused.map((e) => e.reason)).toEqual(["Busy"]);
    expect(refused[0]!.message).toContain("same Runn account");
    // Once the first run ended the twin runs, and finds everything linked.
    const later = await w.sync((s) => s.run(twin));
    expect(later.status).toBe("succeeded");
    expect(later.counts.created).toBe(0);
    expect(duplicates(await runnState(w))).toEqual([]);
  });
});
