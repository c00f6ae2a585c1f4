/**
 * The two ways Harvest lists paginate, as Streams of decoded records: cursor lists follow
 * `links.next` until it is null; `/time_entries` walks page numbers until `next_page` is null and
 * drops ids it has already emitted (pages shift when entries are added during the walk).
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

/** A cursor-paginated list (users, roles, clients, projects, tasks, user and task assignments). */
export const cursor = <A, I>(
  get: GetPage,
  spec: ListSpec<A, I>,
): Stream.Stream<A, Errors.HarvestClientError> => {
  const info = { method: "GET", path: spec.path };
  const envelope = cursorEnvelope(spec.key);
  return Stream.paginateChunkEffect({ query: spec.query, page: 1 }, (state) =>
    Effect.gen(function* () {
      if (state.page > spec.maxPages) return yield* Effect.fail(tooMany(spec.path, spec.maxPages));
      const body = yield* get(spec.path, state.query).pipe(Effect.flatMap((text) => Decode.json(info, text)));
      const page = yield* Decode.whole(info, envelope, body);
      const records = yield* Decode.records(
        spec.key,
        spec.schema,
        page[spec.key] as ReadonlyArray<unknown>,
        spec.onMalformed,
      );
      const next = page.links.next;
      if (next === null) return [Chunk.fromIterable(records), Option.none()] as const;
      const query = followLink(spec.query, next, "https://harvest.invalid/");
      if (query === undefined) {
        return yield* Effect.fail(Errors.decode(info, "links.next", `not a URL: ${next.slice(0, 100)}`));
      }
      if (JSON.stringify(query) === JSON.stringify(state.query)) {
        return yield* Effect.fail(
          Errors.decode(info, "links.next", "the next link repeats the current page"),
        );
      }
      return [Chunk.fromIterable(records), Option.some({ query, page: state.page + 1 })] as const;
    }),
  );
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
    return Stream.paginateChunkEffect(1, (page) =>
      Effect.gen(function* () {
        if (page > spec.maxPages) return yield* Effect.fail(tooMany(spec.path, spec.maxPages));
        const query = { ...spec.query, page: String(page) };
        const body = yield* get(spec.path, query).pipe(Effect.flatMap((text) => Decode.json(info, text)));
        const decoded = yield* Decode.whole(info, envelope, body);
        const records = yield* Decode.records(
          spec.key,
          spec.schema,
          decoded[spec.key] as ReadonlyArray<unknown>,
          spec.onMalformed,
        );
        const fresh = records.filter((record) => {
          if (seen.has(record.id)) return false;
          seen.add(record.id);
          return true;
        });
        const next = decoded.next_page;
        if (next !== null && next <= page) {
          return yield* Effect.fail(
            Errors.decode(info, "next_page", `page ${page} points back to page ${next}`),
          );
        }
        return [
          Chunk.fromIterable(fresh),
          next === null ? Option.none<number>() : Option.some(next),
        ] as const;
      }),
    );
  });
};
