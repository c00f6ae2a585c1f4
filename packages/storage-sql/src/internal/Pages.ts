/** Sessions, saved plans and recorded documents of the SQL store: the state a host's pages keep. */
import type { Ids } from "@harvest-runn/domain";
import { type Recorded, type SavedPlans, type Sessions, SyncStoreError } from "@harvest-runn/storage";
import { Duration, Effect, Option } from "effect";
import { type Deps, mapErrors, now, requireConnection } from "./Support.ts";

const expiry = (ms: number, ttl: Duration.DurationInput) => ms + Duration.toMillis(Duration.decode(ttl));
const iso = (ms: unknown) => new Date(Number(ms)).toISOString();

interface SessionRow {
  readonly key: string;
  readonly csrf: string;
  readonly created_at: unknown;
  readonly expires_at: unknown;
  readonly notice: string | null;
}

const toSession = (r: SessionRow): Sessions.Session => ({
  key: r.key,
  csrf: r.csrf,
  createdAt: iso(r.created_at),
  expiresAt: iso(r.expires_at),
  notice: r.notice,
});

/** The session part of the SQL store. */
export const makeSessions = ({ sql }: Deps): Sessions.SessionStore => ({
  create: Effect.fn("SyncStore.sessions.create")(function* ({ key, csrf, ttl }) {
    const t = yield* now;
    const rows = yield* sql
      .withTransaction(
        Effect.gen(function* () {
          // An expired row under the same key may be replaced; a live one may not.
          yield* sql`DELETE FROM hr_sessions WHERE key = ${key} AND expires_at <= ${t.ms}`;
          return yield* sql<SessionRow>`INSERT INTO hr_sessions ${sql.insert({
            key,
            csrf,
            created_at: t.ms,
            expires_at: expiry(t.ms, ttl),
            notice: null,
          })} ON CONFLICT (key) DO NOTHING RETURNING key, csrf, created_at, expires_at, notice`;
        }),
      )
      .pipe(mapErrors("sessions.create"));
    if (rows.length === 0) return yield* SyncStoreError.fail("AlreadyExists", "session key is taken");
    return toSession(rows[0]!);
  }),
  get: Effect.fn("SyncStore.sessions.get")(function* (key) {
    const t = yield* now;
    const rows = yield* sql<SessionRow>`SELECT key, csrf, created_at, expires_at, notice FROM hr_sessions
      WHERE key = ${key} AND expires_at > ${t.ms}`.pipe(mapErrors("sessions.get"));
    return Option.map(Option.fromNullable(rows[0]), toSession);
  }),
  setNotice: Effect.fn("SyncStore.sessions.setNotice")(function* (key, notice) {
    yield* sql`UPDATE hr_sessions SET notice = ${notice} WHERE key = ${key}`.pipe(
      mapErrors("sessions.setNotice"),
    );
  }),
  delete: Effect.fn("SyncStore.sessions.delete")(function* (key) {
    yield* sql`DELETE FROM hr_sessions WHERE key = ${key}`.pipe(mapErrors("sessions.delete"));
  }),
  prune: Effect.gen(function* () {
    const t = yield* now;
    const rows = yield* sql`DELETE FROM hr_sessions WHERE expires_at <= ${t.ms} RETURNING key`.pipe(
      mapErrors("sessions.prune"),
    );
    return rows.length;
  }).pipe(Effect.withSpan("SyncStore.sessions.prune")),
});

interface PlanRow {
  readonly id: string;
  readonly connection_id: string;
  readonly status: string;
  readonly created_at: unknown;
  readonly expires_at: unknown;
  readonly result: string;
  readonly error: string | null;
}

const toPlan = (r: PlanRow): SavedPlans.SavedPlan => ({
  id: r.id,
  connectionId: r.connection_id as Ids.ConnectionId,
  status: r.status as SavedPlans.SavedPlanStatus,
  createdAt: iso(r.created_at),
  expiresAt: iso(r.expires_at),
  result: JSON.parse(r.result),
  error: r.error === null ? null : JSON.parse(r.error),
});

const planColumns = "id, connection_id, status, created_at, expires_at, result, error";

/** The saved-plan part of the SQL store. */
export const makeSavedPlans = ({ sql }: Deps): SavedPlans.SavedPlanStore => ({
  put: Effect.fn("SyncStore.savedPlans.put")(function* (input) {
    const t = yield* now;
    const rows = yield* Effect.zipRight(
      requireConnection(sql, input.connectionId),
      sql<PlanRow>`INSERT INTO hr_saved_plans ${sql.insert({
        id: input.id,
        connection_id: input.connectionId,
        status: input.status,
        created_at: t.ms,
        expires_at: expiry(t.ms, input.ttl),
        result: JSON.stringify(input.result ?? null),
        error: input.error === null ? null : JSON.stringify(input.error),
      })} ON CONFLICT (id) DO UPDATE SET status = excluded.status, result = excluded.result,
        error = excluded.error RETURNING ${sql.literal(planColumns)}`,
    ).pipe(mapErrors("savedPlans.put"));
    return toPlan(rows[0]!);
  }),
  get: Effect.fn("SyncStore.savedPlans.get")(function* (connectionId, id) {
    const t = yield* now;
    const rows = yield* sql<PlanRow>`SELECT ${sql.literal(planColumns)} FROM hr_saved_plans
      WHERE id = ${id} AND connection_id = ${connectionId} AND expires_at > ${t.ms}`.pipe(
      mapErrors("savedPlans.get"),
    );
    return Option.map(Option.fromNullable(rows[0]), toPlan);
  }),
  prune: Effect.gen(function* () {
    const t = yield* now;
    const rows = yield* sql`DELETE FROM hr_saved_plans WHERE expires_at <= ${t.ms} RETURNING id`.pipe(
      mapErrors("savedPlans.prune"),
    );
    return rows.length;
  }).pipe(Effect.withSpan("SyncStore.savedPlans.prune")),
});

/** The recorded-documents part of the SQL store. */
export const makeRecorded = ({ sql }: Deps): Recorded.RecordedStore => ({
  put: Effect.fn("SyncStore.recorded.put")(function* (connectionId, name, value) {
    const t = yield* now;
    const doc = JSON.stringify(value ?? null);
    yield* Effect.zipRight(
      requireConnection(sql, connectionId),
      sql`INSERT INTO hr_recorded ${sql.insert({ connection_id: connectionId, name, doc, recorded_at: t.iso })}
        ON CONFLICT (connection_id, name) DO UPDATE SET doc = excluded.doc, recorded_at = excluded.recorded_at`,
    ).pipe(mapErrors("recorded.put"));
    return { value: JSON.parse(doc), recordedAt: t.iso };
  }),
  get: Effect.fn("SyncStore.recorded.get")(function* (connectionId, name) {
    const rows = yield* sql<{ doc: string; recorded_at: string }>`SELECT doc, recorded_at FROM hr_recorded
      WHERE connection_id = ${connectionId} AND name = ${name}`.pipe(mapErrors("recorded.get"));
    return Option.map(Option.fromNullable(rows[0]), (r) => ({
      value: JSON.parse(r.doc),
      recordedAt: r.recorded_at,
    }));
  }),
});
