/**
 * A started host for tests: the sandbox on 127.0.0.1, the host's runtime over an SQLite store in a temp
 * directory, and the app listening on port 0. Every response body read through `api` is recorded so a
 * test can check that no token ever appears in one.
 */

import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Optional } from "@harvest-runn/domain";
import { SandboxServer } from "@harvest-runn/sandbox";
import { SecretBox, type SyncStore } from "@harvest-runn/storage";
import { SyncStoreSql } from "@harvest-runn/storage-sql";
import { type Clients, type Sync, SyncClock } from "@harvest-runn/sync";
import { SandboxAccounts } from "@harvest-runn/sync/testing";
import { Layer, ManagedRuntime, Redacted } from "effect";
import { createApp } from "../../src/App.ts";
import * as Runtime from "../../src/Runtime.ts";

/** The date the tests pin the sandbox to. */
export const anchorDate = "2026-03-16";

/** The API key of the test host. */
export const apiKey = "test-key-7f3c9a1e5b2d4c6f";

/** A decoded JSON response body. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field in the tests
export type Json = any;

/** One recorded response. */
export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly text: string;
}

/** A started host. */
export interface Host {
  readonly sb: SandboxServer.RunningSandbox;
  readonly base: string;
  readonly bodies: Array<Recorded>;
  /** Calls the API with the key (or `key: null` without one) and records the response. */
  readonly api: (
    method: string,
    path: string,
    options?: { readonly body?: unknown; readonly key?: string | null; readonly raw?: string },
  ) => Promise<{ status: number; json: Json; headers: Headers }>;
  /**
   * Creates one of the sandbox's two account pairs (default the first) as a connection with id `id`;
   * a pair can be connected once.
   */
  readonly connect: (id: string, settings?: unknown, account?: 0 | 1) => Promise<Json>;
  /**
   * Stops the app and disposes its runtime, then starts both again over the same store (a restart of
   * the host; the sandbox keeps running). `base` stays the same.
   */
  readonly restart: () => Promise<void>;
  /** Polls a run until it has ended (bounded). */
  readonly waitForRun: (connectionId: string, runId: string) => Promise<Json>;
  readonly close: () => Promise<void>;
}

/** The API clients a host or worker uses against the sandbox (time-compressed limits). */
export const clientsFor = (sb: SandboxServer.RunningSandbox): Clients.Options =>
  SandboxAccounts.clients(sb.info);

/** The `Sync` options of a host or worker: a short lease. */
export const syncOptions: Sync.SyncOptions = { leaseTtl: "20 seconds" };

/** The sandbox's time (its anchor date, its jumps) running at wall speed. */
export const timeOf = (sb: SandboxServer.RunningSandbox) =>
  SyncClock.runningFrom(() => sb.sandbox.nowSeconds() * 1000);

/** What `startHost` may override: the store (default SQLite in a temp directory) and the dispatch. */
export interface HostOptions {
  readonly store?: Layer.Layer<SyncStore.SyncStore, SyncStore.SyncStoreError>;
  readonly dispatch?: Runtime.DispatchChoice;
  /** The sandbox's data preset (default `tiny`). */
  readonly preset?: "tiny" | "small" | "large";
  /** The failed-key limit of the app (default the app's). */
  readonly failedKeys?: { readonly limit?: number; readonly windowMs?: number };
}

/** Starts the sandbox and the host. */
export const startHost = async (options: HostOptions = {}): Promise<Host> => {
  const sb = await SandboxServer.startSandbox({
    port: 0,
    seed: 7,
    preset: options.preset ?? "tiny",
    anchorDate,
    timeScale: 200,
    runnData: "existing",
    accounts: 2,
  });
  const dir = mkdtempSync(join(tmpdir(), "harvest-runn-express-"));
  const secretKey = SecretBox.generateKey();
  // One clock for every runtime of this host, so a restart does not step time back.
  const clock = SyncClock.make(timeOf(sb));
  const makeRuntime = () =>
    ManagedRuntime.make(
      Runtime.layer({
        store: options.store ?? SyncStoreSql.layerSqlite({ filename: join(dir, "state.db"), secretKey }),
        clients: clientsFor(sb),
        sync: syncOptions,
        clock,
        scheduler: false,
        ...Optional.fields({ dispatch: options.dispatch }),
      }).pipe(Layer.orDie),
    );
  const listen = (port: number, runtime: ReturnType<typeof makeRuntime>): Promise<Server> => {
    const app = createApp(runtime, {
      apiKey: Redacted.make(apiKey),
      ...Optional.fields({ failedKeys: options.failedKeys }),
    });
    return new Promise((resolve) => {
      const s = app.listen(port, "127.0.0.1", () => resolve(s));
    });
  };
  let runtime = makeRuntime();
  let server = await listen(0, runtime);
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.dispose();
  };
  const bodies: Array<Recorded> = [];

  const api: Host["api"] = async (method, path, options = {}) => {
    const key = options.key === undefined ? apiKey : options.key;
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(options.body === undefined && options.raw === undefined
          ? {}
          : { "content-type": "application/json" }),
      },
      ...(options.raw !== undefined
        ? { body: options.raw }
        : options.body === undefined
          ? {}
          : { body: JSON.stringify(options.body) }),
    });
    const text = await res.text();
    bodies.push({ method, path, status: res.status, text });
    return { status: res.status, json: text === "" ? null : JSON.parse(text), headers: res.headers };
  };

  const connect: Host["connect"] = async (id, settings, account = 0) => {
    const pair = sb.info.accounts[account]!;
    const res = await api("POST", "/connections", {
      body: {
        id,
        name: `Sandbox ${id}`,
        harvest: {
          accountId: Number(pair.harvest.accountId),
          userAgent: "HarvestRunnTests (tests@example.com)",
          token: pair.harvest.token,
        },
        runn: { baseUrl: pair.runn.baseUrl, token: pair.runn.token },
        ...Optional.fields({ settings }),
      },
    });
    if (res.status !== 201) throw new Error(`connect failed: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  };

  const waitForRun: Host["waitForRun"] = async (connectionId, runId) => {
    for (let i = 0; i < 600; i++) {
      const res = await api("GET", `/connections/${connectionId}/runs/${runId}`);
      if (res.status === 200 && res.json.summary.status !== "running") return res.json;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`run ${runId} did not end`);
  };

  return {
    sb,
    base,
    bodies,
    api,
    connect,
    waitForRun,
    restart: async () => {
      await stop();
      // Let the test's HTTP client see its kept-alive sockets closed before the next request.
      await new Promise((r) => setTimeout(r, 100));
      runtime = makeRuntime();
      server = await listen(port, runtime);
    },
    close: async () => {
      await stop();
      await sb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** The secrets no response may contain: every sandbox token and the API key. */
export const secretsOf = (h: Host): ReadonlyArray<string> => [
  ...h.sb.info.accounts.flatMap((a) => [
    a.harvest.token,
    ...Object.values(a.harvest.tokens),
    a.runn.token,
    ...Object.values(a.runn.tokens),
  ]),
  apiKey,
];
