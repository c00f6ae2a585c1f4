import { describe, expect, it } from "@effect/vitest";
import { Plan } from "@harvest-runn/domain";
import { Effect, Schema } from "effect";
import { apply } from "../src/internal/Apply.ts";
import type { CreatedClient, RunnWriter, WriteFailure } from "../src/internal/Writer.ts";
import type { RunItem } from "../src/Output.ts";
import { planWith } from "./support/Plans.ts";

/** An in-memory Runn that can commit a create and then report its outcome as unknown. */
const fakeRunn = (commitThenFail: ReadonlySet<string> = new Set()) => {
  let next = 100;
  const entities: Array<{ kind: string; id: number; name: string; ref: string | null }> = [];
  const actuals = new Map<string, number>();
  let requests = 0;
  const unknown: WriteFailure = { reason: "OutcomeUnknown", message: "connection reset after sending" };
  const add = (kind: string, name: string, ref: string | null) =>
    Effect.suspend(() => {
      requests += 1;
      const id = next++;
      entities.push({ kind, id, name, ref });
      return commitThenFail.has(name) && entities.filter((e) => e.name === name).length === 1
        ? Effect.fail(unknown)
        : Effect.succeed(id);
    });
  const writer: RunnWriter = {
    createRole: (name) => add("role", name, null),
    findRole: (name) =>
      Effect.sync(() => entities.find((e) => e.kind === "role" && e.name === name)?.id ?? null),
    createClients: (inputs) =>
      Effect.forEach(inputs, (i) =>
        add("client", i.name, i.references[0]!.externalId).pipe(
          Effect.map((id) => ({ id, references: i.references })),
        ),
      ).pipe(
        Effect.tap(() => {
          requests -= inputs.length - 1;
        }),
      ),
    createProject: (i) => add("project", i.name, i.references[0]!.externalId),
    createPerson: (i) => add("person", `${i.firstName} ${i.lastName}`, i.references[0]!.externalId),
    findByReference: (kind, r) =>
      Effect.sync(() => entities.find((e) => e.kind === kind && e.ref === r.externalId)?.id ?? null),
    addReference: () => Effect.void,
    upsertActuals: (inputs) =>
      Effect.sync(() => {
        requests += 1;
        return inputs.map((i) => {
          const k = `${i.personId}:${i.projectId}:${i.roleId}:${i.date}`;
          const id = actuals.get(k) ?? next++;
          actuals.set(k, id);
          return { id, personId: i.personId, projectId: i.projectId, roleId: i.roleId, date: i.date };
        });
      }),
    deleteActual: () => Effect.void,
  };
  return { writer, entities, actuals, requests: () => requests };
};

const ref = (h: number) => [{ referenceName: "Harvest", externalId: String(h) }];
const plan = planWith([
  { _tag: "CreateRole", ref: "new:role:unknown", name: "Unknown" },
  { _tag: "CreateClient", ref: "new:client:1", harvestId: 1, name: "Acme", references: ref(1) },
  {
    _tag: "CreateProject",
    ref: "new:project:2",
    harvestId: 2,
    name: "Site",
    clientId: "new:client:1",
    pricingModel: "tm",
    budget: null,
    isConfirmed: true,
    references: ref(2),
  },
  {
    _tag: "CreatePerson",
    ref: "new:person:3",
    harvestId: 3,
    firstName: "Ada",
    lastName: "L",
    email: "ada@example.test",
    roleId: "new:role:unknown",
    employmentType: "employee",
    minutesPerDay: 480,
    costPerHour: null,
    references: ref(3),
  },
  {
    _tag: "UpsertActual",
    personId: "new:person:3",
    projectId: "new:project:2",
    roleId: "new:role:unknown",
    date: "2026-01-09",
    billableMinutes: 60,
    nonbillableMinutes: 0,
    harvestEntryIds: [11, 12],
    runnActualId: null,
    previous: null,
  },
]);

const recorder = () => {
  const items: Array<RunItem> = [];
  const ledger = new Map<string, unknown>();
  return {
    items,
    ledger,
    recorder: {
      items: (is: ReadonlyArray<RunItem>) => Effect.sync(() => void items.push(...is)),
      ledgerPut: (es: ReadonlyArray<{ key: { personId: number; date: string } }>) =>
        Effect.sync(() => {
          for (const e of es) ledger.set(`${e.key.personId}:${e.key.date}`, e);
        }),
      ledgerRemove: () => Effect.void,
    },
  };
};

const opts = { runId: "r1", connectionId: "c1", now: "2026-01-10T00:00:00Z" };

describe("apply", () => {
  it.effect("creates in dependency order, resolves refs, and records the ledger", () =>
    Effect.gen(function* () {
      const runn = fakeRunn();
      const rec = recorder();
      const applied = yield* apply(plan, runn.writer, rec.recorder, opts);
      expect(runn.entities.map((e) => e.kind)).toEqual(["role", "client", "project", "person"]);
      expect(applied.failedTypes.size).toBe(0);
      expect(rec.items.map((i) => `${i.kind}:${i.outcome}`)).toEqual([
        "role:created",
        "client:created",
        "project:created",
        "person:created",
        "actual:written",
      ]);
      expect(runn.actuals.size).toBe(1);
      expect(rec.ledger.size).toBe(1);
      expect(runn.requests()).toBe(5);
    }),
  );

  it.effect("looks an ambiguous create up by reference and never creates it twice (R6)", () =>
    Effect.gen(function* () {
      const runn = fakeRunn(new Set(["Site", "Ada L", "Acme", "Unknown"]));
      const rec = recorder();
      const applied = yield* apply(plan, runn.writer, rec.recorder, opts);
      expect(runn.entities).toHaveLength(4);
      expect(applied.failedTypes.size).toBe(0);
      expect(rec.items.every((i) => i.outcome !== "failed")).toBe(true);
    }),
  );

  it.effect("fails what depends on a failed create and reports the types whose cursors must wait", () =>
    Effect.gen(function* () {
      const runn = fakeRunn();
      const failing: RunnWriter = {
        ...runn.writer,
        createProject: () => Effect.fail({ reason: "Unavailable", message: "503 after 5 attempts" }),
      };
      const rec = recorder();
      const applied = yield* apply(plan, failing, rec.recorder, opts);
      expect([...applied.failedTypes].sort()).toEqual(["actuals", "projects"]);
      expect(rec.items.filter((i) => i.outcome === "failed").map((i) => i.kind)).toEqual([
        "project",
        "actual",
      ]);
      expect(runn.actuals.size).toBe(0);
      expect(rec.ledger.size).toBe(0);
    }),
  );

  describe("clients from one bulk create, matched by reference (Runn promises no order)", () => {
    const client = (h: number, name: string) => ({
      _tag: "CreateClient",
      ref: `new:client:${h}`,
      harvestId: h,
      name,
      references: ref(h),
    });
    const project = (h: number, name: string, clientHarvestId: number) => ({
      _tag: "CreateProject",
      ref: `new:project:${h}`,
      harvestId: h,
      name,
      clientId: `new:client:${clientHarvestId}`,
      pricingModel: "tm",
      budget: null,
      isConfirmed: true,
      references: ref(h),
    });
    const twoClients = Schema.decodeUnknownSync(Plan.Plan)({
      ...Schema.encodeSync(Plan.Plan)(plan),
      operations: [client(1, "Acme"), client(4, "Globex"), project(2, "Site", 1), project(5, "Portal", 4)],
    });
    /** A writer whose bulk answer is reshaped (reordered, short or doubled) before the sync sees it. */
    const reshaped = (reshape: (cs: ReadonlyArray<CreatedClient>) => typeof cs) => {
      const runn = fakeRunn();
      const projects: Array<{ name: string; clientId: number }> = [];
      const writer: RunnWriter = {
        ...runn.writer,
        createClients: (inputs) => runn.writer.createClients(inputs).pipe(Effect.map(reshape)),
        createProject: (i) => {
          projects.push({ name: i.name, clientId: i.clientId });
          return runn.writer.createProject(i);
        },
      };
      const idOf = (name: string) => runn.entities.find((e) => e.kind === "client" && e.name === name)?.id;
      return { writer, projects, idOf };
    };

    it.effect("puts each project under its own client when the answer comes back reversed", () =>
      Effect.gen(function* () {
        const w = reshaped((cs) => [...cs].reverse());
        const rec = recorder();
        yield* apply(twoClients, w.writer, rec.recorder, opts);
        expect(w.projects).toEqual([
          { name: "Site", clientId: w.idOf("Acme") },
          { name: "Portal", clientId: w.idOf("Globex") },
        ]);
        expect(
          rec.items.filter((i) => i.kind === "client").map((i) => [i.harvestId, i.runnId, i.outcome]),
        ).toEqual([
          [1, w.idOf("Acme"), "created"],
          [4, w.idOf("Globex"), "created"],
        ]);
      }),
    );

    it.effect(
      "a client missing from the answer, or answered twice, is an unknown outcome for that item",
      () =>
        Effect.gen(function* () {
          for (const reshape of [
            (cs: ReadonlyArray<CreatedClient>) => cs.slice(1),
            (cs: ReadonlyArray<CreatedClient>) => [cs[0]!, { ...cs[0]!, id: 999 }, cs[1]!],
          ]) {
            const w = reshaped(reshape);
            const rec = recorder();
            const applied = yield* apply(twoClients, w.writer, rec.recorder, opts);
            const acme = rec.items.find((i) => i.kind === "client" && i.harvestId === 1)!;
            const globex = rec.items.find((i) => i.kind === "client" && i.harvestId === 4)!;
            expect([acme.outcome, acme.error?.startsWith("OutcomeUnknown:")]).toEqual(["failed", true]);
            expect([globex.outcome, globex.runnId]).toEqual(["created", w.idOf("Globex")]);
            expect(w.projects).toEqual([{ name: "Portal", clientId: w.idOf("Globex") }]);
            expect(applied.failedTypes.has("clients")).toBe(true);
          }
        }),
    );
  });
});
