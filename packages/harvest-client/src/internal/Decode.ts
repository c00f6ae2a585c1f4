/**
 * Turning Harvest response bodies into domain records: a body that is not JSON or an envelope of
 * the wrong shape fails with `Decode` naming the path; a single record that does not decode is
 * skipped and reported (SPEC R7), so one bad row never stops a sync.
 */
import type { Skipped } from "@harvest-runn/domain";
import { Effect, Either, ParseResult, Schema } from "effect";
import * as Errors from "../HarvestClientError.ts";

/** Called with each record that failed to decode; the default logs a warning. */
export type OnMalformed = (record: Skipped.MalformedRecord) => Effect.Effect<void>;

/** The default `onMalformed`: a structured warning (no record contents, only its id and path). */
export const logMalformed: OnMalformed = (record) =>
  Effect.logWarning("skipped a malformed Harvest record").pipe(
    Effect.annotateLogs({
      resource: record.resource,
      id: String(record.id),
      path: record.path,
      issue: record.message,
    }),
  );

/** The first issue of a parse error as a dotted path (`client.id`) and a message. */
export const firstIssue = (
  error: ParseResult.ParseError,
): { readonly path: string; readonly message: string } => {
  const [issue] = ParseResult.ArrayFormatter.formatErrorSync(error);
  if (issue === undefined) return { path: "(root)", message: error.message };
  const path = issue.path.map((key) => String(key)).join(".");
  return { path: path === "" ? "(root)" : path, message: issue.message };
};

/** Parses a body as JSON, failing with `Decode` when it is not. */
export const json = (
  info: Errors.RequestInfo,
  body: string,
): Effect.Effect<unknown, Errors.HarvestClientError> =>
  Effect.try({
    try: () => JSON.parse(body) as unknown,
    catch: () => Errors.decode(info, "(body)", "the body is not JSON"),
  });

/** Decodes a whole body with `schema`, failing with `Decode` naming the first failing path. */
export const whole = <A, I>(
  info: Errors.RequestInfo,
  schema: Schema.Schema<A, I>,
  body: unknown,
): Effect.Effect<A, Errors.HarvestClientError> =>
  Schema.decodeUnknown(schema)(body).pipe(
    Effect.mapError((error) => {
      const { path, message } = firstIssue(error);
      return Errors.decode(info, path, message);
    }),
  );

const idOf = (item: unknown): number | string | null => {
  if (item !== null && typeof item === "object" && "id" in item) {
    const id = (item as { id: unknown }).id;
    if (typeof id === "number" || typeof id === "string") return id;
  }
  return null;
};

/**
 * A quick decoder of a list's common record shape: the record as `schema` decodes it, or `undefined`
 * to decode it with `schema` (see `FastDecode`).
 */
export type Quick<A> = (item: unknown) => A | undefined;

/**
 * Decodes each item on its own (with `quick` first when given); the ones that fail are passed to
 * `onMalformed` and dropped.
 */
export const records = <A, I>(
  resource: string,
  schema: Schema.Schema<A, I>,
  items: ReadonlyArray<unknown>,
  onMalformed: OnMalformed,
  quick?: Quick<A>,
): Effect.Effect<Array<A>> => {
  const decode = Schema.decodeUnknownEither(schema);
  return Effect.gen(function* () {
    const out: Array<A> = [];
    for (const item of items) {
      const fast = quick?.(item);
      if (fast !== undefined) {
        out.push(fast);
        continue;
      }
      const result = decode(item);
      if (Either.isRight(result)) {
        out.push(result.right);
        continue;
      }
      const { path, message } = firstIssue(result.left);
      yield* onMalformed({ source: "harvest", resource, id: idOf(item), path, message });
    }
    return out;
  });
};
