import { afterEach, describe, expect, it } from "vitest";
import * as Scheduler from "../src/Scheduler.ts";
import { runnTotals } from "./support/Oracle.ts";
import { start, type World } from "./support/World.ts";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

describe("scopes, malformed data and the schedule", () => {
  it("syncs one project's actuals on demand (SPEC A10) and nothing else", async () => {
    w = await start();
    const world = w;
    await world.sync((s) =>
      s.run(world.connectionId, { scope: { kind: "entities", types: ["clients", "projects", "people"] } }),
    );
    expect((await runnTotals(world)).size).toBe(0);
    const totals = await (await import("./support/Oracle.ts")).harvestTotals(world, "2026-01-01");
    const projectId = Number([...totals.keys()][0]!.split(":")[1]);
    const summary = await world.sync((s) =>
      s.run(world.connectionId, { scope: { kind: "project", harvestProjectId: projectId } }),
    );
    expect(summary.status).toBe("succeeded");
    const runn = await runnTotals(world);
    expect(runn.size).toBeGreaterThan(0);
    for (const k of runn.keys()) expect(Number(k.split(":")[1])).toBe(projectId);
  });

  it("a malformed response envelope fails the run before anything is written (SPEC R7)", async () => {
    w = await start({ faults: { apis: ["runn"], paths: ["/people"], malformedEnvelope: 1 } });
    const world = w;
    await world.control("DELETE", "/stats");
    const summary = await world.sync((s) => s.run(world.connectionId));
    expect(summary.status).toBe("failed");
    expect(summary.error?.reason).toBe("MalformedResponse");
    expect((await world.control("GET", "/stats")).runn.writes).toBe(0);
  });

  it("a malformed record is skipped and reported with the field that failed (SPEC R7)", async () => {
    w = await start({ faults: { apis: ["harvest"], paths: ["/users?"], malformedRecord: 1 } });
    const world = w;
    const summary = await world.sync((s) => s.run(world.connectionId));
    expect(summary.status).toBe("succeeded");
    const detail = await world.sync((s) => s.runDetail(summary.id, { reason: "malformed_record" }));
    expect(detail.items.length).toBeGreaterThan(0);
    expect(detail.items[0]!.error).toMatch(/\S+: /);
  });

  it("a connection is due at its local time and not again once its scheduled run ran (SPEC R4)", async () => {
    w = await start();
    const world = w;
    await world.sync((s) =>
      s.configure(world.connectionId, {
        schedule: { enabled: true, timeOfDay: "06:30", timeZone: "Europe/Berlin" },
      }),
    );
    const status = await world.sync((s) => s.status(world.connectionId));
    const created = Date.parse(status.connection.createdAt);
    // The first 06:30 Berlin after the connection was created (the store stamps creation with the real clock).
    const next = Scheduler.nextWake(
      [
        {
          connectionId: "x",
          schedule: status.connection.schedule,
          lastScheduledFor: null,
          createdAt: new Date(created),
        },
      ],
      new Date(created),
    )!;
    expect(
      new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", timeStyle: "short" }).format(next),
    ).toBe("06:30");
    const before = await world.sync((s) => s.due(new Date(next.getTime() - 1000)));
    expect(before.map((d) => d.connectionId)).not.toContain(world.connectionId);
    const due = await world.sync((s) => s.due(new Date(next.getTime() + 1000)));
    expect(due.map((d) => d.connectionId)).toEqual([world.connectionId]);
    expect(due[0]!.scheduledFor.getTime()).toBeGreaterThan(created);
    await world.sync((s) =>
      s.run(world.connectionId, { trigger: "schedule", scheduledFor: due[0]!.scheduledFor }),
    );
    const after = await world.sync((s) => s.due(new Date(next.getTime() + 2000)));
    expect(after).toEqual([]);
  });
});
