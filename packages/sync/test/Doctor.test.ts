/**
 * `doctor` and `connect` against the sandbox: the Runn write-scope check (a write that changes no
 * value) tells the admin token from the read-only one, and both clocks' skew is reported.
 */
import { Clock, Effect, Redacted } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Clients from "../src/Clients.ts";
import * as Connect from "../src/internal/Connect.ts";
import * as Doctor from "../src/internal/Doctor.ts";
import { start, type World } from "./support/World.ts";

let w: World;
beforeAll(async () => {
  w = await start({ runnData: "existing" });
});
afterAll(() => w.close());

const connectInput = (runnToken: string) => ({
  name: "read-only",
  harvest: {
    accountId: Number(w.sb.info.harvest.accountId),
    userAgent: "HarvestRunnTests (tests@example.com)",
    token: Redacted.make(w.sb.info.harvest.token),
  },
  runn: { baseUrl: w.sb.info.runn.baseUrl, token: Redacted.make(runnToken) },
});

describe("doctor", () => {
  it("verifies the admin Runn token's write scope without changing a value, and measures clock skew against the Sync's clock", async () => {
    const before = await w.control("GET", "/runn/state");
    const patches = (await w.control("GET", "/stats")).runn;
    const checks = await w.sync((s) => s.doctor(w.connectionId));
    const byName = new Map(checks.map((c) => [c.name, c]));
    expect(checks.filter((c) => c.level === "error")).toEqual([]);
    expect(byName.get("runn.writeScope")).toMatchObject({ level: "ok", ok: true });
    expect(byName.get("runn.writeScope")?.message).toContain("PATCH /roles/{roleId}");
    // The world's clock follows the sandbox's: no skew.
    for (const name of ["harvest.clock", "runn.clock"]) expect(byName.get(name)?.level, name).toBe("ok");
    // Under this machine's clock, months after the sandbox's anchor date: a warning naming the skew.
    const machine = await w.sync((s) => s.doctor(w.connectionId).pipe(Effect.withClock(Clock.make())));
    for (const name of ["harvest.clock", "runn.clock"]) {
      const check = machine.find((c) => c.name === name);
      expect(check?.level, name).toBe("warning");
      expect(check?.message).toMatch(/clock skew -\d+ days/);
      expect(check?.message).toContain("updated_since");
    }
    const after = await w.control("GET", "/runn/state");
    const names = (s: { roles: Array<{ id: number; name: string }> }) => s.roles.map((r) => [r.id, r.name]);
    expect(names(after)).toEqual(names(before));
    expect((await w.control("GET", "/stats")).runn.writes).toBeGreaterThan(patches.writes);
    expect(JSON.stringify(checks)).not.toContain(w.sb.info.runn.token);
  });

  it("fails the write-scope check of a read-only Runn token, naming it", async () => {
    const make = Clients.make({
      harvestBaseUrl: w.sb.info.harvest.baseUrl,
      harvestIdBaseUrl: w.sb.info.harvest.idBaseUrl,
    });
    const checks = await Effect.runPromise(
      Effect.flatMap(
        make.make({
          harvest: connectInput("").harvest,
          runn: { baseUrl: w.sb.info.runn.baseUrl, token: Redacted.make(w.sb.info.runn.tokens.readOnly) },
        }),
        (pair) => Connect.check(pair, Number(w.sb.info.harvest.accountId)),
      ),
    );
    const scope = checks.find((c) => c.name === "runn.writeScope");
    expect(checks.find((c) => c.name === "runn.token")?.level).toBe("ok");
    expect(scope).toMatchObject({ level: "error", ok: false });
    expect(scope?.message).toContain("read-only");
    expect(scope?.message).toContain("403");
    expect(JSON.stringify(checks)).not.toContain(w.sb.info.runn.tokens.readOnly);
  });
});

describe("connect", () => {
  it("refuses a read-only Runn token with reason RunnReadOnly and saves nothing", async () => {
    const listed = await w.sync((s) => s.connections);
    const error = await w.sync((s) => Effect.flip(s.connect(connectInput(w.sb.info.runn.tokens.readOnly))));
    expect(error.reason).toBe("RunnReadOnly");
    expect(error.message).toContain("read-only");
    expect(error.message).not.toContain(w.sb.info.runn.tokens.readOnly);
    expect(await w.sync((s) => s.connections)).toHaveLength(listed.length);
  });
});

describe("Doctor.formatSkew", () => {
  it("names days, hours, minutes and seconds with a sign", () => {
    expect(Doctor.formatSkew(0)).toBe("+0 s");
    expect(Doctor.formatSkew(-125)).toBe("-2 min 5 s");
    expect(Doctor.formatSkew(86_400 * 3 + 3600)).toBe("+3 days 1 h");
  });
});
