/**
 * Creates, upserts, deletes and archiving. Creates are not idempotent: an ambiguous failure surfaces as
 * `OutcomeUnknown` and is never resent. Bulk actual upserts are idempotent and may be retried.
 */
import { Batch, Optional, Runn } from "@harvest-runn/domain";
import { Effect } from "effect";
import type { Service } from "../RunnClient.ts";
import { RunnClientError } from "../RunnClientError.ts";
import { type Ctx, compact, header, mutable, request } from "./Api.ts";
import { decodeArray, decodeOne, decodeRecords } from "./Decode.ts";
import * as FastDecode from "./FastDecode.ts";

type Writes = Pick<
  Service,
  | "createClients"
  | "createProject"
  | "createPerson"
  | "createRole"
  | "upsertActuals"
  | "deleteActual"
  | "deletePerson"
  | "deleteProject"
  | "archiveClient"
>;

/** Most items Runn's bulk endpoints take per request. */
export const bulkSize = 100;

/** The key Runn overwrites on: date, person, project, role, workstream. */
export const actualKey = (a: Runn.ActualInput): string =>
  `${a.date}|${a.personId}|${a.projectId}|${a.roleId}|${a.workstreamId ?? "none"}`;

const duplicateKeys = (actuals: ReadonlyArray<Runn.ActualInput>): Array<string> => {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const a of actuals) {
    const key = actualKey(a);
    if (seen.has(key)) dupes.add(key);
    seen.add(key);
  }
  return [...dupes];
};

/** Builds the write functions of one client. */
export const makeWrites = ({ api, http }: Ctx): Writes => {
  const createClients = Effect.fn("RunnClient.createClients")(function* (
    inputs: ReadonlyArray<Runn.ClientInput>,
  ) {
    const origin = { method: "POST", path: "/clients/bulk/" };
    const created: Array<Runn.Client> = [];
    for (const chunk of Batch.chunks(inputs, bulkSize)) {
      const clients = chunk.map((c) => ({ ...compact(c), references: mutable(c.references) }));
      const reply = yield* request(http, {
        ...origin,
        method: "POST",
        idempotent: false,
        send: (init) =>
          api.POST("/clients/bulk/", { params: { header }, body: { clients }, parseAs: "text", ...init }),
      });
      const records = yield* decodeArray(origin, reply.body);
      for (const record of records) created.push(yield* decodeOne(Runn.Client, origin, record));
    }
    return created;
  });

  const createProject = Effect.fn("RunnClient.createProject")(function* (input: Runn.ProjectInput) {
    const body = { ...compact(input), references: mutable(input.references) };
    const reply = yield* request(http, {
      method: "POST",
      path: "/projects/",
      idempotent: false,
      send: (init) => api.POST("/projects/", { params: { header }, body, parseAs: "text", ...init }),
    });
    return yield* decodeOne(Runn.Project, { method: "POST", path: "/projects/" }, reply.body);
  });

  const createPerson = Effect.fn("RunnClient.createPerson")(function* (input: Runn.PersonInput) {
    const body = { ...compact(input), references: mutable(input.references) };
    const reply = yield* request(http, {
      method: "POST",
      path: "/people/",
      idempotent: false,
      send: (init) => api.POST("/people/", { params: { header }, body, parseAs: "text", ...init }),
    });
    return yield* decodeOne(Runn.Person, { method: "POST", path: "/people/" }, reply.body);
  });

  const createRole = Effect.fn("RunnClient.createRole")(function* (input: Runn.RoleInput) {
    const body = { ...compact(input), references: mutable(input.references) };
    const reply = yield* request(http, {
      method: "POST",
      path: "/roles/",
      idempotent: false,
      send: (init) => api.POST("/roles/", { params: { header }, body, parseAs: "text", ...init }),
    });
    return yield* decodeOne(Runn.Role, { method: "POST", path: "/roles/" }, reply.body);
  });

  const upsertActuals = Effect.fn("RunnClient.upsertActuals")(function* (
    actuals: ReadonlyArray<Runn.ActualInput>,
    options?: Parameters<Service["upsertActuals"]>[1],
  ) {
    const dupes = duplicateKeys(actuals);
    if (dupes.length > 0) {
      return yield* new RunnClientError({
        reason: "Validation",
        message: `POST /actuals/bulk/: ${dupes.length} key(s) appear twice in one call (date|person|project|role|workstream: ${dupes.slice(0, 3).join(", ")}); send each day's total once`,
        method: "POST",
        path: "/actuals/bulk/",
      });
    }
    const origin = { method: "POST", path: "/actuals/bulk/" };
    const stored: Array<Runn.Actual> = [];
    for (const chunk of Batch.chunks(actuals, bulkSize)) {
      const reply = yield* request(http, {
        method: "POST",
        path: origin.path,
        idempotent: true,
        send: (init) =>
          api.POST("/actuals/bulk/", {
            params: { header },
            body: { actuals: chunk.map(compact) },
            parseAs: "text",
            ...init,
          }),
      });
      const records = yield* decodeArray(origin, reply.body);
      stored.push(
        ...(yield* decodeRecords(Runn.Actual, "actuals", undefined, records, options, FastDecode.actual)),
      );
    }
    return stored;
  });

  const deleteActual = Effect.fn("RunnClient.deleteActual")(function* (id: number) {
    yield* request(http, {
      method: "DELETE",
      path: "/actuals/{actualId}/",
      idempotent: true,
      send: (init) =>
        api.DELETE("/actuals/{actualId}/", {
          params: { header, path: { actualId: id } },
          parseAs: "text",
          ...init,
        }),
    });
  });

  const deletePerson = Effect.fn("RunnClient.deletePerson")(function* (
    id: number,
    options?: { readonly force?: boolean },
  ) {
    const query = Optional.fields({ force: options?.force });
    yield* request(http, {
      method: "DELETE",
      path: "/people/{personId}",
      idempotent: true,
      send: (init) =>
        api.DELETE("/people/{personId}", {
          params: { header, path: { personId: id }, query },
          parseAs: "text",
          ...init,
        }),
    });
  });

  const deleteProject = Effect.fn("RunnClient.deleteProject")(function* (id: number) {
    yield* request(http, {
      method: "DELETE",
      path: "/projects/{projectId}/",
      idempotent: true,
      send: (init) =>
        api.DELETE("/projects/{projectId}/", {
          params: { header, path: { projectId: id } },
          parseAs: "text",
          ...init,
        }),
    });
  });

  const archiveClient = Effect.fn("RunnClient.archiveClient")(function* (id: number) {
    const reply = yield* request(http, {
      method: "PATCH",
      path: "/clients/{clientId}",
      idempotent: true,
      send: (init) =>
        api.PATCH("/clients/{clientId}", {
          params: { header, path: { clientId: id } },
          body: { isArchived: true },
          parseAs: "text",
          ...init,
        }),
    });
    return yield* decodeOne(Runn.Client, { method: "PATCH", path: "/clients/{clientId}" }, reply.body);
  });

  return {
    createClients,
    createProject,
    createPerson,
    createRole,
    upsertActuals,
    deleteActual,
    deletePerson,
    deleteProject,
    archiveClient,
  };
};
