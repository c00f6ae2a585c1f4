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

/** Decodes unknown input; bodies refuse unknown properties, query and path parameters ignore them. */
export const decode = <A, I>(
  schema: Schema.Schema<A, I, never>,
  input: unknown,
  source: Source,
): Effect.Effect<A, HttpError.HttpError> =>
  Schema.decodeUnknown(schema, {
    errors: "first",
    onExcessProperty: source.startsWith("body") ? "error" : "ignore",
  })(input ?? {}).pipe(Effect.mapError((e) => firstIssue(e, source)));

/** A decimal integer in a path or query string. */
export const IntString = Schema.NumberFromString.pipe(Schema.int(), Schema.positive());

/** A path segment id (connection, run): letters, digits, `_`, `-`, `.`, 1–128 characters. */
export const Id = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_.-]{1,128}$/));

/** A non-empty secret string kept `Redacted` from the moment it is decoded. */
export const Secret = Schema.Redacted(Schema.NonEmptyTrimmedString);
