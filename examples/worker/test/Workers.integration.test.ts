/**
 * Scale-out end to end: three worker processes share one pg-boss queue and one Postgres store, and
 * sync 20 sandbox accounts. A tick syncs each connection exactly once; a worker killed mid-run loses
 * nothing (its job is retried elsewhere after expiry, and Runn ends as after one clean run); a second
 * tick while the first is running doubles nothing.
 */
import { afterEach, describe, expect, it } from "@effect/vitest";
import { SyncQueue } from "@harvest-runn/queue";
import * as RunnState from "@harvest-runn/testing-support/RunnState";
import { Effect } from "effect";
import * as Cluster from "./support/Cluster.ts";

const url = Cluster.databaseUrl();
const suite = url === undefined ? describe.skip : describe;
const accounts = 20;

const until = async (what: string, test: () => boolean | Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

const linesOf = <T extends Cluster.Line["type"]>(workers: ReadonlyArray<Cluster.Worker>, type: T) =>
  workers.flatMap((w) => w.lines.filter((l): l is Extract<Cluster.Line, { type: T }> => l.type === type));

suite("worker processes on one queue", () => {
  let cluster: Cluster.Cluster | undefined;
  afterEach(async () => {
    await cluster?.close();
    cluster = undefined;
  });

  const setUp = async (count: number) => {
    const [c] = await Promise.all([Cluster.start(url!, accounts, count), Cluster.reference(accounts)]);
    cluster = c;
    return { c, workers: c.workers };
  };
  const tick = (c: Cluster.Cluster, at: Date) =>
    c.runtime.runPromise(Effect.flatMap(SyncQueue.SyncQueue, (q) => q.tick(at)));
  const expectCleanRunnState = async (c: Cluster.Cluster) => {
    const expected = await Cluster.reference(accounts);
    for (let i = 0; i < accounts; i++) {
      const state = await c.state(i);
      expect(RunnState.duplicates(state), `account ${i}`).toEqual([]);
      expect(state, `account ${i}`).toEqual(expected[i]);
    }
  };

  it("one tick syncs each connection exactly once, spread over the workers", async () => {
    const { c, workers } = await setUp(3);
    const report = await tick(c, Cluster.tomorrow());
    expect(report.enqueued).toHaveLength(accounts);
    await until("every job to complete", () => linesOf(workers, "job-completed").length >= accounts, 90_000);
    await new Promise((r) => setTimeout(r, 1000));
    const started = linesOf(workers, "job-started");
    expect(started).toHaveLength(accounts);
    expect(new Set(started.map((l) => l.connectionId))).toEqual(new Set(c.ids));
    expect(new Set(started.map((l) => l.pid)).size).toBeGreaterThanOrEqual(2);
    for (const id of c.ids) {
      const runs = await Cluster.runsOf(c, id);
      expect(
        runs.map((r) => [r.trigger, r.status]),
        id,
      ).toEqual([["schedule", "succeeded"]]);
    }
    await expectCleanRunnState(c);
  });

  it("a worker killed mid-run: its job is retried elsewhere after expiry and Runn ends as after one clean run", async () => {
    const { c, workers } = await setUp(3);
    const [victim, ...others] = workers as [Cluster.Worker, ...Cluster.Worker[]];
    await tick(c, Cluster.tomorrow());
    const inHand = await victim.waitFor((l) => l.type === "job-started", 60_000);
    await new Promise((r) => setTimeout(r, 400));
    process.kill(victim.pid, "SIGKILL");
    await victim.exited;
    const finishedByVictim = new Set(
      victim.lines.filter((l) => l.type === "job-completed").map((l) => l.jobId),
    );
    expect(finishedByVictim.has(inHand.jobId)).toBe(false);
    await until(
      "the killed job to be completed by another worker",
      () => linesOf(others, "job-completed").some((l) => l.jobId === inHand.jobId),
      60_000,
    );
    await until(
      "every connection to have a succeeded run",
      async () => {
        for (const id of c.ids) {
          const runs = await Cluster.runsOf(c, id);
          if (!runs.some((r) => r.status === "succeeded")) return false;
        }
        return true;
      },
      60_000,
    );
    const retried = linesOf(others, "job-started").filter((l) => l.jobId === inHand.jobId);
    expect(retried.length).toBeGreaterThanOrEqual(1);
    // The killed run stays "running" in the history; exactly one succeeded run per connection.
    for (const id of c.ids) {
      const runs = await Cluster.runsOf(c, id);
      expect(
        runs.filter((r) => r.status === "succeeded"),
        id,
      ).toHaveLength(1);
    }
    await expectCleanRunnState(c);
  });

  it("a second tick while the first tick's runs are going doubles nothing", async () => {
    const { c, workers } = await setUp(3);
    const at = Cluster.tomorrow();
    const first = await tick(c, at);
    expect(first.enqueued).toHaveLength(accounts);
    await until("a run to start", () => linesOf(workers, "job-started").length > 0, 60_000);
    const second = await tick(c, at);
    expect(second.enqueued).toEqual([]);
    const later = await tick(c, new Date(at.getTime() + 60_000));
    expect(later.enqueued).toEqual([]);
    await until("every job to complete", () => linesOf(workers, "job-completed").length >= accounts, 90_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await tick(c, at)).enqueued).toEqual([]);
    expect(linesOf(workers, "job-started")).toHaveLength(accounts);
    for (const id of c.ids) {
      const runs = await Cluster.runsOf(c, id);
      expect(
        runs.map((r) => r.status),
        id,
      ).toEqual(["succeeded"]);
    }
    await expectCleanRunnState(c);
  });
});
