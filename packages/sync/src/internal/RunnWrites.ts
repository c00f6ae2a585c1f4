/**
 * The Runn client as the `RunnWriter` a plan is applied through: ids out, client errors reduced to
 * their `reason` and message, and an actual already gone counted as deleted.
 */
import type { Ids, Runn } from "@harvest-runn/domain";
import type { RunnClient } from "@harvest-runn/runn-client";
import { Effect, Stream } from "effect";
import type { RunnWriter, WriteFailure } from "./Writer.ts";

const failure = (e: { readonly reason: string; readonly message: string }): WriteFailure => ({
  reason: e.reason,
  message: e.message,
});

/** Adapts a Runn client into a `RunnWriter`. */
export const fromRunnClient = (client: RunnClient.Service): RunnWriter => ({
  createRole: (name) =>
    client.createRole({ name, references: [] }).pipe(
      Effect.map((r) => r.id as number),
      Effect.mapError(failure),
    ),
  findRole: (name) =>
    Stream.runCollect(client.roles({ name })).pipe(
      Effect.map((roles) => {
        for (const r of roles) if ((r.name ?? "").toLowerCase() === name.toLowerCase()) return r.id as number;
        return null;
      }),
      Effect.mapError(failure),
    ),
  createClients: (inputs) =>
    client.createClients(inputs.map((i) => ({ name: i.name, references: i.references }))).pipe(
      Effect.map((cs) => cs.map((c) => ({ id: c.id as number, references: c.references }))),
      Effect.mapError(failure),
    ),
  createProject: (i) =>
    client
      .createProject({
        name: i.name,
        clientId: i.clientId as Ids.RunnClientId,
        pricingModel: i.pricingModel,
        isConfirmed: i.isConfirmed,
        ...(i.budget === null ? {} : { budget: i.budget }),
        references: i.references,
      })
      .pipe(
        Effect.map((p) => p.id as number),
        Effect.mapError(failure),
      ),
  createPerson: (i) =>
    client
      .createPerson({
        firstName: i.firstName,
        lastName: i.lastName,
        ...(i.email === null || i.email === "" ? {} : { email: i.email }),
        roleId: i.roleId as Ids.RunnRoleId,
        employmentType: i.employmentType,
        minutesPerDay: i.minutesPerDay,
        ...(i.costPerHour === null ? {} : { costPerHour: i.costPerHour }),
        references: i.references,
      })
      .pipe(
        Effect.map((p) => p.id as number),
        Effect.mapError(failure),
      ),
  findByReference: (kind, reference) =>
    client.findByReference(kind, reference.referenceName, reference.externalId).pipe(
      Effect.map((found) => (found.length === 0 ? null : Math.min(...found.map((f) => f.id as number)))),
      Effect.mapError(failure),
    ),
  addReference: (kind, id, reference: Runn.Reference) =>
    client.addReference(kind, id, reference).pipe(Effect.asVoid, Effect.mapError(failure)),
  upsertActuals: (inputs) =>
    client.upsertActuals(inputs).pipe(
      Effect.map((as) =>
        as.map((a) => ({
          id: a.id,
          personId: a.personId,
          projectId: a.projectId,
          roleId: a.roleId,
          date: a.date,
        })),
      ),
      Effect.mapError(failure),
    ),
  deleteActual: (id) =>
    client.deleteActual(id as Ids.RunnActualId).pipe(
      Effect.catchIf(
        (e) => e.reason === "NotFound",
        () => Effect.void,
      ),
      Effect.mapError(failure),
    ),
});
