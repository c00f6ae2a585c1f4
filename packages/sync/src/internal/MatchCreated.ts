/** Matches the clients a bulk create returned to the operations that asked for them. */
import type { Plan } from "@harvest-runn/domain";
import type { CreatedClient, WriteFailure } from "./Writer.ts";

/**
 * The id of the one returned client carrying `op`'s Harvest reference; none or several is an unknown
 * outcome for that item (the next run finds a committed one by its reference).
 */
export const matchCreated = (
  op: Plan.CreateClient,
  created: ReadonlyArray<CreatedClient>,
): number | WriteFailure => {
  const want = op.references[0];
  const hits =
    want === undefined
      ? []
      : created.filter((c) =>
          c.references.some(
            (r) => r.referenceName === want.referenceName && r.externalId === want.externalId,
          ),
        );
  if (hits.length === 1) return hits[0]!.id;
  const which = want === undefined ? "no reference" : `${want.referenceName} ${want.externalId}`;
  return {
    reason: "OutcomeUnknown",
    message:
      hits.length === 0
        ? `the bulk create answered no client with the reference ${which}`
        : `the bulk create answered ${hits.length} clients with the reference ${which}`,
  };
};
