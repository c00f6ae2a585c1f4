/**
 * Applies a plan in dependency order (roles → clients → projects → people → links → actual upserts →
 * removals → ledger-only records), resolving symbolic refs as creates complete and recording every
 * item and ledger change as its write completes. A create whose outcome is unknown is looked up by
 * reference before it is sent again (SPEC R6); an operation whose ref did not resolve fails too.
 */
import { Batch, type Plan, type ReconcileOptions } from "@harvest-runn/domain";
import { Effect } from "effect";
import type { RunItem } from "../Output.ts";
import * as Progress from "../Progress.ts";
import { applyActuals } from "./ApplyActuals.ts";
import { createClientBatch } from "./BulkClients.ts";
import { item } from "./Items.ts";
import type { Recorder, RunnWriter, WriteFailure } from "./Writer.ts";
import { scopeWrites } from "./WriteScope.ts";

/**
 * What applying a plan did. The items themselves go to the recorder as they complete and are not kept
 * here: an xl first import records one per write, hundreds of thousands over hours (memory stays flat).
 */
export interface Applied {
  /** Entity types with at least one failed write (their cursors must not advance). */
  readonly failedTypes: ReadonlySet<ReconcileOptions.EntityType>;
  /** Runn write requests sent. */
  readonly writes: number;
  /** Set when Runn refused a write for the token's scope: later writes were not sent (the run fails). */
  readonly refused: WriteFailure | null;
}

/** Options of `apply`. */
export interface ApplyOptions {
  readonly runId: string;
  readonly connectionId: string;
  /** Timestamp written into ledger rows. */
  readonly now: string;
  /** Concurrent single-entity creates within one phase (default 8: enough to keep the request pacer busy). */
  readonly concurrency?: number;
  /** Attempts of one create when its outcome stays unknown (default 3). */
  readonly createAttempts?: number;
}

type Ref = number | string;
type Kind = "client" | "project" | "person";

/** Applies `plan` through `writer`, recording through `recorder`; fails only when the recorder fails. */
export const apply = <E>(
  plan: Plan.Plan,
  runn: RunnWriter,
  recorder: Recorder<E>,
  options: ApplyOptions,
): Effect.Effect<Applied, E> =>
  Effect.gen(function* () {
    const scoped = scopeWrites(runn);
    const writer = scoped.writer;
    const finish = (): Applied => ({
      failedTypes,
      writes: writes - scoped.notSent(),
      refused: scoped.refused(),
    });
    const refs = new Map<string, number>();
    const failedTypes = new Set<ReconcileOptions.EntityType>();
    let writes = 0;
    const countWrite = () => {
      writes += 1;
    };
    const concurrency = options.concurrency ?? 8;
    const attempts = options.createAttempts ?? 3;
    const ops = plan.operations;
    const of = <T extends Plan.Operation["_tag"]>(tag: T) =>
      ops.filter((o): o is Extract<Plan.Operation, { _tag: T }> => o._tag === tag);
    const resolve = (r: Ref): number | undefined => (typeof r === "number" ? r : refs.get(r));
    const record = (items: ReadonlyArray<RunItem>) => recorder.items(items);
    const progress = (phase: Progress.Phase, done: number, total: number) =>
      Progress.report({ runId: options.runId, connectionId: options.connectionId, phase, done, total });
    const failed = (kind: RunItem["kind"], label: string, e: WriteFailure, harvestId: number | null = null) =>
      item({
        kind,
        outcome: "failed",
        label,
        harvestId,
        error: `${e.reason}: ${e.message}`,
      });
    const unresolved: WriteFailure = {
      reason: "DependencyFailed",
      message: "an entity it needs was not created",
    };

    /** Sends a create; on an unknown outcome looks it up first and sends again only when absent. */
    const create = (
      send: Effect.Effect<number, WriteFailure>,
      lookup: Effect.Effect<number | null, WriteFailure>,
    ) => {
      const attempt = (left: number): Effect.Effect<number, WriteFailure> =>
        Effect.suspend(() => {
          writes += 1;
          return send;
        }).pipe(
          Effect.catchAll((e) =>
            e.reason !== "OutcomeUnknown" || left <= 1
              ? Effect.fail(e)
              : lookup.pipe(
                  Effect.flatMap((found) => (found !== null ? Effect.succeed(found) : attempt(left - 1))),
                ),
          ),
        );
      return attempt(attempts);
    };

    // Roles.
    const roles = of("CreateRole");
    let done = 0;
    yield* Effect.forEach(
      roles,
      (op) =>
        create(writer.createRole(op.name), writer.findRole(op.name)).pipe(
          Effect.either,
          Effect.flatMap((r) => {
            if (r._tag === "Right") refs.set(op.ref, r.right);
            else failedTypes.add("people");
            return record([
              r._tag === "Right"
                ? item({ kind: "role", outcome: "created", label: op.name, runnId: r.right })
                : failed("role", op.name, r.left),
            ]);
          }),
          Effect.zipRight(Effect.suspend(() => progress("roles", ++done, roles.length))),
        ),
      { concurrency },
    );

    if (scoped.refused()) return finish();
    // Clients, through the bulk endpoint. Runn's answer is `Client[]` in no promised order, so each
    // returned client is matched to its operation by the Harvest reference the request carried.
    const clients = of("CreateClient");
    done = 0;
    for (const batch of Batch.chunks(clients, 100)) {
      const sent = yield* createClientBatch(writer, batch, { concurrency, countWrite }).pipe(Effect.either);
      const items: Array<RunItem> =
        sent._tag === "Right"
          ? sent.right.map(([op, id]) => {
              if (typeof id === "number") refs.set(op.ref, id);
              return typeof id !== "number"
                ? failed("client", op.name, id, op.harvestId)
                : item({
                    kind: "client",
                    outcome: "created",
                    label: op.name,
                    harvestId: op.harvestId,
                    runnId: id,
                  });
            })
          : batch.map((op) => failed("client", op.name, sent.left, op.harvestId));
      if (items.some((i) => i.outcome === "failed")) failedTypes.add("clients");
      yield* record(items);
      done += batch.length;
      yield* progress("clients", done, clients.length);
    }

    if (scoped.refused()) return finish();
    // Projects and people: one request each, looked up by reference when the outcome is unknown.
    const single = <Op extends Plan.CreateProject | Plan.CreatePerson>(
      phase: "projects" | "people",
      kind: Kind,
      list: ReadonlyArray<Op>,
      send: (op: Op) => Effect.Effect<number, WriteFailure> | null,
      label: (op: Op) => string,
    ) => {
      let n = 0;
      return Effect.forEach(
        list,
        (op) => {
          const request = send(op);
          const effect =
            request === null
              ? Effect.fail(unresolved)
              : create(request, writer.findByReference(kind, op.references[0]!));
          return effect.pipe(
            Effect.either,
            Effect.flatMap((r) => {
              if (r._tag === "Right") refs.set(op.ref, r.right);
              else failedTypes.add(phase);
              return record([
                r._tag === "Right"
                  ? item({
                      kind,
                      outcome: "created",
                      label: label(op),
                      harvestId: op.harvestId,
                      runnId: r.right,
                    })
                  : failed(kind, label(op), r.left, op.harvestId),
              ]);
            }),
            Effect.zipRight(Effect.suspend(() => progress(phase, ++n, list.length))),
          );
        },
        { concurrency },
      );
    };
    yield* single(
      "projects",
      "project",
      of("CreateProject"),
      (op) => {
        const clientId = resolve(op.clientId);
        return clientId === undefined
          ? null
          : writer.createProject({
              name: op.name,
              clientId,
              pricingModel: op.pricingModel,
              budget: op.budget,
              isConfirmed: op.isConfirmed,
              references: op.references,
            });
      },
      (op) => op.name,
    );
    if (scoped.refused()) return finish();
    yield* single(
      "people",
      "person",
      of("CreatePerson"),
      (op) => {
        const roleId = resolve(op.roleId);
        return roleId === undefined
          ? null
          : writer.createPerson({
              firstName: op.firstName,
              lastName: op.lastName,
              email: op.email,
              roleId,
              employmentType: op.employmentType,
              minutesPerDay: op.minutesPerDay,
              costPerHour: op.costPerHour,
              references: op.references,
            });
      },
      (op) => `${op.firstName} ${op.lastName}`,
    );

    if (scoped.refused()) return finish();
    // Links: add the Harvest reference (the client reads, appends and writes the array back).
    const links = of("LinkEntity");
    done = 0;
    yield* Effect.forEach(
      links,
      (op) =>
        Effect.suspend(() => {
          writes += 1;
          return writer.addReference(op.kind, op.runnId, op.reference);
        }).pipe(
          Effect.either,
          Effect.flatMap((r) => {
            const label = `${op.kind} ${op.runnId} ↔ Harvest ${op.harvestId}`;
            if (r._tag === "Left") failedTypes.add(op.kind === "person" ? "people" : `${op.kind}s`);
            return record([
              r._tag === "Right"
                ? item({
                    kind: "link",
                    outcome: "linked",
                    label,
                    harvestId: op.harvestId,
                    runnId: op.runnId,
                  })
                : failed("link", label, r.left, op.harvestId),
            ]);
          }),
          Effect.zipRight(Effect.suspend(() => progress("links", ++done, links.length))),
        ),
      { concurrency },
    );

    if (scoped.refused()) return finish();
    yield* applyActuals(plan, writer, recorder, {
      resolve,
      record,
      progress,
      failedTypes,
      now: options.now,
      countWrite,
      concurrency,
    });
    return finish();
  });
