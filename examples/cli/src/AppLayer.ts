/**
 * The layers a command runs on: the embedded SQLite store, the API clients and `Sync` over them. The
 * demo builds the same stack over its own sandbox and folder.
 */
import { join } from "node:path";
import type { SyncStore } from "@harvest-runn/storage";
import { SyncStoreSql } from "@harvest-runn/storage-sql";
import { Clients, Sync } from "@harvest-runn/sync";
import { Effect, Layer, Option, type Redacted } from "effect";
import * as CliConfig from "./Config.ts";

/** What every command's handler can use. */
export type App = Sync.Sync | SyncStore.SyncStore;

/** Inputs of `make`. */
export interface AppOptions {
  readonly stateDir: string;
  readonly secretKey: Option.Option<Redacted.Redacted<string>>;
  readonly clients: Clients.Options;
  readonly now?: () => Date;
}

/** `Sync` and its store over a SQLite file in `stateDir`. */
export const make = (o: AppOptions) => {
  const store = SyncStoreSql.layerSqlite({
    filename: join(o.stateDir, "state.db"),
    ...Option.match(o.secretKey, { onNone: () => ({}), onSome: (secretKey) => ({ secretKey }) }),
  });
  const sync = Sync.layer(o.now === undefined ? {} : { now: o.now });
  return Layer.provideMerge(sync, Layer.merge(store, Clients.layer(o.clients)));
};

/** The stack configured from the environment (`Config.load`). */
export const fromEnv = Layer.unwrapEffect(
  Effect.map(CliConfig.load, (c) =>
    make({
      stateDir: c.stateDir,
      secretKey: c.secretKey,
      clients: c.clients,
      ...Option.match(c.now, { onNone: () => ({}), onSome: (d) => ({ now: pinnedClock(d) }) }),
    }),
  ),
);

/** A clock that starts at `at` and runs at wall speed. */
export const pinnedClock = (at: Date): (() => Date) => {
  const offset = at.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
};
