/**
 * End-to-end harness: a sandbox on 127.0.0.1 (real HTTP, compressed rate limits), a `Sync` wired to it
 * with a store, and helpers that read the sandbox's Runn state by references and keys (never by ids).
 */
import { Optional } from "@harvest-runn/domain";
import { SandboxServer } from "@harvest-runn/sandbox";
import { SyncStore } from "@harvest-runn/storage";
import * as RunnState from "@harvest-runn/testing-support/RunnState";
import { type Duration, Effect, Layer, ManagedRuntime, Redacted } from "effect";
import * as Clients from "../../src/Clients.ts";
import * as Sync from "../../src/Sync.ts";
import * as SyncClock from "../../src/SyncClock.ts";
import { SandboxAccounts } from "../../src/testing/index.ts";
import type { ControlReply } from "./Documents.ts";

/** The date every end-to-end test pins the sandbox to. */
export const anchorDate = "2026-03-16";

/** A started world: the sandbox, a Sync runtime over it, and the connection's id. */
export interface World {
  readonly sb: SandboxServer.RunningSandbox;
  readonly runtime: ManagedRuntime.ManagedRuntime<Sync.Sync | SyncStore.SyncStore, never>;
  readonly sync: <A, E>(f: (s: Sync.Service) => Effect.Effect<A, E>) => Promise<A>;
  readonly connectionId: string;
  /** Calls the sandbox's control API; the reply is typed by route (see `Documents.ControlReplies`). */
  readonly control: <M extends string, P extends string>(
    method: M,
    path: P,
    body?: unknown,
  ) => Promise<ControlReply<M, P>>;
  /** Calls the Harvest API as the account's administrator; `T` is the reply the caller expects. */
  readonly harvestWrite: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
  readonly close: () => Promise<void>;
}

/** Options of `start`. */
export interface WorldOptions extends SandboxServer.StartOptions {
  /** Settings of the connection (default: actuals switched on). */
  readonly settings?: unknown;
  /** A store layer shared between worlds (default a fresh in-memory store). */
  readonly store?: Layer.Layer<SyncStore.SyncStore>;
  readonly leaseTtl?: Duration.DurationInput;
  readonly maxAttempts?: number;
}

/** Builds a Sync over a sandbox that is already running. */
export const syncOver = (
  sb: SandboxServer.RunningSandbox,
  store: Layer.Layer<SyncStore.SyncStore>,
  o: { leaseTtl?: Duration.DurationInput; maxAttempts?: number; holder?: string } = {},
) => {
  const clients = Clients.layer({
    ...SandboxAccounts.clients(sb.info),
    ...Optional.fields({ maxAttempts: o.maxAttempts }),
  });
  const sync = Sync.layer({
    leaseTtl: o.leaseTtl ?? "20 seconds",
    ...Optional.fields({ holder: o.holder }),
  });
  const clock = SyncClock.layer(SyncClock.runningFrom(() => sb.sandbox.nowSeconds() * 1000));
  return ManagedRuntime.make(Layer.provideMerge(sync, Layer.mergeAll(store, clients, clock)));
};

/** Starts a sandbox and a Sync, and connects the sandbox's first account pair. */
export const start = async (options: WorldOptions = {}): Promise<World> => {
  const sb = await SandboxServer.startSandbox({
    port: 0,
    seed: 7,
    preset: "tiny",
    anchorDate,
    timeScale: 200,
    ...options,
  });
  const store = options.store ?? SyncStore.layerMemory;
  const runtime = syncOver(sb, store, options);
  const run = <A, E>(f: (s: Sync.Service) => Effect.Effect<A, E>) =>
    runtime.runPromise(Effect.flatMap(Sync.Sync, f));
  const connected = await run((s) =>
    s.connect({
      name: "sandbox",
      harvest: {
        accountId: Number(sb.info.harvest.accountId),
        userAgent: "HarvestRunnTests (tests@example.com)",
        token: Redacted.make(sb.info.harvest.token),
      },
      runn: { baseUrl: sb.info.runn.baseUrl, token: Redacted.make(sb.info.runn.token) },
      settings: options.settings ?? { switches: { actuals: true } },
    }),
  );
  const control = async <M extends string, P extends string>(
    method: M,
    path: P,
    body?: unknown,
  ): Promise<ControlReply<M, P>> => {
    const res = await fetch(`${sb.info.control}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...Optional.fields({ body: Optional.map(body, (b) => JSON.stringify(b)) }),
    });
    return (await res.json()) as ControlReply<M, P>;
  };
  const harvestWrite = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sb.info.harvest.baseUrl}${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${sb.info.harvest.token}`,
        "harvest-account-id": sb.info.harvest.accountId,
        "user-agent": "HarvestRunnTests (tests@example.com)",
      },
      ...Optional.fields({ body: Optional.map(body, (b) => JSON.stringify(b)) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text === "" ? null : JSON.parse(text)) as T;
  };
  return {
    sb,
    runtime,
    sync: run,
    connectionId: connected.connection.id,
    control,
    harvestWrite,
    close: async () => {
      await runtime.dispose();
      await sb.close();
    },
  };
};

/** Runn's state keyed by references and keys: what a user sees, independent of ids and timestamps. */
export const runnState = (w: World): Promise<RunnState.State> => RunnState.of(w.sb.info.control);

/** Harvest ids referenced by more than one Runn entity of a kind (duplicates the sync must never create). */
export const duplicates = RunnState.duplicates;
