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

/** `--json`: exactly one JSON document on stdout. */
export const json = Options.boolean("json").pipe(
  Options.withDescription("print one JSON document on stdout"),
);

/** `--connection <id>` (optional when the store holds exactly one connection). */
export const connection = Options.text("connection").pipe(
  Options.withAlias("c"),
  Options.withDescription("connection id (default: the only connection in the store)"),
  Options.optional,
);

/** The connection to act on: the given id, or the only one in the store. */
export const resolveConnection = (given: Option.Option<string>) =>
  Effect.gen(function* () {
    if (Option.isSome(given)) return given.value;
    const sync = yield* Sync.Sync;
    const all = yield* sync.connections;
    const [only, ...rest] = all;
    if (only !== undefined && rest.length === 0) return only.id;
    return yield* Errors.usage(
      all.length === 0
        ? "the store holds no connection: create one with `harvest-runn connect` (or run `harvest-runn demo`)"
        : `the store holds ${all.length} connections (${all.map((c) => c.id).join(", ")}): pick one with --connection <id>`,
    );
  });

/** Runs a handler on the store, clients and `Sync` configured from the environment. */
export const withApp = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
): Effect.Effect<A, E | SyncStore.SyncStoreError, Exclude<R, AppLayer.App | Clients.Clients>> =>
  Effect.provide(effect, AppLayer.fromEnv);
