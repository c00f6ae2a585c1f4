/**
 * The queue against a real Postgres (pg-boss in its own schema per file) with a scripted `Sync`:
 * the tick's singleton per connection and local date, one job per connection in the queue, retries
 * with backoff for failed runs only, dead letters in the run history, and release on shutdown.
 */
import { describe, expect, it } from "@effect/vitest";
import { SyncStore } from "@harvest-runn/storage";
import { Sync } from "@harvest-runn/sync";
import { Deferred, Effect, Exit, Layer, Redacted, Scope } from "effect";
import { Enqueuer, SyncJob, SyncQueue } from "../src/index.ts";
import * as Pg from "./support/Pg.ts";
import * as Scripted from "./support/Scripted.ts";

const url = Pg.databaseUrl();
const suite = url === undefined ? describe.skip : describe;

suite("SyncQueue on Postgres", () => {
  Pg.dropSchemasAfterAll(url);
  const queueOptions = (): SyncQueue.Options => ({
    url: Redacted.make(url ?? ""),
    schema: Pg.schemaFor("q"),
    retryLimit: 2,
    retryDelay: "1 second",
    pollingInterval: "500 millis",
    shutdownGrace: "300 millis",
    expireIn: "1 minute",
  });
  const world = (script: Parameters<typeof Scripted.make>[0]) => {
    const s = Scripted.make(script);
    const options = queueOptions();
    return { calls: s.calls, options, layer: Layer.provideMerge(SyncQueue.layer(options), s.layer) };
  };
  const tomorrow = () => new Date(Date.now() + 25 * 3600_000);

  it.live("a tick enqueues each due connection once per local date; more ticks add nothing", () => {
    const w = world(() => ({ status: "succeeded" }));
    return Effect.gen(function* () {
      const queue = yield* SyncQueue.SyncQueue;
      const a = yield* Scripted.connect;
      const b = yield* Scripted.connect;
      const at = tomorrow();
      const first = yield* queue.tick(at);
      expect(first.due).toBe(2);
      expect(first.enqueued.map((e) => e.connectionId).sort()).toEqual([a, b].sort());
      const due = first.enqueued.find((e) => e.connectionId === a)!;
      const expected = (yield* (yield* Sync.Sync).due(at)).find((d) => d.connectionId === a)!;
      expect(due.jobId).toBe(SyncJob.scheduledJobId(a, expected.localDate));
      const second = yield* queue.tick(at);
      expect(second.enqueued).toEqual([]);
      expect([...second.alreadyQueued].sort()).toEqual([a, b].sort());
      // A manual run of a connection whose scheduled job is queued is refused, not stacked.
      const manual = yield* queue.enqueue(a);
      expect(manual).toMatchObject({ _tag: "AlreadyQueued", jobId: due.jobId, state: "created" });
      // Worked off: each connection ran once, with its scheduled instant.
      yield* Effect.scoped(
        Effect.gen(function* () {
          yield* queue.work({ workers: 2, tick: false });
          for (let i = 0; i < 100 && w.calls.length < 2; i++) yield* Effect.sleep("100 millis");
          yield* Effect.sleep("1 second");
        }),
      );
      expect(w.calls.map((c) => c.connectionId).sort()).toEqual([a, b].sort());
      expect(w.calls.every((c) => c.trigger === "schedule" && c.scheduledFor !== undefined)).toBe(true);
      // The scripted run records nothing, so both are still "due": the day's job id still dedupes.
      const third = yield* queue.tick(at);
      expect(third.due).toBe(2);
      expect(third.enqueued).toEqual([]);
    }).pipe(Effect.provide(w.layer));
  });

  it.live(
    "held items and partial runs complete their job; a failed run retries with backoff, then is recorded as a dead letter",
    () => {
      let held = "";
      let partial = "";
      const w = world((id) =>
        id === held
          ? { status: "succeeded", held: 3 }
          : id === partial
            ? { status: "partial" }
            : { status: "failed", reason: "Runn" },
      );
      return Effect.gen(function* () {
        const queue = yield* SyncQueue.SyncQueue;
        const store = yield* SyncStore.SyncStore;
        held = yield* Scripted.connect;
        partial = yield* Scripted.connect;
        const failing = yield* Scripted.connect;
        const done = yield* Deferred.make<void>();
        const events: Array<SyncQueue.WorkerEvent> = [];
        yield* Effect.scoped(
          Effect.gen(function* () {
            yield* queue.work({
              workers: 1,
              tick: false,
              onEvent: (e) => {
                events.push(e);
                if (e.type === "dead-letter" && e.connectionId === failing)
                  Effect.runSync(Deferred.succeed(done, undefined));
              },
            });
            yield* queue.enqueue(held);
            yield* queue.enqueue(partial);
            yield* queue.enqueue(failing, { scope: { kind: "entities", types: ["people"] } });
            yield* Deferred.await(done).pipe(Effect.timeout("40 seconds"));
          }),
        );
        const attempts = w.calls.filter((c) => c.connectionId === failing);
        expect(w.calls.filter((c) => c.connectionId === held)).toHaveLength(1);
        expect(w.calls.filter((c) => c.connectionId === partial)).toHaveLength(1);
        expect(attempts).toHaveLength(3);
        // Exponential backoff: the second wait is at least twice the first retry delay.
        expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000);
        expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(2000);
        const page = yield* store.runs.list(failing as never, {});
        expect(page.runs).toHaveLength(1);
        expect(page.runs[0]).toMatchObject({ status: "failed", trigger: "manual" });
        expect(page.runs[0]!.error).toMatch(/^Runn: gave up after 3 attempts \(dead letter\)/);
        expect(page.runs[0]!.scope).toMatchObject({ scope: { kind: "entities", types: ["people"] } });
        const completed = events.filter((e) => e.type === "job-completed");
        expect(completed).toMatchObject([
          { connectionId: held, output: { status: "succeeded" } },
          { connectionId: partial, output: { status: "partial" } },
        ]);
      }).pipe(Effect.provide(w.layer));
    },
  );

  it.live("errors that retrying cannot fix complete the job without retries", () => {
    const w = world(() => ({ error: "ConnectionNotFound" }));
    return Effect.gen(function* () {
      const queue = yield* SyncQueue.SyncQueue;
      const events: Array<SyncQueue.WorkerEvent> = [];
      yield* queue.enqueue("no-such-connection");
      yield* Effect.scoped(
        Effect.gen(function* () {
          yield* queue.work({ tick: false, onEvent: (e) => events.push(e) });
          for (let i = 0; i < 50 && !events.some((e) => e.type === "job-completed"); i++)
            yield* Effect.sleep("100 millis");
          yield* Effect.sleep("2500 millis");
        }),
      );
      expect(w.calls).toHaveLength(1);
      expect(events.find((e) => e.type === "job-completed")).toMatchObject({
        output: { status: "skipped", reason: "ConnectionNotFound" },
      });
    }).pipe(Effect.provide(w.layer));
  });

  it.live(
    "stopping a worker releases the job in hand: its run is interrupted and another worker completes it",
    () => {
      let hang = true;
      const w = world(() => (hang ? { hang: true } : { status: "succeeded" }));
      return Effect.gen(function* () {
        const queue = yield* SyncQueue.SyncQueue;
        const id = yield* Scripted.connect;
        yield* queue.enqueue(id);
        const first = yield* Scope.make();
        const events: Array<SyncQueue.WorkerEvent> = [];
        yield* queue.work({ tick: false, onEvent: (e) => events.push(e) }).pipe(Scope.extend(first));
        for (let i = 0; i < 50 && w.calls.length === 0; i++) yield* Effect.sleep("100 millis");
        expect(w.calls).toHaveLength(1);
        hang = false;
        yield* Scope.close(first, Exit.void);
        expect(w.calls[0]!.interrupted).toBe(true);
        expect(events.map((e) => e.type)).toContain("released");
        // The same connection can be enqueued only once: its released job is waiting for its retry.
        expect((yield* queue.enqueue(id))._tag).toBe("AlreadyQueued");
        yield* Effect.scoped(
          Effect.gen(function* () {
            yield* queue.work({ tick: false, onEvent: (e) => events.push(e) });
            for (let i = 0; i < 80 && w.calls.length < 2; i++) yield* Effect.sleep("100 millis");
            yield* Effect.sleep("500 millis");
          }),
        );
        expect(w.calls).toHaveLength(2);
        expect(events.filter((e) => e.type === "job-completed")).toHaveLength(1);
        expect((yield* queue.enqueue(id))._tag).toBe("Enqueued");
      }).pipe(Effect.provide(w.layer));
    },
  );

  it.live("createEnqueuer queues manual runs for the workers, once per connection at a time", () => {
    const w = world(() => ({ status: "succeeded" }));
    return Effect.gen(function* () {
      const queue = yield* SyncQueue.SyncQueue;
      const id = yield* Scripted.connect;
      const host = yield* Effect.promise(() =>
        Enqueuer.createEnqueuer({ url: w.options.url!, schema: w.options.schema! }),
      );
      const scope = { kind: "entities", types: ["clients", "projects"] } as const;
      const store = yield* SyncStore.SyncStore;
      const requested = yield* store.runs.request(id as never, { trigger: "api", scope: null });
      const first = yield* Effect.promise(() => host.enqueueSync(id, scope, "api", requested.id));
      expect(first._tag).toBe("Enqueued");
      const second = yield* Effect.promise(() => host.enqueueSync(id));
      expect(second).toMatchObject({ _tag: "AlreadyQueued", state: "created" });
      yield* Effect.promise(() => host.close());
      yield* Effect.scoped(
        Effect.gen(function* () {
          yield* queue.work({ tick: false });
          for (let i = 0; i < 50 && w.calls.length === 0; i++) yield* Effect.sleep("100 millis");
        }),
      );
      expect(w.calls).toMatchObject([
        { connectionId: id, trigger: "api", scope, requestedRunId: requested.id },
      ]);
    }).pipe(Effect.provide(w.layer));
  });
});
