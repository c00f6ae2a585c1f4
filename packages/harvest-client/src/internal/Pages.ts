/**
 * The two ways Harvest lists paginate, as Streams of decoded records: cursor lists follow
 * `links.next` until it is null; `/time_entries` walks page numbers until `next_page` is null and
 * drops ids it has already emitted (pages shift when entries are added during the walk). Both ask
 * for the next page while the current one decodes.
 */
import { Chunk, Effect, Option, Schema, Stream } from "effect";
import * as Errors from "../HarvestClientError.ts";
import * as Decode from "./Decode.ts";
import { followLink, type ListPath, type WireQuery } from "./Query.ts";

/** Fetches one page body of a list endpoint. */
export type GetPage = (path: ListPath, query: WireQuery) => Effect.Effect<string, Errors.HarvestClientError>;

/** What one list needs: where, which envelope key, the record schema and the malformed-record hook. */
export interface ListSpec<A, I> {
  readonly path: ListPath;
  readonly key: string;
  readonly schema: Schema.Schema<A, I>;
  readonly query: WireQuery;
  readonly onMalformed: Decode.OnMalformed;
  /** Upper bound on pages, so a server that never ends the list cannot loop us forever. */
  readonly maxPages: number;
  /** A quick decoder of the common record shape, tried before `schema`. */
  readonly quick?: Decode.Quick<A>;
}

const items = (key: string) => Schema.Array(Schema.Unknown).annotations({ identifier: key });

const cursorEnvelope = (key: string) =>
  Schema.Struct({
    [key]: items(key),
    links: Schema.Struct({ next: Schema.NullOr(Schema.String) }),
  }) as unknown as Schema.Schema<
    { readonly links: { readonly next: string | null } } & Record<string, unknown>
  >;

const pageEnvelope = (key: string) =>
  Schema.Struct({
    [key]: items(key),
    next_page: Schema.NullOr(Schema.Int),
  }) as unknown as Schema.Schema<{ readonly next_page: number | null } & Record<string, unknown>>;

const tooMany = (path: ListPath, max: number) =>
  Errors.decode({ method: "GET", path }, "links.next", `the list did not end within ${max} pages`);

/**
 * The records of a stream of page envelopes, decoded one by one (SPEC R7). The next page is requested
 * while this one decodes: the server builds it meanwhile, so a long list costs about the larger of the
 * two, not their sum. The envelope stream runs at most one page ahead (one page body in memory).
 */
const decodeAhead = <A, I>(
  spec: ListSpec<A, I>,
  envelopes: Stream.Stream<ReadonlyArray<unknown>, Errors.HarvestClientError>,
  keep: (records: Array<A>) => Array<A> = (records) => records,
): Stream.Stream<A, Errors.HarvestClientError> =>
  envelopes.pipe(
    Stream.buffer({ capacity: 1 }),
    Stream.mapEffect((items) => Decode.records(spec.key, spec.schema, items, spec.onMalformed, spec.quick)),
    Stream.mapConcatChunk((records) => Chunk.unsafeFromArray(keep(records))),
  );

/** A cursor-paginated list (users, roles, clients, projects, tasks, user and task assignments). */
export const cursor = <A, I>(
  get: GetPage,
  spec: ListSpec<A, I>,
): Stream.Stream<A, Errors.HarvestClientError> => {
  const info = { method: "GET", path: spec.path };
  const envelope = cursorEnvelope(spec.key);
  const envelopes = Stream.paginateEffect({ query: spec.query, page: 1 }, (state) =>
    Effect.gen(function* () {
      if (state.page > spec.maxPages) return yield* Effect.fail(tooMany(spec.path, spec.maxPages));
      const body = yield* get(spec.path, state.query).pipe(Effect.flatMap((text) => Decode.json(info, text)));
      const page = yield* Decode.whole(info, envelope, body);
      const items = page[spec.key] as ReadonlyArray<unknown>;
      const next = page.links.next;
      if (next === null) return [items, Option.none()] as const;
      const query = followLink(spec.query, next, "https://harvest.invalid/");
      if (query === undefined) {
        return yield* Effect.fail(Errors.decode(info, "links.next", `not a URL: ${next.slice(0, 100)}`));
      }
      if (JSON.stringify(query) === JSON.stringify(state.query)) {
        return yield* Effect.fail(
          Errors.decode(info, "links.next", "the next link repeats the current page"),
        );
      }
      return [items, Option.some({ query, page: state.page + 1 })] as const;
    }),
  );
  return decodeAhead(spec, envelopes);
};

/** The page-number list of time entries; ids already emitted are not emitted again. */
export const numbered = <A extends { readonly id: number }, I>(
  get: GetPage,
  spec: ListSpec<A, I>,
): Stream.Stream<A, Errors.HarvestClientError> => {
  const info = { method: "GET", path: spec.path };
  const envelope = pageEnvelope(spec.key);
  return Stream.suspend(() => {
    const seen = new Set<number>();
    const envelopes = Stream.paginateEffect(1, (page) =>
      Effect.gen(function* () {
        if (page > spec.maxPages) return yield* Effect.fail(tooMany(spec.path, spec.maxPages));
        const query = { ...spec.query, page: String(page) };
        const body = yield* get(spec.path, query).pipe(Effect.flatMap((text) => Decode.json(info, text)));
        const decoded = yield* Decode.whole(info, envelope, body);
        const next = decoded.next_page;
        if (next !== null && next <= page) {
          return yield* Effect.fail(
            Errors.decode(info, "next_page", `page ${page} points back to page ${next}`),
          );
        }
        const items = decoded[spec.key] as ReadonlyArray<unknown>;
        return [items, next === null ? Option.none<number>() : Option.some(next)] as const;
      }),
    );
    return decodeAhead(spec, envelopes, (records) =>
      records.filter((record) => {
        if (seen.has(record.id)) return false;
        seen.add(record.id);
        return true;
      }),
    );
  });
};
