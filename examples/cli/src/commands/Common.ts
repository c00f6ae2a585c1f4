/**
 * What most commands share: `--json`, `--connection`, the default connection when the store holds
 * exactly one, and running a handler on the app's layers.
 */
import { Options } from "@effect/cli";
import type { SyncStore } from "@harvest-runn/storage";
import { type Clients, Sync } from "@harvest-runn/sync";
import { Effect, Option } from "effect";
import * as AppLayer from "../AppLayer.ts";
import * as Errors from "../Errors.ts";
import * as Help from "../Help.ts";

/** `--json`: exactly one JSON document on stdout. */
export const json = Options.boolean("json");

/** `--connection <name or id>` (optional when the store holds exactly one connection). */
export const connection = Options.text("connection").pipe(Options.withAlias("c"), Options.optional);

/** The connection to act on: the one whose id or name is given, or the only one in the store. */
export const resolveConnection = (given: Option.Option<string>) =>
  Effect.gen(function* () {
    const sync = yield* Sync.Sync;
    const all = yield* sync.connections;
    const list = all.map((c) => (c.name === c.id ? c.id : `${c.name} (${c.id})`)).join(", ");
    if (Option.isSome(given)) {
      const byId = all.find((c) => c.id === given.value);
      if (byId !== undefined) return byId.id;
      const byName = all.filter((c) => c.name === given.value);
      if (byName.length === 1 && byName[0] !== undefined) return byName[0].id;
      return yield* Errors.usage(
        byName.length > 1
          ? `${byName.length} connections are named "${given.value}": pick one by id with -c <id> (${list})`
          : all.length === 0
            ? `no connection "${given.value}": the store holds none; create one with \`${Help.invokedAs()} connect\``
            : `no connection "${given.value}": pick one of ${list}`,
      );
    }
    const [only, ...rest] = all;
    if (only !== undefined && rest.length === 0) return only.id;
    return yield* Errors.usage(
      all.length === 0
        ? `no connection: create one with \`${Help.invokedAs()} connect\` (or try \`${Help.invokedAs()} demo\`)`
        : `the store holds ${all.length} connections: pick one with -c <name or id> (${list})`,
    );
  });

/** How many recent runs of each connection a short run id is looked up in. */
const prefixLookupRuns = 200;

/**
 * A run id from what was typed: a whole id as given, or the one recent run whose id starts with it (the
 * tables show the first 8 characters).
 */
export const resolveRunId = (given: string) =>
  Effect.gen(function* () {
    if (given.length >= 36) return given;
    const sync = yield* Sync.Sync;
    const matches: Array<string> = [];
    for (const c of yield* sync.connections) {
      const page = yield* sync.runs(c.id, { limit: prefixLookupRuns });
      matches.push(...page.runs.map((r) => r.id).filter((id) => id.startsWith(given)));
    }
    const [only, ...rest] = matches;
    if (only !== undefined && rest.length === 0) return only;
    if (only === undefined) return given;
    return yield* Errors.usage(`${matches.length} runs start with "${given}": give more of the id`);
  });

/** The first characters of a run id, as tables show it. */
export const shortId = (id: string): string => id.slice(0, 8);

/** Runs a handler on the store, clients and `Sync` configured from the environment. */
export const withApp = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
): Effect.Effect<A, E | SyncStore.SyncStoreError, Exclude<R, AppLayer.App | Clients.Clients>> =>
  Effect.provide(effect, AppLayer.fromEnv);
