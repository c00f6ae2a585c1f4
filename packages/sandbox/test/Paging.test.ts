import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { harness } from "./support/Harness.ts";

const t = harness({
  preset: "small",
  runnData: "existing",
  limits: { harvest: { requests: 1e9, windowMs: 1 }, runn: { requests: 1e9, windowMs: 1 } },
});
const strip = (url: string) => url.replace("http://sandbox.test/harvest/v2", "");

describe("pagination walks", () => {
  it("Harvest cursor lists return every matching record exactly once, newest first, for any page size", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("users", "clients", "projects", "tasks", "user_assignments", "task_assignments"),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom("", "is_active=true", "is_active=false"),
        async (list, perPage, filter) => {
          const ids: number[] = [];
          let next: string | null = `/${list}?per_page=${perPage}${filter ? `&${filter}` : ""}`;
          for (let guard = 0; next !== null && guard < 2000; guard++) {
            const r = await t.harvest("GET", next);
            ids.push(...r.json[list].map((x: { id: number }) => x.id));
            next = r.json.links.next === null ? null : strip(r.json.links.next);
          }
          const whole = await t.harvest("GET", `/${list}${filter ? `?${filter}` : ""}`);
          expect(ids).toEqual(whole.json[list].map((x: { id: number }) => x.id));
          expect([...ids].sort((a, b) => b - a)).toEqual(ids);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("Harvest /time_entries page numbers cover the filtered set exactly once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 2000 }),
        fc.constantFrom("", "from=2024-01-01&to=2024-03-31", "is_running=false&approval_status=approved"),
        async (perPage, filter) => {
          const first = await t.harvest(
            "GET",
            `/time_entries?per_page=${perPage}${filter ? `&${filter}` : ""}`,
          );
          const ids = new Set<number>(first.json.time_entries.map((e: { id: number }) => e.id));
          let next: string | null = first.json.links.next;
          for (let guard = 0; next !== null && guard < 200; guard++) {
            const r = await t.harvest("GET", strip(next));
            for (const e of r.json.time_entries) ids.add(e.id);
            next = r.json.links.next;
          }
          expect(ids.size).toBe(first.json.total_entries);
        },
      ),
      { numRuns: 8 },
    );
  });

  it("Runn cursor lists return every record once in the requested order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          "clients/",
          "projects/",
          "people/",
          "roles/",
          "actuals/",
          "project-members/",
          "assignments/",
        ),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom("", "sortBy=createdAt&order=desc", "order=desc"),
        async (list, limit, sort) => {
          const ids: number[] = [];
          let cursor: string | null = null;
          for (let guard = 0; guard < 5000; guard++) {
            const r = await t.runn(
              "GET",
              `/${list}?limit=${limit}${sort ? `&${sort}` : ""}${cursor ? `&cursor=${cursor}` : ""}`,
            );
            ids.push(...r.json.values.map((x: { id: number }) => x.id));
            cursor = r.json.nextCursor;
            if (cursor === null) break;
          }
          expect(new Set(ids).size).toBe(ids.length);
          const r = t.sandbox.world.runn[0]!;
          const sizes: Record<string, number> = {
            "clients/": r.clients.size,
            "projects/": r.projects.size,
            "people/": r.people.size,
            "roles/": r.roles.size,
            "actuals/": r.actuals.size,
            "project-members/": r.members.size,
            "assignments/": r.assignments.size,
          };
          expect(ids.length).toBe(sizes[list]);
          if (sort === "order=desc") expect([...ids].sort((a, b) => b - a)).toEqual(ids);
        },
      ),
      { numRuns: 25 },
    );
  });
});
