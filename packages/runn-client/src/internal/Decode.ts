/**
 * Decoding of Runn responses into domain records (SPEC R7): a malformed envelope fails with reason
 * `Decode` naming the path; a malformed record is skipped and reported, and when its id and references
 * still decode, its identity is reported too so the sync keeps counting it as linked.
 */
import { Runn, type Skipped } from "@harvest-runn/domain";
import { Effect, Either, ParseResult, Schema } from "effect";
import { RunnClientError } from "../RunnClientError.ts";

/** Callbacks for records a list skips: `onMalformed` defaults to a log warning, `onIdentityOnly` to nothing. */
export interface ListOptions {
  /** Every record that failed to decode, with the path of the field that failed. */
  readonly onMalformed?: (record: Skipped.MalformedRecord) => Effect.Effect<void>;
  /**
   * Of those, each client, project, person or role whose `id` and `references` still decode: count it
   * as linked (SPEC R7). Called after `onMalformed` for the same record.
   */
  readonly onIdentityOnly?: (record: Runn.IdentityOnly) => Effect.Effect<void>;
}

/** Where a response came from, for error messages. */
export interface Origin {
  readonly method: string;
  readonly path: string;
}

const Envelope = Schema.Struct({
  values: Schema.Array(Schema.Unknown),
  nextCursor: Schema.NullOr(Schema.String),
});

const Identity = Schema.Struct({
  id: Schema.Int.pipe(Schema.nonNegative()),
  references: Schema.Array(Runn.Reference),
});

/** The first failing path and message of a parse error. */
export const firstIssue = (error: ParseResult.ParseError): { path: string; message: string } => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0];
  const path = issue === undefined || issue.path.length === 0 ? "(root)" : issue.path.map(String).join(".");
  return { path, message: issue?.message ?? error.message };
};

const decodeError = (origin: Origin, what: string, error: ParseResult.ParseError) => {
  const { path, message } = firstIssue(error);
  return new RunnClientError({
    reason: "Decode",
    message: `${origin.method} ${origin.path}: ${what} does not match the expected shape at ${path}: ${message}`,
    method: origin.method,
    path: origin.path,
  });
};

/** One page: `{values, nextCursor}`; anything else fails the list. */
export const decodeEnvelope = (
  origin: Origin,
  body: unknown,
): Effect.Effect<typeof Envelope.Type, RunnClientError> =>
  Schema.decodeUnknown(Envelope)(body).pipe(
    Effect.mapError((error) => decodeError(origin, "response envelope", error)),
  );

/** A bare JSON array (bulk endpoints); anything else fails the call. */
export const decodeArray = (
  origin: Origin,
  body: unknown,
): Effect.Effect<ReadonlyArray<unknown>, RunnClientError> =>
  Schema.decodeUnknown(Schema.Array(Schema.Unknown))(body).pipe(
    Effect.mapError((error) => decodeError(origin, "response", error)),
  );

/** A single record (get, create, patch); a failure names the path. */
export const decodeOne = <A, I>(
  schema: Schema.Schema<A, I>,
  origin: Origin,
  body: unknown,
): Effect.Effect<A, RunnClientError> =>
  Schema.decodeUnknown(schema)(body).pipe(Effect.mapError((error) => decodeError(origin, "response", error)));

/** The id and references of a record whose other fields may be bad. */
export const decodeIdentity = (origin: Origin, body: unknown) => decodeOne(Identity, origin, body);

const readableId = (raw: unknown): number | string | null => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "number" || typeof id === "string" ? id : null;
};

const warnMalformed = (record: Skipped.MalformedRecord) =>
  Effect.logWarning("skipped a malformed Runn record").pipe(
    Effect.annotateLogs({ resource: record.resource, id: String(record.id), path: record.path }),
  );

/**
 * Decodes the records of one page, skipping and reporting those that fail; `quick`, when given, decodes
 * the common record shape first (see `FastDecode`).
 */
export const decodeRecords = <A, I>(
  schema: Schema.Schema<A, I>,
  resource: string,
  kind: Runn.EntityKind | undefined,
  values: ReadonlyArray<unknown>,
  options: ListOptions | undefined,
  quick?: (raw: unknown) => A | undefined,
): Effect.Effect<ReadonlyArray<A>> =>
  Effect.gen(function* () {
    const decode = Schema.decodeUnknownEither(schema);
    const out: Array<A> = [];
    for (const raw of values) {
      const fast = quick?.(raw);
      if (fast !== undefined) {
        out.push(fast);
        continue;
      }
      const result = decode(raw);
      if (Either.isRight(result)) {
        out.push(result.right);
        continue;
      }
      const { path, message } = firstIssue(result.left);
      const malformed: Skipped.MalformedRecord = {
        source: "runn",
        resource,
        id: readableId(raw),
        path,
        message,
      };
      yield* (options?.onMalformed ?? warnMalformed)(malformed);
      if (kind === undefined) continue;
      const identity = Schema.decodeUnknownEither(Identity)(raw);
      if (Either.isRight(identity) && options?.onIdentityOnly !== undefined) {
        yield* options.onIdentityOnly({ kind, ...identity.right, error: `${path}: ${message}` });
      }
    }
    return out;
  });
