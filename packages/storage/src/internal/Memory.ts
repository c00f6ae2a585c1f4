/** The in-memory `SyncStore`: plain maps, synchronous and therefore atomic within the process. */
import { randomUUID } from "node:crypto";
import { type Ids, Settings } from "@harvest-runn/domain";
import { Duration, Effect, Option } from "effect";
import { type Connection, defaultRunnBaseUrl } from "../Connection.ts";
import type { Lease } from "../Lease.ts";
import * as SecretBox from "../SecretBox.ts";
import type * as SyncStore from "../SyncStore.ts";
import { fail } from "../SyncStoreError.ts";
import {
  emptyPagesState,
  forgetConnection,
  makeRecorded,
  makeSavedPlans,
  makeSessions,
  type PagesState,
} from "./MemoryPages.ts";
import { makeProgress } from "./MemoryProgress.ts";
import { makeLedger, makeRuns } from "./MemoryRuns.ts";
import { clampLimit, fence, json, now, row, type State } from "./MemoryState.ts";

/** Capabilities of the in-memory adapter. */
export const capabilities: SyncStore.Capabilities = {
  persistent: false,
  multiProcess: false,
  encryptedAtRest: false,
};

const makeConnections = (state: State, pages: PagesState): SyncStore.Connections => ({
  create: (input) =>
    Effect.gen(function* () {
      const id = input.id ?? (randomUUID() as Ids.ConnectionId);
      if (state.connections.has(id))
        return yield* Effect.fail(fail("AlreadyExists", `connection ${id} exists`));
      const t = yield* now;
      const view: Connection = {
        id,
        name: input.name,
        harvest: { accountId: input.harvest.accountId, userAgent: input.harvest.userAgent },
        runn: { baseUrl: input.runn.baseUrl ?? defaultRunnBaseUrl },
        createdAt: t.iso,
        updatedAt: t.iso,
      };
      state.connections.set(id, {
        view,
        harvestToken: state.box.seal(input.harvest.token, `${id}:harvest`),
        runnToken: state.box.seal(input.runn.token, `${id}:runn`),
        settings: {},
        cursors: new Map(),
        ledger: new Map(),
        doNotImport: new Map(),
        audit: [],
        lastSuccess: new Map(),
        runCount: 0,
      });
      return view;
    }),
  update: (id, patch) =>
    Effect.gen(function* () {
      const r = yield* row(state, id);
      const t = yield* now;
      r.view = {
        ...r.view,
        name: patch.name ?? r.view.name,
        harvest: {
          accountId: patch.harvest?.accountId ?? r.view.harvest.accountId,
          userAgent: patch.harvest?.userAgent ?? r.view.harvest.userAgent,
        },
        runn: { baseUrl: patch.runn?.baseUrl ?? r.view.runn.baseUrl },
        updatedAt: t.iso,
      };
      if (patch.harvest?.token) r.harvestToken = state.box.seal(patch.harvest.token, `${id}:harvest`);
      if (patch.runn?.token) r.runnToken = state.box.seal(patch.runn.token, `${id}:runn`);
      return r.view;
    }),
  get: (id) => Effect.map(row(state, id), (r) => r.view),
  list: Effect.sync(() => [...state.connections.values()].map((r) => r.view).sort((a, b) => cmp(a.id, b.id))),
  getSecrets: (id) =>
    Effect.flatMap(row(state, id), (r) =>
      Effect.all({
        harvestToken: state.box.open(r.harvestToken, `${id}:harvest`),
        runnToken: state.box.open(r.runnToken, `${id}:runn`),
      }),
    ),
  delete: (id) =>
    Effect.flatMap(row(state, id), () =>
      Effect.sync(() => {
        state.connections.delete(id);
        state.leases.delete(id);
        forgetConnection(pages, id);
        for (const [runId, r] of state.runs) if (r.run.connectionId === id) state.runs.delete(runId);
      }),
    ),
});

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const makeSettings = (state: State): SyncStore.SettingsStore => ({
  get: (id) =>
    Effect.flatMap(row(state, id), (r) =>
      Effect.mapError(Settings.decode(r.settings), (e) =>
        fail("Corrupt", `stored settings of ${id}: ${e.message}`),
      ),
    ),
  put: (id, settings) =>
    Effect.gen(function* () {
      const r = yield* row(state, id);
      const encoded = yield* Effect.mapError(Settings.encode(settings), (e) =>
        fail("Corrupt", `invalid settings: ${e.message}`),
      );
      r.settings = json(encoded);
      return yield* Effect.orDie(Settings.decode(r.settings));
    }),
});

const makeCursors = (state: State): SyncStore.Cursors => ({
  get: (id, stream) => Effect.map(row(state, id), (r) => Option.fromNullable(r.cursors.get(stream))),
  list: (id) => Effect.map(row(state, id), (r) => Object.fromEntries(r.cursors)),
  set: (lease, stream, value) =>
    Effect.zipRight(
      fence(state, lease),
      Effect.map(row(state, lease.connectionId), (r) => void r.cursors.set(stream, value)),
    ),
});

const toLease = (
  id: Ids.ConnectionId,
  l: { holder: string; generation: number; acquiredAt: number; expiresAt: number },
) =>
  ({
    connectionId: id,
    holder: l.holder,
    generation: l.generation,
    acquiredAt: new Date(l.acquiredAt).toISOString(),
    expiresAt: new Date(l.expiresAt).toISOString(),
  }) satisfies Lease;

const makeLeases = (state: State): SyncStore.Leases => ({
  acquire: ({ connectionId, holder, ttl }) =>
    Effect.gen(function* () {
      yield* row(state, connectionId);
      const t = yield* now;
      const current = state.leases.get(connectionId);
      if (current && current.expiresAt > t.ms) {
        return yield* Effect.fail(
          fail("LeaseHeld", `connection ${connectionId} is leased until ${iso(current)}`),
        );
      }
      const next = {
        holder,
        generation: (current?.generation ?? 0) + 1,
        acquiredAt: t.ms,
        expiresAt: t.ms + Duration.toMillis(ttl),
      };
      state.leases.set(connectionId, next);
      return toLease(connectionId, next);
    }),
  renew: (lease, ttl) =>
    Effect.gen(function* () {
      const current = state.leases.get(lease.connectionId);
      if (!current || current.generation !== lease.generation) {
        return yield* Effect.fail(fail("LeaseLost", `lease of ${lease.connectionId} was taken over`));
      }
      current.expiresAt = (yield* now).ms + Duration.toMillis(ttl);
      return toLease(lease.connectionId, current);
    }),
  release: (lease) =>
    Effect.map(now, (t) => {
      const current = state.leases.get(lease.connectionId);
      if (current && current.generation === lease.generation)
        current.expiresAt = Math.min(current.expiresAt, t.ms);
    }),
  get: (id) =>
    Effect.map(now, (t) => {
      const current = state.leases.get(id);
      return current
        ? Option.some({ ...toLease(id, current), expired: current.expiresAt <= t.ms })
        : Option.none();
    }),
});

const iso = (l: { expiresAt: number }) => new Date(l.expiresAt).toISOString();

const makeDoNotImport = (state: State): SyncStore.DoNotImportStore => ({
  add: (id, entries) =>
    Effect.flatMap(row(state, id), (r) =>
      Effect.map(now, (t) => {
        for (const e of entries) {
          const k = `${e.kind}:${e.harvestId}`;
          if (r.doNotImport.has(k)) continue;
          r.doNotImport.set(k, {
            kind: e.kind,
            harvestId: e.harvestId,
            note: e.note ?? null,
            runId: e.runId ?? null,
            addedAt: t.iso,
          });
        }
      }),
    ),
  remove: (id, keys) =>
    Effect.map(row(state, id), (r) => {
      for (const k of keys) r.doNotImport.delete(`${k.kind}:${k.harvestId}`);
    }),
  list: (id) =>
    Effect.map(row(state, id), (r) =>
      [...r.doNotImport.values()].sort((a, b) => cmp(a.kind, b.kind) || a.harvestId - b.harvestId),
    ),
});

const makeAudit = (state: State): SyncStore.AuditLog => ({
  record: (id, entry) =>
    Effect.flatMap(row(state, id), (r) =>
      Effect.map(now, (t) => {
        state.auditSeq += 1;
        const stored = {
          seq: state.auditSeq,
          connectionId: id,
          at: t.iso,
          action: entry.action,
          kind: entry.kind,
          harvestId: entry.harvestId,
          runnId: entry.runnId,
          actor: entry.actor ?? null,
          note: entry.note ?? null,
        };
        r.audit.push(stored);
        return stored;
      }),
    ),
  list: (id, page) =>
    Effect.map(row(state, id), (r) => {
      const before = page?.before ?? Number.POSITIVE_INFINITY;
      return r.audit
        .filter((e) => e.seq < before)
        .reverse()
        .slice(0, clampLimit(page?.limit, 50, 1000));
    }),
});

/** Builds an empty in-memory store. */
export const make: Effect.Effect<SyncStore.Shape> = Effect.map(SecretBox.ephemeral, (box) => {
  const state: State = { box, connections: new Map(), leases: new Map(), runs: new Map(), auditSeq: 0 };
  const pages = emptyPagesState();
  return {
    supports: capabilities,
    connections: makeConnections(state, pages),
    settings: makeSettings(state),
    cursors: makeCursors(state),
    leases: makeLeases(state),
    runs: makeRuns(state),
    ledger: makeLedger(state),
    doNotImport: makeDoNotImport(state),
    audit: makeAudit(state),
    sessions: makeSessions(pages),
    savedPlans: makeSavedPlans(state, pages),
    recorded: makeRecorded(state, pages),
    progress: makeProgress(state),
  };
});
