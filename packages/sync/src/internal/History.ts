/**
 * Reading what happened: a connection's status (last run, last success per type, whether a run holds
 * the lease, next scheduled run — SPEC R5), its runs, one run with its items, and the scheduler's view
 * of every connection.
 */
import type { Ids } from "@harvest-runn/domain";
import type { Run } from "@harvest-runn/storage";
import { Effect, Option } from "effect";
import type { ConnectionView, RunDetail, RunSummary, Status } from "../Output.ts";
import * as Progress from "../Progress.ts";
import * as Scheduler from "../Scheduler.ts";
import * as SyncError from "../SyncError.ts";
import { viewOf } from "./Connect.ts";
import { type Env, loadConnection, now } from "./Env.ts";
import { fromItem, storedScope, toSummary } from "./Record.ts";

/** Every connection, without secrets. */
export const connections = (env: Env) =>
  Effect.gen(function* () {
    const list = yield* env.store.connections.list.pipe(Effect.mapError(SyncError.fromStore));
    return yield* Effect.forEach(list, (c) =>
      env.store.settings.get(c.id).pipe(
        Effect.map((s): ConnectionView => viewOf(c, s)),
        Effect.mapError(SyncError.fromStore),
      ),
    );
  });

/** The scheduler's view of every connection: schedule, creation, last scheduled instant served. */
export const scheduled = (env: Env) =>
  Effect.gen(function* () {
    const list = yield* env.store.connections.list.pipe(Effect.mapError(SyncError.fromStore));
    return yield* Effect.forEach(list, (c) =>
      Effect.gen(function* () {
        const settings = yield* env.store.settings.get(c.id).pipe(Effect.mapError(SyncError.fromStore));
        const page = yield* env.store.runs
          .list(c.id, { limit: 50 })
          .pipe(Effect.mapError(SyncError.fromStore));
        let last: Date | null = null;
        for (const r of page.runs) {
          const at = storedScope(r.scope).scheduledFor;
          if (r.trigger === "schedule" && at) {
            last = new Date(at);
            break;
          }
        }
        const s: Scheduler.Scheduled = {
          connectionId: c.id,
          schedule: settings.schedule,
          lastScheduledFor: last,
          createdAt: new Date(c.createdAt),
        };
        return s;
      }),
    );
  });

/** A connection's status (SPEC R5). */
export const status = (env: Env, connectionId: string) =>
  Effect.gen(function* () {
    const conn = yield* loadConnection(env, connectionId);
    const [lease, page, last, progress] = yield* Effect.all(
      [
        env.store.leases.get(conn.id),
        env.store.runs.list(conn.id, { limit: 1 }),
        env.store.runs.lastSuccess(conn.id),
        env.store.progress.get(conn.id),
      ],
      { concurrency: 4 },
    ).pipe(Effect.mapError(SyncError.fromStore));
    const at = yield* now;
    const next = conn.settings.schedule.enabled
      ? Scheduler.nextWake(
          [
            {
              connectionId: conn.id,
              schedule: conn.settings.schedule,
              lastScheduledFor: null,
              createdAt: at,
            },
          ],
          at,
        )
      : null;
    const running = Option.match(lease, { onNone: () => false, onSome: (l) => !l.expired });
    const current = page.runs[0];
    const result: Status = {
      connection: viewOf(conn.connection, conn.settings),
      running,
      progress:
        running && current?.status === "running"
          ? Option.match(progress, {
              onNone: () => null,
              onSome: (p) => (p.runId === current.id ? Progress.describe(p, at) : null),
            })
          : null,
      lastRun: current === undefined ? null : toSummary(current),
      lastSuccess: {
        clients: last.clients?.at ?? null,
        projects: last.projects?.at ?? null,
        people: last.people?.at ?? null,
        actuals: last.actuals?.at ?? null,
      },
      nextScheduledAt: next === null ? null : next.toISOString(),
    };
    return result;
  });

/** A page of a connection's runs, newest first. */
export const runs = (
  env: Env,
  connectionId: string,
  page: { readonly limit?: number; readonly before?: number } = {},
) =>
  env.store.runs.list(connectionId as Ids.ConnectionId, page).pipe(
    Effect.map((p): { runs: ReadonlyArray<RunSummary>; next: number | null } => ({
      runs: p.runs.map(toSummary),
      next: p.next,
    })),
    Effect.mapError(SyncError.fromStore),
  );

/** One run with its items (filtered by outcome or reason when asked). */
export const runDetail = (env: Env, runId: string, filter: Run.ItemFilter = {}) =>
  env.store.runs.get(runId as Ids.RunId, { limit: 100_000, ...filter }).pipe(
    Effect.map((d): RunDetail => ({ summary: toSummary(d.run), items: d.items.map(fromItem) })),
    Effect.mapError((e) =>
      e.reason === "NotFound" ? SyncError.make("RunNotFound", `no run ${runId}`) : SyncError.fromStore(e),
    ),
  );
