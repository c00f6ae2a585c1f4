/**
 * Bridges Effect handlers to Express: each request runs one effect on the host's single runtime; a
 * success is encoded with the response's Schema, a failure goes through `HttpError.toResponse`.
 */
import { Cause, Effect, Exit, Schema } from "effect";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { HostRuntime, Services } from "../Runtime.ts";
import * as HttpError from "./HttpError.ts";

/** What a JSON handler answers. */
export interface Reply {
  readonly status: number;
  /** Already encoded JSON (use `encoded`); absent for 204. */
  readonly body?: unknown;
}

/** A JSON handler: the request in, a reply or a failure out. */
export type JsonHandler = (req: Request) => Effect.Effect<Reply, unknown, Services>;

/** A reply whose body is encoded with `schema` (drops anything the schema does not name). */
export const encoded = <A, I>(status: number, schema: Schema.Schema<A, I, never>, value: A): Reply => ({
  status,
  body: Schema.encodeSync(schema)(value),
});

/** Sends a failure as the host answers it, logging defects without their details reaching the client. */
export const sendFailure = (res: Response, cause: Parameters<typeof HttpError.toResponse>[0]) => {
  const { status, body } = HttpError.toResponse(cause);
  // Tokens are Redacted everywhere below the host, so the cause prints without them.
  if (status === 500) console.error("request failed with a defect:", Cause.pretty(cause));
  const retry = HttpError.retryAfter(cause);
  if (retry !== null && (status === 409 || status === 503)) res.setHeader("Retry-After", String(retry));
  res.status(status).json(body);
};

/** Runs a JSON handler on the runtime. */
export const json =
  (runtime: HostRuntime, handler: JsonHandler): RequestHandler =>
  (req: Request, res: Response, next: NextFunction) => {
    runtime
      .runPromiseExit(Effect.suspend(() => handler(req)))
      .then((exit) => {
        if (Exit.isSuccess(exit)) {
          const reply = exit.value;
          if (reply.body === undefined) res.status(reply.status).end();
          else res.status(reply.status).json(reply.body);
        } else sendFailure(res, exit.cause);
      })
      .catch(next);
  };
