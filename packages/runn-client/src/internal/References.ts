/**
 * Reference linking: `findByReference` (server-side `externalId` filter for people and projects, then
 * an exact check; a full list and match for clients and roles) and `addReference`/`removeReference`,
 * which read the record, change its references array and write the whole array back.
 */
import { Runn } from "@harvest-runn/domain";
import { Effect, Stream } from "effect";
import type { Found, Service } from "../RunnClient.ts";
import type { RunnClientError } from "../RunnClientError.ts";
import { type Call, type Ctx, header, request } from "./Api.ts";
import { decodeIdentity } from "./Decode.ts";

type References = Pick<Service, "findByReference" | "addReference" | "removeReference">;

const itemPath: Record<Runn.EntityKind, string> = {
  client: "/clients/{clientId}",
  project: "/projects/{projectId}",
  person: "/people/{personId}",
  role: "/roles/{roleId}",
};

/** Builds the reference functions of one client. */
export const makeReferences = (
  ctx: Ctx,
  lists: Pick<Service, "clients" | "projects" | "people" | "roles">,
) => {
  const { api, http } = ctx;

  const read = (kind: Runn.EntityKind, id: number): Call["send"] => {
    switch (kind) {
      case "client":
        return (init) =>
          api.GET("/clients/{clientId}", {
            params: { header, path: { clientId: id } },
            parseAs: "text",
            ...init,
          });
      case "project":
        return (init) =>
          api.GET("/projects/{projectId}", {
            params: { header, path: { projectId: id } },
            parseAs: "text",
            ...init,
          });
      case "person":
        return (init) =>
          api.GET("/people/{personId}", {
            params: { header, path: { personId: id } },
            parseAs: "text",
            ...init,
          });
      case "role":
        return (init) =>
          api.GET("/roles/{roleId}", { params: { header, path: { roleId: id } }, parseAs: "text", ...init });
    }
  };

  const write = (kind: Runn.EntityKind, id: number, references: Array<Runn.Reference>): Call["send"] => {
    const body = { references };
    switch (kind) {
      case "client":
        return (init) =>
          api.PATCH("/clients/{clientId}", {
            params: { header, path: { clientId: id } },
            body,
            parseAs: "text",
            ...init,
          });
      case "project":
        return (init) =>
          api.PATCH("/projects/{projectId}", {
            params: { header, path: { projectId: id } },
            body,
            parseAs: "text",
            ...init,
          });
      case "person":
        return (init) =>
          api.PATCH("/people/{personId}", {
            params: { header, path: { personId: id } },
            body,
            parseAs: "text",
            ...init,
          });
      case "role":
        return (init) =>
          api.PATCH("/roles/{roleId}", {
            params: { header, path: { roleId: id } },
            body,
            parseAs: "text",
            ...init,
          });
    }
  };

  const references = (kind: Runn.EntityKind, id: number) =>
    request(http, { method: "GET", path: itemPath[kind], idempotent: true, send: read(kind, id) }).pipe(
      Effect.flatMap((reply) => decodeIdentity({ method: "GET", path: itemPath[kind] }, reply.body)),
      Effect.map((identity) => identity.references),
    );

  const replace = (kind: Runn.EntityKind, id: number, next: Array<Runn.Reference>) =>
    request(http, {
      method: "PATCH",
      path: itemPath[kind],
      idempotent: true,
      send: write(kind, id, next),
    }).pipe(
      Effect.flatMap((reply) => decodeIdentity({ method: "PATCH", path: itemPath[kind] }, reply.body)),
      Effect.map((identity) => identity.references),
    );

  const addReference = Effect.fn("RunnClient.addReference")(function* (
    kind: Runn.EntityKind,
    id: number,
    reference: Runn.Reference,
  ) {
    const current = yield* references(kind, id);
    if (Runn.carries(current, reference)) return current;
    return yield* replace(kind, id, [...current, reference]);
  });

  const removeReference = Effect.fn("RunnClient.removeReference")(function* (
    kind: Runn.EntityKind,
    id: number,
    reference: Runn.Reference,
  ) {
    const current = yield* references(kind, id);
    if (!Runn.carries(current, reference)) return current;
    return yield* replace(
      kind,
      id,
      current.filter((r) => !Runn.sameReference(r, reference)),
    );
  });

  const findByReference = <K extends Runn.EntityKind>(
    kind: K,
    referenceName: string,
    externalId: string,
  ): Effect.Effect<ReadonlyArray<Found<K>>, RunnClientError> =>
    Effect.gen(function* () {
      const wanted = { referenceName, externalId };
      const partial: Array<Runn.IdentityOnly> = [];
      const options = {
        onIdentityOnly: (record: Runn.IdentityOnly) =>
          Effect.sync(() => {
            if (Runn.carries(record.references, wanted)) partial.push(record);
          }),
      };
      const stream: Stream.Stream<Runn.EntityOf[Runn.EntityKind], RunnClientError> =
        kind === "person"
          ? lists.people({ externalId }, options)
          : kind === "project"
            ? lists.projects({ externalId, includeArchived: true }, options)
            : kind === "client"
              ? lists.clients({}, options)
              : lists.roles({}, options);
      const found = yield* Stream.runCollect(
        Stream.filter(stream, (record) => Runn.carries(record.references, wanted)),
      );
      return [...(found as Iterable<Runn.EntityOf[K]>), ...partial];
    }).pipe(Effect.withSpan("RunnClient.findByReference", { attributes: { kind } }));

  return { findByReference, addReference, removeReference } satisfies References;
};
