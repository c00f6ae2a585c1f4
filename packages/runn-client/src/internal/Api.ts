/**
 * The typed openapi-fetch client over our generated Runn `paths` (never exported from the package),
 * plus what every call needs: the version header and the account's HTTP exchange.
 */
import type { Exchange } from "@harvest-runn/http";
import { Effect } from "effect";
import type { Client } from "openapi-fetch";
import type { paths } from "../generated/runn.ts";
import { RunnClientError } from "../RunnClientError.ts";

/** The `Accept-Version` header Runn requires on every request. */
export const header = { "Accept-Version": "1.0.0" } as const;

/** One request as the client describes it; `send` performs it with openapi-fetch. */
export type Call = Exchange.Request;

/** The client's exchange (pacing, timeout, retries, errors), shared in shape with the Harvest client. */
export type Http = Exchange.Execute<RunnClientError>;

/** A successful reply: status and the parsed JSON body (undefined when empty). */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
  /** The server's `Date` response header, when it sent one. */
  readonly date: string | null;
}

/** Sends `call` through the exchange and parses a non-empty body as JSON. */
export const request = (http: Http, call: Call): Effect.Effect<Reply, RunnClientError> =>
  Effect.flatMap(http(call), ({ status, body, date }) =>
    body.trim() === ""
      ? Effect.succeed({ status, body: undefined, date })
      : Effect.try({
          try: () => ({ status, body: JSON.parse(body) as unknown, date }),
          catch: () =>
            new RunnClientError({
              reason: "Decode",
              message: `${call.method} ${call.path}: response body is not JSON (status ${status})`,
              method: call.method,
              path: call.path,
              status,
            }),
        }),
  );

/** Everything the operations need. */
export interface Ctx {
  readonly api: Client<paths>;
  readonly http: Http;
  readonly baseUrl: string;
}

/** Copies a readonly array into the mutable form the generated request types use. */
export const mutable = <A>(items: ReadonlyArray<A>): Array<A> => [...items];

/** The same object without `undefined` values: optional fields are omitted rather than sent empty. */
export type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/** Drops `undefined` properties so domain inputs fit the generated request types. */
export const compact = <T extends object>(value: T): Defined<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Defined<T>;
