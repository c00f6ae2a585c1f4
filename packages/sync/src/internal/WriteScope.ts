/**
 * The run's writes as one probe of the token's write scope (SPEC C2, R1). Runn tells a token's scope
 * only by refusing a write, and `connect` cannot check it on an account with nothing to write back to;
 * so until one write of the run has succeeded, writes go one at a time. A write Runn refuses for the
 * token (401/403, although this run's reads worked) stops every later write: they fail as `RunnReadOnly`
 * without being sent, and the run fails with that one reason instead of ending partial.
 */
import { Effect } from "effect";
import type { RunnWriter, WriteFailure } from "./Writer.ts";

/** A writer whose writes stop at the first refused for scope, and what refused it. */
export interface ScopedWriter {
  readonly writer: RunnWriter;
  /** The refusal, once a write was refused for the token's scope. */
  readonly refused: () => WriteFailure | null;
  /** Writes failed without being sent because an earlier one was refused. */
  readonly notSent: () => number;
}

/** Wraps `writer` (reads pass through unchanged). */
export const scopeWrites = (writer: RunnWriter): ScopedWriter => {
  const gate = Effect.unsafeMakeSemaphore(1);
  let proven = false;
  let refused: WriteFailure | null = null;
  let skipped = 0;
  const notSent = (): WriteFailure => ({
    reason: "RunnReadOnly",
    message: `not sent: ${refused?.message ?? "an earlier write was refused"}`,
  });
  const guard = <A>(send: Effect.Effect<A, WriteFailure>): Effect.Effect<A, WriteFailure> => {
    const attempt = Effect.suspend(() => {
      if (refused !== null) {
        skipped += 1;
        return Effect.fail(notSent());
      }
      return send.pipe(
        Effect.tap(() => {
          proven = true;
        }),
        Effect.mapError((e): WriteFailure => {
          if (e.reason !== "Unauthorized") return e;
          refused ??= {
            reason: "RunnReadOnly",
            message: `Runn refused a write of this run although its reads worked: the token is read-only or lacks write scope (${e.message})`,
          };
          return refused;
        }),
      );
    });
    return Effect.suspend(() => (proven ? attempt : gate.withPermits(1)(attempt)));
  };
  return {
    refused: () => refused,
    notSent: () => skipped,
    writer: {
      ...writer,
      createRole: (name) => guard(writer.createRole(name)),
      createClients: (inputs) => guard(writer.createClients(inputs)),
      createProject: (input) => guard(writer.createProject(input)),
      createPerson: (input) => guard(writer.createPerson(input)),
      addReference: (kind, id, reference) => guard(writer.addReference(kind, id, reference)),
      upsertActuals: (inputs) => guard(writer.upsertActuals(inputs)),
      deleteActual: (id) => guard(writer.deleteActual(id)),
    },
  };
};
