/**
 * Clients through Runn's bulk endpoint: one request per batch, each returned client matched to its
 * operation by the Harvest reference the request carried (Runn's answer is `Client[]` in no promised
 * order), and an unknown outcome resolved by looking the batch up before sending the rest again.
 */
import { type Plan, Runn } from "@harvest-runn/domain";
import { Effect } from "effect";
import type { CreatedClient, RunnWriter, WriteFailure } from "./Writer.ts";

/**
 * The id of the one returned client carrying `op`'s Harvest reference; none or several is an unknown
 * outcome for that item (the next run finds a committed one by its reference).
 */
const matchCreated = (
  op: Plan.CreateClient,
  created: ReadonlyArray<CreatedClient>,
): number | WriteFailure => {
  const want = op.references[0];
  const hits = want === undefined ? [] : created.filter((c) => Runn.carries(c.references, want));
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

/** Each operation of a batch with the id of its created client, or why that item failed. */
export type Created = ReadonlyArray<readonly [Plan.CreateClient, number | WriteFailure]>;

/** Creates one batch (at most 100); on an unknown outcome finds what committed and sends the rest once. */
export const createClientBatch = (
  writer: RunnWriter,
  batch: ReadonlyArray<Plan.CreateClient>,
  o: { readonly concurrency: number; readonly countWrite: () => void },
): Effect.Effect<Created, WriteFailure> => {
  const send = (ops: ReadonlyArray<Plan.CreateClient>): Effect.Effect<Created, WriteFailure> =>
    Effect.suspend(() => {
      o.countWrite();
      return writer.createClients(ops.map((op) => ({ name: op.name, references: op.references })));
    }).pipe(Effect.map((created) => ops.map((op) => [op, matchCreated(op, created)] as const)));
  return send(batch).pipe(
    Effect.catchAll((e) =>
      e.reason !== "OutcomeUnknown"
        ? Effect.fail(e)
        : Effect.gen(function* () {
            const found = yield* Effect.forEach(
              batch,
              (op) =>
                writer
                  .findByReference("client", op.references[0]!)
                  .pipe(Effect.map((id) => [op, id] as const)),
              { concurrency: o.concurrency },
            );
            const missing = found.filter(([, id]) => id === null).map(([op]) => op);
            const again = missing.length === 0 ? [] : yield* send(missing);
            return [...found.flatMap(([op, id]) => (id === null ? [] : [[op, id] as const])), ...again];
          }),
    ),
  );
};
