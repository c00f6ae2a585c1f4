/** Plans for the apply tests: the given operations in the envelope a plan of connection `c1` has. */
import { Plan, ReconcileOptions } from "@harvest-runn/domain";
import { Schema } from "effect";

/** A plan of connection `c1`, made on 2026-01-10 with the default settings, holding `operations`. */
export const planWith = (operations: ReadonlyArray<unknown>): Plan.Plan =>
  Schema.decodeUnknownSync(Plan.Plan)({
    version: 1,
    connectionId: "c1",
    createdAt: "2026-01-10T00:00:00Z",
    options: { ...ReconcileOptions.defaults, today: "2026-01-10" },
    fingerprints: {},
    report: [],
    operations,
  });
