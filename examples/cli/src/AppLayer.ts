/**
 * The layers a command runs on: the embedded SQLite store, the API clients and `Sync` over them. The
 * demo builds the same stack over its own sandbox and folder.
 */
import { join } from "node:path";
import type { SyncStore } from "@harvest-runn/storage";
import { SyncStoreSql } from "@harvest-runn/storage-sql";
import { Clients, Sync, SyncClock } from "@harvest-runn/sync";
import { Effect, Layer, Option, type Redacted } from "effect";
import * as CliConfig from "./Config.ts";

/** What every command's handler can use. */
export type App = Sync.Sync | SyncStore.SyncStore;

/** Inputs of `make`. */
export interface AppOptions {
  readonly stateDir: string;
  readonly secretKey: Option.Option<Redacted.Redacted<string>>;
  readonly clients: Clients.Options;
  /** The time the commands run at (default the machine's); see `SyncClock`. */
  readonly time?: SyncClock.TimeSource;
}

/** `Sync` and its store over a SQLite file in `stateDir`. */
export const make = (o: AppOptions) => {
  const store = SyncStoreSql.layerSqlite({
    filename: join(o.stateDir, "state.db"),
    ...Option.match(o.secretKey, { onNone: () => ({}), onSome: (secretKey) => ({ secretKey }) }),
  });
  const deps = Layer.merge(store, Clients.layer(o.clients));
  const clock = o.time === undefined ? Layer.empty : SyncClock.layer(o.time);
  return Layer.provideMerge(Sync.layer(), Layer.merge(deps, clock));
};

/** The stack configured from the environment (`Config.load`). */
export const fromEnv = Layer.unwrapEffect(
  Effect.map(CliConfig.load, (c) =>
    make({
      stateDir: c.stateDir,
      secretKey: c.secretKey,
      clients: c.clients,
      ...Option.match(c.now, { onNone: () => ({}), onSome: (d) => ({ time: SyncClock.startingAt(d) }) }),
    }),
  ),
);
