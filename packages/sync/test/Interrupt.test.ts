import { Effect, Fiber } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Sync from "../src/Sync.ts";
import { start, type World } from "./support/World.ts";

describe("an interrupted run (SIGINT, SIGTERM, a host shutting down)", () => {
  let w: World;
  beforeAll(async () => {
    w = await start();
  });
  afterAll(async () => {
    await w?.close();
  });

  it("is recorded as failed with reason Interrupted when it stops, with the items it wrote", async () => {
    // Every Runn write takes a while, so the run is still writing when it is interrupted.
    await w.control("PUT", "/faults", {
      apis: ["runn"],
      latency: { probability: 1, ms: 60_000 },
      paths: ["/people", "/projects", "/clients", "/actuals"],
    });
    const fiber = w.runtime.runFork(Effect.flatMap(Sync.Sync, (s) => s.run(w.connectionId)));
    let runId: string | undefined;
    for (let i = 0; i < 200 && runId === undefined; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const page = await w.sync((s) => s.runs(w.connectionId));
      runId = page.runs.find((r) => r.status === "running")?.id;
    }
    if (runId === undefined) throw new Error("the run never started");
    await new Promise((r) => setTimeout(r, 500));
    await w.runtime.runPromise(Fiber.interrupt(fiber));
    await w.control("PUT", "/faults", {});

    const detail = await w.sync((s) => s.runDetail(runId));
    expect(detail.summary.status).toBe("failed");
    expect(detail.summary.error?.reason).toBe("Interrupted");
    expect(detail.summary.endedAt).not.toBeNull();
    expect(detail.summary.counts.created + detail.summary.counts.written).toBe(
      detail.items.filter((i) => i.outcome === "created" || i.outcome === "written").length,
    );
    // The next run does not have to close it as LeaseLost, and completes the work.
    const next = await w.sync((s) => s.run(w.connectionId));
    expect(next.status).toBe("succeeded");
    const again = await w.sync((s) => s.runDetail(runId));
    expect(again.summary.error?.reason).toBe("Interrupted");
  });
});
