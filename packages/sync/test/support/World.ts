/**
 * End-to-end harness: a sandbox on 127.0.0.1 (real HTTP, compressed rate limits), a `Sync` wired to it
 * with a store, and helpers that read the sandbox's Runn state by references and keys (never by ids).
 */
import { type RunningSandbox, type StartOptions, startSandbox } from "@harvest-runn/sandbox";
import { SyncStore } from "@harvest-runn/storage";
import { type Duration, Effect, Layer, ManagedRuntime, Redacted } from "effect";
import * as Clients from "../../src/Clients.ts";
import * as Sync from "../../src/Sync.ts";
import * as SyncClock from "../../src/SyncClock.ts";

/** The date every end-to-end test pins the sandbox to. */
export const anchorDate = "2026-03-16";

/** A started world: the sandbox, a Sync runtime over it, and the connection's id. */
export interface World {
  readonly sb: RunningSandbox;
  readonly runtime: ManagedRuntime.ManagedRuntime<Sync.Sync | SyncStore.SyncStore, never>;
  readonly sync: <A, E>(f: (s: Sync.Service) => Effect.Effect<A, E>) => Promise<A>;
  readonly connectionId: string;
  readonly control: <T = any>(method: string, path: string, body?: unknown) => Promise<T>;
  readonly harvestWrite: <T = any>(method: string, path: string, body?: unknown) => Promise<T>;
  readonly close: () => Promise<void>;
}

/** Options of `start`. */
export interface WorldOptions extends StartOptions {
  /** Settings of the connection (default: actuals switched on). */
  readonly settings?: unknown;
  /** A store layer shared between worlds (default a fresh in-memory store). */
  readonly store?: Layer.Layer<SyncStore.SyncStore>;
  readonly leaseTtl?: Duration.DurationInput;
  readonly maxAttempts?: number;
}

/** Builds a Sync over a sandbox that is already running. */
export const syncOver = (
  sb: RunningSandbox,
  store: Layer.Layer<SyncStore.SyncStore>,
  o: { leaseTtl?: Duration.DurationInput; maxAttempts?: number; holder?: string } = {},
) => {
  const scale = sb.info.timeScale;
  const clients = Clients.layer({
    harvestBaseUrl: sb.info.harvest.baseUrl,
    harvestIdBaseUrl: sb.info.harvest.idBaseUrl,
    harvestRateLimit: { limit: 100, window: `${Math.ceil(15_000 / scale)} millis` },
    runnRateLimit: { limit: 120, window: `${Math.ceil(60_000 / scale)} millis` },
    baseDelay: "5 millis",
    ...(o.maxAttempts === undefined ? {} : { maxAttempts: o.maxAttempts }),
  });
  const sync = Sync.layer({
    leaseTtl: o.leaseTtl ?? "20 seconds",
    ...(o.holder === undefined ? {} : { holder: o.holder }),
  });
  const clock = SyncClock.layer(SyncClock.runningFrom(() => sb.sandbox.nowSeconds() * 1000));
  return ManagedRuntime.make(Layer.provideMerge(sync, Layer.mergeAll(store, clients, clock)));
};

/** Starts a sandbox and a Sync, and connects the sandbox's first account pair. */
export const start = async (options: WorldOptions = {}): Promise<World> => {
  const sb = await startSandbox({ port: 0, seed: 7, preset: "tiny", anchorDate, timeScale: 200, ...options });
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
  const control = async (method: string, path: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${sb.info.control}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return res.json();
  };
  const harvestWrite = async (method: string, path: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${sb.info.harvest.baseUrl}${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${sb.info.harvest.token}`,
        "harvest-account-id": sb.info.harvest.accountId,
        "user-agent": "HarvestRunnTests (tests@example.com)",
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text === "" ? null : JSON.parse(text);
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

type Ref = { referenceName: string; externalId: string };
const harvestRef = (refs: ReadonlyArray<Ref>) =>
  refs
    .filter((r) => r.referenceName === "Harvest")
    .map((r) => r.externalId)
    .sort()
    .join(",");

/** Runn's state keyed by references and keys: what a user sees, independent of ids and timestamps. */
export const runnState = async (w: World) => {
  const s = await w.control("GET", "/runn/state");
  const roleName = new Map<number, string>(s.roles.map((r: any) => [r.id, r.name]));
  const personRef = new Map<number, string>(
    s.people.map((p: any) => [p.id, harvestRef(p.references) || `runn:${p.id}`]),
  );
  const projectRef = new Map<number, string>(
    s.projects.map((p: any) => [p.id, harvestRef(p.references) || `runn:${p.id}`]),
  );
  const clientRef = new Map<number, string>(
    s.clients.map((c: any) => [c.id, harvestRef(c.references) || `runn:${c.id}`]),
  );
  const count = (list: ReadonlyArray<string>) => {
    const m: Record<string, number> = {};
    for (const k of list) m[k] = (m[k] ?? 0) + 1;
    return m;
  };
  const contractRole = new Map<number, string>(
    s.currentContracts.map((c: any) => [c.personId, roleName.get(c.roleId) ?? "?"]),
  );
  const refs = (list: ReadonlyArray<any>, kind: string) =>
    list
      .map((x: any) => harvestRef(x.references))
      .filter((r) => r !== "")
      .map((r) => `${kind}:${r}`);
  return {
    refs: count([...refs(s.clients, "client"), ...refs(s.projects, "project"), ...refs(s.people, "person")]),
    clients: count(
      s.clients.filter((c: any) => !c.isArchived).map((c: any) => `${clientRef.get(c.id)}|${c.name}`),
    ),
    projects: count(
      s.projects.map((p: any) => `${projectRef.get(p.id)}|${p.name}|${clientRef.get(p.clientId)}`),
    ),
    people: count(
      s.people.map(
        (p: any) => `${personRef.get(p.id)}|${p.firstName} ${p.lastName}|${contractRole.get(p.id)}`,
      ),
    ),
    roles: count(s.roles.map((r: any) => String(r.name))),
    actuals: Object.fromEntries(
      (s.actuals as Array<any>)
        .filter((a) => a.billableMinutes > 0 || a.nonbillableMinutes > 0)
        .map((a) => [
          `${personRef.get(a.personId)}:${projectRef.get(a.projectId)}:${roleName.get(a.roleId)}:${a.date}:${a.workstreamId ?? ""}`,
          `${a.billableMinutes}+${a.nonbillableMinutes}`,
        ])
        .sort(),
    ),
  };
};

/** Harvest ids referenced by more than one Runn entity of a kind (duplicates the sync must never create). */
export const duplicates = (state: Awaited<ReturnType<typeof runnState>>) =>
  Object.entries(state.refs)
    .filter(([, n]) => n > 1)
    .map(([k]) => k);
