/**
 * Loading the two snapshots of a run (DESIGN "Data flow", steps 2–3): Harvest and Runn concurrently,
 * each client inside its account's rate limiter, only the lists the run's parts need; then the second
 * load of SPEC A6 for the old days. Malformed records are collected, not fatal; a malformed envelope
 * fails the load with `MalformedResponse` before anything is written (SPEC R7).
 */
import { type ReconcileOptions, type Runn, type Skipped, Snapshot } from "@harvest-runn/domain";
import type { HarvestClient } from "@harvest-runn/harvest-client";
import { Reconcile } from "@harvest-runn/reconcile";
import type { RunnClient } from "@harvest-runn/runn-client";
import { Chunk, Effect, Stream } from "effect";
import * as Progress from "../Progress.ts";
import * as SyncError from "../SyncError.ts";
import type { HarvestReads } from "./Env.ts";

/**
 * A client failure while loading as a `SyncError`; `baseUrl`, when known, is named when the API could
 * not be reached at all.
 */
export const loadError =
  (side: "Harvest" | "Runn", baseUrl?: string) =>
  (e: { readonly reason: string; readonly message: string }): SyncError.SyncError =>
    e.reason === "Decode"
      ? SyncError.make("MalformedResponse", `${side}: ${e.message}`)
      : e.reason === "Unauthorized"
        ? SyncError.make(
            side === "Harvest" ? "HarvestAuth" : "RunnAuth",
            `${side} rejected the token: ${e.message}`,
          )
        : e.reason === "Transport"
          ? SyncError.make(
              side === "Harvest" ? "HarvestUnreachable" : "RunnUnreachable",
              `${side} could not be reached${baseUrl === undefined ? "" : ` at ${baseUrl}`}: ${e.message}`,
            )
          : SyncError.make(side, `${side}: ${e.message}`);

/** What the loads need besides the clients. */
export interface LoadInput {
  readonly options: ReconcileOptions.Options;
  /** Harvest `updated_since` cursor for entries older than the window (SPEC A6); null on a first run. */
  readonly updatedSince: string | null;
  readonly runId: string;
  readonly connectionId: string;
  /** The clients' base URLs, named in the error when an API cannot be reached. */
  readonly urls?: { readonly harvest: string; readonly runn: string };
  /** Counts what the load reads, for progress (default: not counted). */
  readonly reading?: Reading;
}

/**
 * Counts the lists and records a run has read so far and reports them as the load phase's note, so a
 * long load shows what it is reading (both sides share one counter).
 */
export interface Reading {
  /** Reads a whole list, counting its records page by page. */
  readonly collect: <A, E>(s: Stream.Stream<A, E>) => Effect.Effect<ReadonlyArray<A>, E>;
}

/** A counter reporting as run `runId` of `connectionId`. */
export const reading = (runId: string, connectionId: string): Reading => {
  let lists = 0;
  let listsDone = 0;
  let records = 0;
  const report = Effect.suspend(() =>
    Progress.report({
      runId,
      connectionId,
      phase: "load",
      done: 0,
      total: 1,
      note: `${listsDone} of ${lists} lists, ${records.toLocaleString("en-US")} records read`,
    }),
  );
  return {
    collect: <A, E>(s: Stream.Stream<A, E>) => {
      lists += 1;
      return s.pipe(
        Stream.mapChunksEffect((chunk) => {
          records += chunk.length;
          return Effect.as(report, chunk);
        }),
        Stream.runCollect,
        Effect.map(Chunk.toReadonlyArray),
        Effect.tap(() => {
          listsDone += 1;
          return report;
        }),
      );
    },
  };
};

/** What `loadHarvest` needs: its options only say what to read (see `Env.harvestReads`). */
export interface HarvestLoadInput extends Pick<LoadInput, "updatedSince" | "urls" | "reading"> {
  readonly options: HarvestReads;
}

/** The lists and days a Harvest load reads, as text: two loads with the same key read the same requests. */
export const harvestKey = (input: HarvestLoadInput): string =>
  JSON.stringify([Reconcile.parts(input.options), Reconcile.windowStart(input.options), input.updatedSince]);

/** Reading that counts nothing (the old days' load, tests). */
const uncounted: Reading = {
  collect: <A, E>(s: Stream.Stream<A, E>) => Stream.runCollect(s).pipe(Effect.map(Chunk.toReadonlyArray)),
};
const none = <A>(): Effect.Effect<ReadonlyArray<A>> => Effect.succeed([]);

/** Loads the Harvest snapshot (without the old days). */
export const loadHarvest = (harvest: HarvestClient.Service, input: HarvestLoadInput) =>
  Effect.gen(function* () {
    const parts = Reconcile.parts(input.options);
    const { collect } = input.reading ?? uncounted;
    const malformed: Array<Skipped.MalformedRecord> = [];
    const o = { onMalformed: (m: Skipped.MalformedRecord) => Effect.sync(() => void malformed.push(m)) };
    const start = Reconcile.windowStart(input.options);
    const needUsers = parts.people || parts.actuals;
    const needProjects = parts.projects || parts.actuals;
    const [users, clients, projects, timeEntries, updatedEntries] = yield* Effect.all(
      [
        needUsers ? collect(harvest.users({}, o)) : none<never>(),
        parts.clients || needProjects ? collect(harvest.clients({}, o)) : none<never>(),
        needProjects ? collect(harvest.projects({}, o)) : none<never>(),
        parts.actuals ? collect(harvest.timeEntries({ from: start }, o)) : none<never>(),
        parts.actuals && input.updatedSince !== null
          ? collect(harvest.timeEntries({ updatedSince: input.updatedSince }, o))
          : none<never>(),
      ],
      { concurrency: "unbounded" },
    );
    const snapshot: Snapshot.HarvestSnapshot = {
      ...Snapshot.emptyHarvest,
      users,
      clients,
      projects,
      timeEntries,
      updatedEntries,
      malformed,
    };
    return snapshot;
  }).pipe(Effect.mapError(loadError("Harvest", input.urls?.harvest)));

const kindOf = (resource: string): Runn.EntityKind | null =>
  /client/.test(resource)
    ? "client"
    : /project(?!-member)/.test(resource) && !/member/.test(resource)
      ? "project"
      : /people|person/.test(resource) && !/contract/.test(resource)
        ? "person"
        : /role/.test(resource)
          ? "role"
          : null;

/** Loads the Runn snapshot of the window. */
export const loadRunn = (runn: RunnClient.Service, input: LoadInput) =>
  Effect.gen(function* () {
    const parts = Reconcile.parts(input.options);
    const { collect } = input.reading ?? uncounted;
    const malformed: Array<Skipped.MalformedRecord> = [];
    const identityOnly: Array<Runn.IdentityOnly> = [];
    const o = {
      onMalformed: (m: Skipped.MalformedRecord) => Effect.sync(() => void malformed.push(m)),
      onIdentityOnly: (r: Runn.IdentityOnly) => Effect.sync(() => void identityOnly.push(r)),
    };
    const start = Reconcile.windowStart(input.options);
    const needPeople = parts.people || parts.actuals;
    const needProjects = parts.projects || parts.actuals;
    const [clients, projects, people, roles, contracts, projectMembers, assignments, actuals] =
      yield* Effect.all(
        [
          parts.clients || needProjects ? collect(runn.clients({}, o)) : none<never>(),
          needProjects ? collect(runn.projects({}, o)) : none<never>(),
          needPeople ? collect(runn.people({}, o)) : none<never>(),
          needPeople ? collect(runn.roles({}, o)) : none<never>(),
          parts.actuals ? collect(runn.currentContracts({}, o)) : none<never>(),
          parts.actuals ? collect(runn.projectMembers({}, o)) : none<never>(),
          parts.actuals ? collect(runn.assignments({}, o)) : none<never>(),
          parts.actuals ? collect(runn.actuals({ minDate: start }, o)) : none<never>(),
        ],
        { concurrency: "unbounded" },
      );
    // A kind is unreadable when some record of it failed to decode even its identity (SPEC R7).
    const unreadable = new Set<Runn.EntityKind>();
    const identities = new Map<Runn.EntityKind, number>();
    for (const r of identityOnly) identities.set(r.kind, (identities.get(r.kind) ?? 0) + 1);
    const failures = new Map<Runn.EntityKind, number>();
    for (const m of malformed) {
      const k = kindOf(m.resource);
      if (k !== null) failures.set(k, (failures.get(k) ?? 0) + 1);
    }
    for (const [k, n] of failures) if (n > (identities.get(k) ?? 0)) unreadable.add(k);
    const snapshot: Snapshot.RunnSnapshot = {
      clients,
      projects,
      people,
      roles,
      contracts,
      projectMembers,
      assignments,
      actuals,
      identityOnly,
      unreadableKinds: [...unreadable],
      malformed,
    };
    return snapshot;
  }).pipe(Effect.mapError(loadError("Runn", input.urls?.runn)));

/**
 * The second load of SPEC A6: every Harvest entry of the old (user, day) pairs, and the Runn actuals
 * of those days; returns both snapshots completed.
 */
export const loadOldDays = (
  harvest: HarvestClient.Service,
  runn: RunnClient.Service,
  snapshots: { readonly harvest: Snapshot.HarvestSnapshot; readonly runn: Snapshot.RunnSnapshot },
  input: LoadInput,
) =>
  Effect.gen(function* () {
    const days = Reconcile.oldDays(snapshots.harvest, snapshots.runn, input.options);
    if (days.length === 0) return snapshots;
    const { collect } = uncounted;
    yield* Progress.report({
      runId: input.runId,
      connectionId: input.connectionId,
      phase: "load-old-days",
      done: 0,
      total: days.length,
    });
    const byUser = new Map<number, Array<string>>();
    for (const d of days) byUser.set(d.userId, [...(byUser.get(d.userId) ?? []), d.date]);
    const wanted = new Set(days.map((d) => `${d.userId}:${d.date}`));
    const dates = days.map((d) => d.date).sort();
    const [entries, actuals] = yield* Effect.all(
      [
        Effect.forEach(
          [...byUser],
          ([userId, ds]) => {
            const sorted = [...ds].sort();
            return collect(
              harvest.timeEntries({ userId, from: sorted[0]!, to: sorted[sorted.length - 1]! }),
            ).pipe(Effect.mapError(loadError("Harvest", input.urls?.harvest)));
          },
          { concurrency: 4 },
        ).pipe(Effect.map((lists) => lists.flat().filter((e) => wanted.has(`${e.user.id}:${e.spent_date}`)))),
        collect(runn.actuals({ minDate: dates[0]!, maxDate: dates[dates.length - 1]! })).pipe(
          Effect.mapError(loadError("Runn", input.urls?.runn)),
        ),
      ],
      { concurrency: 2 },
    );
    const known = new Set(snapshots.runn.actuals.map((a) => a.id));
    return {
      harvest: { ...snapshots.harvest, oldDays: days, oldDayEntries: entries },
      runn: {
        ...snapshots.runn,
        actuals: [...snapshots.runn.actuals, ...actuals.filter((a) => !known.has(a.id))],
      },
    };
  });
