/**
 * The Express app over the host's runtime: `/health` (public), the status page and its login, and the
 * JSON API behind the bearer key. Kept apart from `main.ts` so tests start it on port 0.
 *
 * @example
 * const runtime = Runtime.make(config);
 * const app = createApp(runtime, { apiKey: config.apiKey });
 * app.listen(3000, "127.0.0.1");
 */
import type { Redacted } from "effect";
import express, { type ErrorRequestHandler, type Express } from "express";
import helmet from "helmet";
import { requireKey } from "./api/Auth.ts";
import * as Connections from "./api/Connections.ts";
import * as Links from "./api/Links.ts";
import * as Runs from "./api/Runs.ts";
import { type FailureLimit, failedKeyLimit } from "./page/Guard.ts";
import * as PageRoutes from "./page/Routes.ts";
import type { HostRuntime } from "./Runtime.ts";

/** Options of `createApp`. */
export interface AppOptions {
  /** The API key (`HARVEST_RUNN_API_KEY`). */
  readonly apiKey: Redacted.Redacted<string>;
  /** Add `Secure` to cookies (serve behind HTTPS). Default false. */
  readonly cookieSecure?: boolean;
  /** How many wrong keys (sign-in or bearer) a client may send before it gets 429 (default 10 per 15 minutes). */
  readonly failedKeys?: FailureLimit;
}

/**
 * Turns body-parser failures into a 400 naming the body, a path Express cannot percent-decode into a
 * 400 naming the path, and anything else into a bare 500.
 */
const errors: ErrorRequestHandler = (err, _req, res, _next) => {
  const status = typeof err?.status === "number" && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 500) console.error("request failed:", err instanceof Error ? err.name : "unknown error");
  const path = err instanceof URIError;
  res.status(status).json({
    error:
      status === 500
        ? { _tag: "InternalError", reason: "Internal", message: "internal error" }
        : {
            _tag: "HttpError",
            reason: "BadRequest",
            message: path
              ? "path: not valid percent-encoding"
              : status === 413
                ? "body: too large"
                : "body: cannot be parsed (send JSON)",
            field: path ? "path" : "body",
          },
  });
};

/** Builds the app; it owns no resources (the runtime is disposed by its creator). */
export const createApp = (runtime: HostRuntime, options: AppOptions): Express => {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          styleSrc: ["'self'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
        },
      },
      frameguard: { action: "deny" },
      referrerPolicy: { policy: "no-referrer" },
      strictTransportSecurity: options.cookieSecure === true,
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });

  const pages = express.Router();
  PageRoutes.routes(pages, runtime, {
    apiKey: options.apiKey,
    cookieSecure: options.cookieSecure ?? false,
    ...(options.failedKeys === undefined ? {} : { failedKeys: options.failedKeys }),
  });
  app.use(pages);

  const api = express.Router();
  api.use(failedKeyLimit(options.failedKeys, true));
  api.use(requireKey(options.apiKey));
  api.use(express.json({ limit: "1mb" }));
  Connections.routes(api, runtime);
  Runs.routes(api, runtime);
  Links.routes(api, runtime);
  api.use((req, res) => {
    res.status(404).json({
      error: { _tag: "HttpError", reason: "NotFound", message: `no route ${req.method} ${req.path}` },
    });
  });
  app.use(api);
  app.use(errors);
  return app;
};
