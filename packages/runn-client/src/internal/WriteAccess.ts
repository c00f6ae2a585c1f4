/**
 * The write-scope check and the server clock. Runn has no endpoint that tells a token's scope, so the
 * check sends a write that changes no value: it reads the first role (else client) and PATCHes it
 * with the `name` it already has. A 401/403 on that write, after reads succeeded, is taken to mean a
 * read-only token (an assumption: the reference does not name the status a read-only token gets).
 */
import type { Runn } from "@harvest-runn/domain";
import { Effect, Option, Stream } from "effect";
import type { Service, WriteAccess } from "../RunnClient.ts";
import type { RunnClientError } from "../RunnClientError.ts";
import { type Ctx, header, request } from "./Api.ts";

type Checks = Pick<Service, "checkWriteAccess" | "serverTime">;

/** Parses an HTTP `Date` header; null when absent or unreadable. */
export const parseHttpDate = (text: string | null): Date | null => {
  if (text === null) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
};

/** Builds `checkWriteAccess` and `serverTime` over the client's lists. */
export const makeChecks = ({ api, http }: Ctx, lists: Pick<Service, "roles" | "clients">): Checks => {
  const refused = (via: string) => (error: RunnClientError) =>
    error.reason === "Unauthorized"
      ? Effect.succeed<WriteAccess>({
          verified: false,
          via,
          reason: `read-only token: Runn refused a write that changes nothing (${error.status ?? 401}) although reads work`,
        })
      : Effect.fail(error);

  const patchRole = (role: Runn.Role & { readonly name: string }) => {
    const via = "PATCH /roles/{roleId}";
    return request(http, {
      method: "PATCH",
      path: "/roles/{roleId}",
      idempotent: true,
      send: (init) =>
        api.PATCH("/roles/{roleId}", {
          params: { header, path: { roleId: role.id } },
          body: { name: role.name },
          parseAs: "text",
          ...init,
        }),
    }).pipe(Effect.as<WriteAccess>({ verified: true, via }), Effect.catchAll(refused(via)));
  };

  const patchClient = (client: Runn.Client) => {
    const via = "PATCH /clients/{clientId}";
    return request(http, {
      method: "PATCH",
      path: "/clients/{clientId}",
      idempotent: true,
      send: (init) =>
        api.PATCH("/clients/{clientId}", {
          params: { header, path: { clientId: client.id } },
          body: { name: client.name },
          parseAs: "text",
          ...init,
        }),
    }).pipe(Effect.as<WriteAccess>({ verified: true, via }), Effect.catchAll(refused(via)));
  };

  const checkWriteAccess = Effect.gen(function* () {
    const role = yield* Stream.runHead(
      lists
        .roles({}, { onMalformed: () => Effect.void })
        .pipe(Stream.filter((r): r is Runn.Role & { readonly name: string } => r.name !== null)),
    );
    if (Option.isSome(role)) return yield* patchRole(role.value);
    const client = yield* Stream.runHead(lists.clients({}, { onMalformed: () => Effect.void }));
    if (Option.isSome(client)) return yield* patchClient(client.value);
    const none: WriteAccess = {
      verified: null,
      reason: "nothing to write to without changing data (the account has no role and no client)",
    };
    return none;
  }).pipe(Effect.withSpan("RunnClient.checkWriteAccess"));

  const serverTime = request(http, {
    method: "GET",
    path: "/me/",
    idempotent: true,
    send: (init) => api.GET("/me/", { params: { header }, parseAs: "text", ...init }),
  }).pipe(
    Effect.map((reply) => parseHttpDate(reply.date)),
    Effect.withSpan("RunnClient.serverTime"),
  );

  return { checkWriteAccess, serverTime };
};
