/**
 * What each page shows, read from the store only (through `Sync`'s store reads and `SyncStore`): a page
 * never waits on Harvest or Runn (DESIGN decision 15). What pages show from the APIs (linked projects,
 * names behind skipped time) was recorded by runs (`Recorded`).
 */
import type { Ids } from "@harvest-runn/domain";
import { SyncStore } from "@harvest-runn/storage";
import { type Output, Recorded, Sync, SyncError } from "@harvest-runn/sync";
import { Effect, Option } from "effect";

/** A connection's settings page. */
export interface ConnectionModel {
  readonly status: Output.Status;
  readonly settings: Output.SettingsView;
  readonly runs: ReadonlyArray<Output.RunSummary>;
  /** Linked projects as the latest entity run saw them (null before any run recorded them). */
  readonly projects: { readonly list: ReadonlyArray<Output.LinkedProject>; readonly at: string } | null;
}

const recorded = (connectionId: string, name: string) =>
  Effect.flatMap(SyncStore.SyncStore, (store) => store.recorded.get(connectionId as Ids.ConnectionId, name));

/** Reads a connection's page. */
export const connection = (connectionId: string) =>
  Effect.gen(function* () {
    const sync = yield* Sync.Sync;
    const [status, settings, page, doc] = yield* Effect.all(
      [
        sync.status(connectionId),
        sync.settings(connectionId),
        sync.runs(connectionId, { limit: 5 }),
        recorded(connectionId, Recorded.projectsDoc),
      ],
      { concurrency: 4 },
    );
    const model: ConnectionModel = {
      status,
      settings,
      runs: page.runs,
      projects: Option.match(doc, {
        onNone: () => null,
        onSome: (d) => ({
          list: Recorded.decodeProjects(d.value).filter((p) => !p.archived),
          at: d.recordedAt,
        }),
      }),
    };
    return model;
  });

/** A page of a connection's runs. */
export interface RunsModel {
  readonly status: Output.Status;
  readonly runs: ReadonlyArray<Output.RunSummary>;
  readonly next: number | null;
}

/** Runs per page of the run history. */
export const runsPerPage = 25;

/** Reads a page of the run history. */
export const runs = (connectionId: string, before: number | undefined) =>
  Effect.gen(function* () {
    const sync = yield* Sync.Sync;
    const status = yield* sync.status(connectionId);
    const page = yield* sync.runs(connectionId, {
      limit: runsPerPage,
      ...(before === undefined ? {} : { before }),
    });
    const model: RunsModel = { status, runs: page.runs, next: page.next };
    return model;
  });

/** A run's page. */
export interface RunModel {
  readonly status: Output.Status;
  readonly run: Output.RunSummary;
  readonly items: ReadonlyArray<Output.RunItem>;
  /** Whether `items` stops short of the run's items. */
  readonly truncated: boolean;
  readonly names: Recorded.RunNames | null;
  /** `kind:harvestId` of records linked since the run started, or on the do-not-import list. */
  readonly settled: ReadonlySet<string>;
}

/** Items read for one run page. */
export const itemsPerRun = 5000;

/** Reads one run's page; fails `RunNotFound` for a run of another connection. */
export const run = (connectionId: string, runId: string) =>
  Effect.gen(function* () {
    const sync = yield* Sync.Sync;
    const store = yield* SyncStore.SyncStore;
    const detail = yield* sync.runDetail(runId, { limit: itemsPerRun });
    if (detail.summary.connectionId !== connectionId)
      return yield* SyncError.make("RunNotFound", `no run ${runId} for connection ${connectionId}`);
    const id = connectionId as Ids.ConnectionId;
    const [status, doc, audit, ignored] = yield* Effect.all(
      [
        sync.status(connectionId),
        recorded(connectionId, Recorded.runDoc(runId)),
        store.audit.list(id, { limit: 1000 }),
        store.doNotImport.list(id),
      ],
      { concurrency: 4 },
    );
    const settled = new Set<string>();
    for (const e of audit)
      if ((e.action === "link" || e.action === "adopt") && e.at >= detail.summary.startedAt)
        settled.add(`${e.kind}:${e.harvestId}`);
    for (const e of ignored) settled.add(`${e.kind}:${e.harvestId}`);
    const model: RunModel = {
      status,
      run: detail.summary,
      items: detail.items,
      truncated: detail.items.length >= itemsPerRun,
      names: Option.match(doc, { onNone: () => null, onSome: (d) => Recorded.decodeRunNames(d.value) }),
      settled,
    };
    return model;
  });

/** What the live script polls: whether a run holds the lease, and one line saying what is going on. */
export interface Live {
  readonly running: boolean;
  readonly runId: string | null;
  readonly runStatus: string | null;
  readonly text: string;
}

/** A connection's live status, from its status. */
export const liveOf = (status: Output.Status): Live => ({
  running: status.running,
  runId: status.lastRun?.id ?? null,
  runStatus: status.lastRun?.status ?? null,
  text: statusLine(status),
});

/** Reads the live status of a connection. */
export const live = (connectionId: string) =>
  Effect.map(
    Effect.flatMap(Sync.Sync, (s) => s.status(connectionId)),
    liveOf,
  );

/** One line on the connection's state. */
export const statusLine = (status: Output.Status): string => {
  const last = status.lastRun;
  if (status.running && last !== null && last.status === "running") {
    const c = last.counts;
    if (status.progress !== null)
      return `A run is in progress (started ${last.startedAt.slice(11, 19)} UTC): ${status.progress}.`;
    return `A run is in progress (started ${last.startedAt.slice(11, 19)} UTC): ${c.created} created, ${c.written} written, ${c.held} held so far.`;
  }
  if (status.running) return "A run is in progress.";
  if (last === null) return "No run yet.";
  if (last.status === "queued")
    return `A run is queued since ${last.startedAt.slice(11, 19)} UTC; a worker starts it soon.`;
  return `Last run ${last.status}${last.endedAt ? ` at ${last.endedAt.replace("T", " ").slice(0, 16)} UTC` : ""}.`;
};
