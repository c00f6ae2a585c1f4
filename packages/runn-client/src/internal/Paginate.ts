/**
 * Cursor pagination as a `Stream`: each page is requested at the endpoint's maximum `limit` and the
 * walk follows `nextCursor` until it is null. The walk is bounded and fails if a cursor repeats.
 */
import type { Runn } from "@harvest-runn/domain";
import type { Exchange } from "@harvest-runn/http";
import { Chunk, Effect, Option, type Schema, Stream } from "effect";
import { RunnClientError } from "../RunnClientError.ts";
import { type Call, type Http, request } from "./Api.ts";
import { decodeEnvelope, decodeRecords, type ListOptions } from "./Decode.ts";

/** Query fields every page request carries. */
export interface PageQuery {
  readonly limit: number;
  readonly cursor?: string;
}

/** What a list endpoint is. */
export interface ListSpec<A, I> {
  readonly path: string;
  readonly resource: string;
  readonly kind?: Runn.EntityKind;
  readonly schema: Schema.Schema<A, I>;
  /** The endpoint's maximum page size. */
  readonly limit: number;
  /** A quick decoder of the common record shape, tried before `schema` (see `FastDecode`). */
  readonly quick?: (raw: unknown) => A | undefined;
}

/** Upper bound on pages per walk: far beyond any real account, it only stops a runaway loop. */
export const maxPages = 100_000;

/** Walks every page of a list endpoint, decoding records as they arrive. */
export const paginate = <A, I>(
  http: Http,
  spec: ListSpec<A, I>,
  send: (query: PageQuery, init: Exchange.SendInit) => ReturnType<Call["send"]>,
  options: ListOptions | undefined,
): Stream.Stream<A, RunnClientError> => {
  const origin = { method: "GET", path: spec.path };
  const page = (state: { cursor: string | undefined; pages: number }) =>
    Effect.gen(function* () {
      const query: PageQuery =
        state.cursor === undefined ? { limit: spec.limit } : { limit: spec.limit, cursor: state.cursor };
      const reply = yield* request(http, {
        method: "GET",
        path: spec.path,
        idempotent: true,
        send: (init) => send(query, init),
      });
      const envelope = yield* decodeEnvelope(origin, reply.body);
      const records = yield* decodeRecords(
        spec.schema,
        spec.resource,
        spec.kind,
        envelope.values,
        options,
        spec.quick,
      );
      const next = envelope.nextCursor;
      if (next !== null && (next === state.cursor || state.pages + 1 >= maxPages)) {
        return yield* new RunnClientError({
          reason: "Decode",
          message: `GET ${spec.path}: pagination did not end (cursor repeated or more than ${maxPages} pages)`,
          method: "GET",
          path: spec.path,
        });
      }
      const nextState = next === null ? Option.none() : Option.some({ cursor: next, pages: state.pages + 1 });
      return [Chunk.fromIterable(records), nextState] as const;
    });
  return Stream.paginateChunkEffect({ cursor: undefined as string | undefined, pages: 0 }, page);
};
