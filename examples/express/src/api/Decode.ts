/**
 * Decoding request input with Schema: a body, query or path parameter that does not decode becomes a
 * 400 naming the first field that failed. Values of secret fields are never echoed back.
 */
import { Effect, ParseResult, Schema } from "effect";
import * as HttpError from "./HttpError.ts";

/** Where the input came from (`body`, `body.settings`, `query`, `params`, `form`); prefixes the field name. */
export type Source = string;

const secret = /token|key|password|secret/i;

const firstIssue = (error: ParseResult.ParseError, source: Source): HttpError.HttpError => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0];
  const path = issue ? issue.path.map(String).join(".") : "";
  const field = path === "" ? source : `${source}.${path}`;
  const message =
    issue === undefined ? "invalid input" : secret.test(path) ? "must be a non-empty string" : issue.message;
  return HttpError.make("BadRequest", `${field}: ${message}`, field);
};

/** How deeply objects and arrays may nest in any input (no field of ours nests more than a few levels). */
export const maxDepth = 32;

/**
 * The path of the first value nested deeper than `maxDepth`, or null. Walks with its own stack, so a
 * body nested thousands of levels deep is refused instead of overflowing the call stack.
 */
export const tooDeep = (input: unknown): ReadonlyArray<string> | null => {
  const stack: Array<{ value: unknown; path: ReadonlyArray<string> }> = [{ value: input, path: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value !== "object" || value === null) continue;
    if (path.length >= maxDepth) return path;
    for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return null;
};

/** Decodes unknown input; bodies refuse unknown properties, query and path parameters ignore them. */
export const decode = <A, I>(
  schema: Schema.Schema<A, I, never>,
  input: unknown,
  source: Source,
): Effect.Effect<A, HttpError.HttpError> => {
  const deep = tooDeep(input);
  if (deep !== null) {
    const field = [source, ...deep.slice(0, 1)].join(".");
    return Effect.fail(
      HttpError.make("BadRequest", `${field}: nested more than ${maxDepth} levels deep`, field),
    );
  }
  return Schema.decodeUnknown(schema, {
    errors: "first",
    onExcessProperty: source.startsWith("body") ? "error" : "ignore",
  })(input ?? {}).pipe(Effect.mapError((e) => firstIssue(e, source)));
};

/** A decimal integer in a path or query string. */
export const IntString = Schema.NumberFromString.pipe(Schema.int(), Schema.positive());

/** A path segment id (connection, run): letters, digits, `_`, `-`, `.`, 1–128 characters. */
export const Id = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_.-]{1,128}$/));

/** A non-empty secret string kept `Redacted` from the moment it is decoded. */
export const Secret = Schema.Redacted(Schema.NonEmptyTrimmedString);
