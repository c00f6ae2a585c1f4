/**
 * The status page's routes: the login form (the API key, CSRF-protected with a cookie-bound token), the
 * page itself, and its form posts ("Import from Harvest", "Sync Actuals", "Link", log out), each
 * refused with 403 without the session's CSRF token. Posts answer with a redirect back to the page.
 */
import { ReconcileOptions } from "@harvest-runn/domain";
import { Dispatch } from "@harvest-runn/queue";
import { Sync } from "@harvest-runn/sync";
import { Effect, Exit, type Redacted, Schema } from "effect";
import express, { type Request, type Response, type Router } from "express";
import { matches, sameToken } from "../api/Auth.ts";
import { decode, Id, IntString } from "../api/Decode.ts";
import * as HttpError from "../api/HttpError.ts";
import type { HostRuntime, Services } from "../Runtime.ts";
import { page } from "./Html.ts";
import * as Model from "./Model.ts";
import {
  cookieOf,
  loginCookie,
  newToken,
  type Session,
  type Sessions,
  sessionCookie,
  setCookie,
} from "./Session.ts";
import * as StatusPage from "./StatusPage.ts";

/** Options of the page routes. */
export interface PageOptions {
  readonly apiKey: Redacted.Redacted<string>;
  readonly sessions: Sessions;
  readonly cookieSecure: boolean;
}

const IdParams = Schema.Struct({ id: Id });
const ImportForm = Schema.Struct({ type: ReconcileOptions.EntityType });
const ActualsForm = Schema.Struct({ harvestProjectId: IntString });
const LinkForm = Schema.Struct({
  kind: Schema.Literal("client", "project", "person"),
  runnId: IntString,
  harvestId: IntString,
});

/** The notice after a button: the run started here, or queued for a worker. */
const startedText = (s: Dispatch.Started) =>
  s._tag === "Started"
    ? `started (run ${s.runId})`
    : `queued (job ${s.jobId}; the run appears when a worker starts it)`;

const send = (
  res: Response,
  status: number,
  title: string,
  body: ReturnType<typeof StatusPage.login>,
  refresh = false,
) => {
  res
    .status(status)
    .type("html")
    .send(page(title, body, { refresh }));
};

/** Adds the page routes to the app. */
export const routes = (router: Router, runtime: HostRuntime, options: PageOptions) => {
  const form = express.urlencoded({ extended: false, limit: "16kb" });
  const sessionOf = (req: Request): Session | null =>
    options.sessions.get(cookieOf(req.headers.cookie, sessionCookie));

  const showLogin = (res: Response, status: number, message: string | null) => {
    const csrf = newToken();
    res.setHeader("Set-Cookie", setCookie(loginCookie, csrf, 3600, options.cookieSecure));
    send(res, status, "Sign in · harvest-runn", StatusPage.login(csrf, message));
  };

  const csrfOk = (req: Request, expected: string | undefined) => {
    const given = (req.body as Record<string, unknown> | undefined)?._csrf;
    return typeof given === "string" && expected !== undefined && sameToken(given, expected);
  };

  router.get("/", (req, res, next) => {
    const session = sessionOf(req);
    if (session === null) return showLogin(res, 401, null);
    runtime
      .runPromise(Model.loadAll)
      .then((models) => {
        const notice = session.notice;
        session.notice = null;
        send(
          res,
          200,
          "harvest-runn status",
          StatusPage.render(models, { csrf: session.csrf, notice }),
          StatusPage.busy(models),
        );
      })
      .catch(next);
  });

  router.post("/login", form, (req, res) => {
    if (!csrfOk(req, cookieOf(req.headers.cookie, loginCookie)))
      return res.status(403).type("text").send("Forbidden: missing or wrong CSRF token; reload the page");
    const key = (req.body as Record<string, unknown>).key;
    if (typeof key !== "string" || !matches(options.apiKey, key))
      return showLogin(res, 401, "Wrong API key.");
    const session = options.sessions.create();
    res.setHeader("Set-Cookie", [
      setCookie(sessionCookie, session.id, Math.floor(options.sessions.ttlMs / 1000), options.cookieSecure),
      setCookie(loginCookie, "", 0, options.cookieSecure),
    ]);
    res.redirect(303, "/");
  });

  /** A form post of a logged-in page: session and CSRF token checked, then the action, then back to `/`. */
  const action = (
    run: (req: Request) => Effect.Effect<string, unknown, Services>,
  ): express.RequestHandler[] => [
    form,
    (req, res) => {
      const session = sessionOf(req);
      if (session === null) return res.status(401).type("text").send("Unauthorized: sign in first");
      if (!csrfOk(req, session.csrf))
        return res.status(403).type("text").send("Forbidden: missing or wrong CSRF token; reload the page");
      void runtime.runPromiseExit(Effect.suspend(() => run(req))).then((exit) => {
        if (Exit.isSuccess(exit)) session.notice = exit.value;
        else {
          const { status, body } = HttpError.toResponse(exit.cause);
          if (status === 400) return res.status(400).type("text").send(`Bad request: ${body.error.message}`);
          session.notice = `Not done: ${body.error.message}`;
          if (status === 500) console.error("page action failed with a defect");
        }
        const id = typeof req.params.id === "string" ? `#conn-${encodeURIComponent(req.params.id)}` : "";
        res.redirect(303, `/${id}`);
      });
    },
  ];

  router.post("/logout", form, (req, res) => {
    const session = sessionOf(req);
    if (session !== null && !csrfOk(req, session.csrf))
      return res.status(403).type("text").send("Forbidden: missing or wrong CSRF token; reload the page");
    if (session !== null) options.sessions.delete(session.id);
    res.setHeader("Set-Cookie", setCookie(sessionCookie, "", 0, options.cookieSecure));
    res.redirect(303, "/");
  });

  router.post(
    "/ui/connections/:id/import",
    ...action((req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const { type } = yield* decode(ImportForm, req.body, "form");
        const dispatch = yield* Dispatch.Dispatch;
        const started = yield* dispatch.startRun(id, {
          _tag: "Run",
          scope: { kind: "entities", types: [type] },
        });
        return `Import of ${type} from Harvest ${startedText(started)}.`;
      }),
    ),
  );

  router.post(
    "/ui/connections/:id/sync-actuals",
    ...action((req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const { harvestProjectId } = yield* decode(ActualsForm, req.body, "form");
        const dispatch = yield* Dispatch.Dispatch;
        const started = yield* dispatch.startRun(id, {
          _tag: "Run",
          scope: { kind: "project", harvestProjectId },
        });
        return `Sync Actuals of Harvest project ${harvestProjectId} ${startedText(started)}.`;
      }),
    ),
  );

  router.post(
    "/ui/connections/:id/link",
    ...action((req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const input = yield* decode(LinkForm, req.body, "form");
        const sync = yield* Sync.Sync;
        const item = yield* sync.link(id, input);
        return `Linked: ${item.label}.`;
      }),
    ),
  );
};
