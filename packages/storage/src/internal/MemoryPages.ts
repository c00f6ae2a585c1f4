/** The in-memory sessions, saved plans and recorded documents (plain maps, like the rest of the adapter). */
import type { Ids } from "@harvest-runn/domain";
import { Duration, Effect, Option } from "effect";
import type { RecordedDoc, RecordedStore } from "../Recorded.ts";
import type { SavedPlan, SavedPlanStore } from "../SavedPlans.ts";
import type { Session, SessionStore } from "../Sessions.ts";
import { fail } from "../SyncStoreError.ts";
import { json, now, row, type State } from "./MemoryState.ts";

/** What these parts keep beside the adapter's `State`. */
export interface PagesState {
  readonly sessions: Map<string, Session>;
  readonly plans: Map<string, SavedPlan>;
  /** By connection id, then document name. */
  readonly recorded: Map<Ids.ConnectionId, Map<string, RecordedDoc>>;
}

/** An empty `PagesState`. */
export const emptyPagesState = (): PagesState => ({
  sessions: new Map(),
  plans: new Map(),
  recorded: new Map(),
});

/** Forgets what belongs to a deleted connection. */
export const forgetConnection = (pages: PagesState, id: Ids.ConnectionId) => {
  pages.recorded.delete(id);
  for (const [planId, p] of pages.plans) if (p.connectionId === id) pages.plans.delete(planId);
};

const live = (expiresAt: string, ms: number) => Date.parse(expiresAt) > ms;

const expiry = (ms: number, ttl: Duration.DurationInput) =>
  new Date(ms + Duration.toMillis(Duration.decode(ttl))).toISOString();

const pruneMap = <A extends { readonly expiresAt: string }>(map: Map<string, A>) =>
  Effect.map(now, (t) => {
    let removed = 0;
    for (const [k, v] of map)
      if (!live(v.expiresAt, t.ms)) {
        map.delete(k);
        removed += 1;
      }
    return removed;
  });

/** The in-memory session store. */
export const makeSessions = (pages: PagesState): SessionStore => ({
  create: ({ key, csrf, ttl }) =>
    Effect.gen(function* () {
      const t = yield* now;
      const existing = pages.sessions.get(key);
      if (existing !== undefined && live(existing.expiresAt, t.ms))
        return yield* Effect.fail(fail("AlreadyExists", "session key is taken"));
      const session: Session = { key, csrf, createdAt: t.iso, expiresAt: expiry(t.ms, ttl), notice: null };
      pages.sessions.set(key, session);
      return session;
    }),
  get: (key) =>
    Effect.map(now, (t) => {
      const s = pages.sessions.get(key);
      return s !== undefined && live(s.expiresAt, t.ms) ? Option.some(s) : Option.none();
    }),
  setNotice: (key, notice) =>
    Effect.sync(() => {
      const s = pages.sessions.get(key);
      if (s !== undefined) pages.sessions.set(key, { ...s, notice });
    }),
  delete: (key) => Effect.sync(() => void pages.sessions.delete(key)),
  prune: pruneMap(pages.sessions),
});

/** The in-memory saved-plan store. */
export const makeSavedPlans = (state: State, pages: PagesState): SavedPlanStore => ({
  put: (input) =>
    Effect.gen(function* () {
      yield* row(state, input.connectionId);
      const t = yield* now;
      const before = pages.plans.get(input.id);
      const plan: SavedPlan = {
        id: input.id,
        connectionId: input.connectionId,
        status: input.status,
        createdAt: before?.createdAt ?? t.iso,
        expiresAt: before?.expiresAt ?? expiry(t.ms, input.ttl),
        result: json(input.result) ?? null,
        error: input.error,
      };
      pages.plans.set(input.id, plan);
      return plan;
    }),
  get: (connectionId, id) =>
    Effect.map(now, (t) => {
      const p = pages.plans.get(id);
      return p !== undefined && p.connectionId === connectionId && live(p.expiresAt, t.ms)
        ? Option.some(p)
        : Option.none();
    }),
  prune: pruneMap(pages.plans),
});

/** The in-memory recorded documents. */
export const makeRecorded = (state: State, pages: PagesState): RecordedStore => ({
  put: (connectionId, name, value) =>
    Effect.gen(function* () {
      yield* row(state, connectionId);
      const t = yield* now;
      const doc: RecordedDoc = { value: json(value) ?? null, recordedAt: t.iso };
      const docs = pages.recorded.get(connectionId) ?? new Map<string, RecordedDoc>();
      docs.set(name, doc);
      pages.recorded.set(connectionId, docs);
      return doc;
    }),
  get: (connectionId, name) =>
    Effect.sync(() => Option.fromNullable(pages.recorded.get(connectionId)?.get(name))),
});
