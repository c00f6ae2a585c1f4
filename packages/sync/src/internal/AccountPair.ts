/**
 * One Harvest account synced into one Runn account by at most one writer at a time. `connect` refuses a
 * second connection for a (Harvest account, Runn account) pair, and a run also takes the leases of every
 * other stored connection of its pair, so two runs never write into one Runn account from one Harvest
 * account at once, whatever the connection rows say (they would create every entity twice).
 *
 * The Runn account is the one Runn names on `GET /me/` at the connection's base URL: the only identity
 * Runn's API gives a token. Connections are compared only when their Harvest account and Runn base URL
 * already match, so the extra `/me/` requests happen only then.
 */
import type { Ids, Runn } from "@harvest-runn/domain";
import type { Connection, Lease } from "@harvest-runn/storage";
import { type Duration, Effect, Either } from "effect";
import * as Clients from "../Clients.ts";
import * as SyncError from "../SyncError.ts";
import type { Env } from "./Env.ts";
import { withLease } from "./LeaseKeeper.ts";

/** A connection, stored or about to be, as the pair it syncs. */
export interface PairOf {
  /** Its id when stored (excluded from the comparison). */
  readonly id: string | null;
  readonly harvestAccountId: number;
  readonly runnBaseUrl: string;
  /** Asks Runn which account its token belongs to (`GET /me/`); run only when there is something to compare. */
  readonly runnMe: Effect.Effect<Runn.Me, unknown>;
}

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, "") === b.replace(/\/+$/, "");

/**
 * The other stored connections of the same pair. `unknownCounts`: whether a connection whose Runn
 * account cannot be told (its token fails on `/me/`, or ours does) counts as the same pair.
 */
export const twins = (env: Env, self: PairOf, unknownCounts: boolean) =>
  Effect.gen(function* () {
    const all = yield* env.store.connections.list.pipe(Effect.mapError(SyncError.fromStore));
    const candidates = all.filter(
      (c) =>
        c.id !== self.id &&
        c.harvest.accountId === self.harvestAccountId &&
        sameUrl(c.runn.baseUrl, self.runnBaseUrl),
    );
    if (candidates.length === 0) return [];
    const mine = yield* Effect.either(self.runnMe);
    const same = yield* Effect.forEach(
      candidates,
      (c) =>
        Effect.gen(function* () {
          if (Either.isLeft(mine)) return unknownCounts;
          const secrets = yield* env.store.connections.getSecrets(c.id).pipe(Effect.either);
          if (Either.isLeft(secrets)) return unknownCounts;
          const clients = yield* env.clients.make(Clients.inputOf(c, secrets.right));
          const theirs = yield* Effect.either(clients.runn.me);
          return Either.isLeft(theirs) ? unknownCounts : theirs.right.name === mine.right.name;
        }),
      { concurrency: 4 },
    );
    return candidates.filter((_, i) => same[i]);
  });

/** The refusal of a second connection for a pair, naming the existing one. */
export const alreadyConnected = (existing: Connection.Connection): SyncError.SyncError =>
  SyncError.make(
    "AlreadyConnected",
    `connection ${existing.id} ("${existing.name}") already syncs Harvest account ${existing.harvest.accountId} into this Runn account; use it, or disconnect it first`,
  );

/** A failure from inside a nested lease, kept apart from the lease's own. */
class Inner<E> {
  constructor(readonly error: E) {}
}

/**
 * Runs `body` under the lease of `self` and of each of its twins, taken in id order so that of two
 * twins starting together exactly one proceeds; the other fails with `Busy`, naming the holder's
 * connection when it is a twin. `body` gets `self`'s lease, the one its store writes are fenced by.
 */
export const withPairLeases = <A, E, R>(
  env: Env,
  self: Ids.ConnectionId,
  twinIds: ReadonlyArray<Ids.ConnectionId>,
  ttl: Duration.DurationInput,
  body: (lease: Lease.Lease) => Effect.Effect<A, E, R>,
): Effect.Effect<A, E | SyncError.SyncError, R> => {
  const ids = [...new Set([self, ...twinIds])].sort();
  const twins = ids.filter((id) => id !== self);
  const go = (i: number, own: Lease.Lease | null): Effect.Effect<A, E | SyncError.SyncError, R> => {
    const id = ids[i];
    if (id === undefined) return own === null ? Effect.die("the run's own lease was not taken") : body(own);
    // Failures from inside pass through as they are; only this level's acquisition is renamed.
    return withLease(env.store, { connectionId: id, holder: env.holder, ttl }, (lease) =>
      go(i + 1, id === self ? lease : own).pipe(Effect.mapError((e) => new Inner(e))),
    ).pipe(
      Effect.catchAll((e) =>
        e instanceof Inner
          ? Effect.fail(e.error)
          : e.reason !== "Busy" || twins.length === 0
            ? Effect.fail(e)
            : Effect.fail(
                SyncError.make(
                  "Busy",
                  id !== self
                    ? `connection ${id} syncs the same Harvest account into the same Runn account and has a run in progress; try again when it ends`
                    : // The holder may be this connection's run or a twin's that took this lease first.
                      `a run of this connection or of ${twins.join(", ")} (the same Harvest account into the same Runn account) is in progress; try again when it ends`,
                ),
              ),
      ),
    );
  };
  return go(0, null);
};
