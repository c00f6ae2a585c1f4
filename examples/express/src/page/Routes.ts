/**
 * The pages' routes. Reads (`GET`) render from the store only; form posts check the session and its
 * CSRF token, do one thing, leave a notice in the session and redirect (303) to the page that shows
 * the result, a run's own page for every button that starts one. `/ui/connections/:id/live` is the small
 * status endpoint the page script polls.
 */
import { type Output, Sync } from "@harvest-runn/sync";
import { Effect, Exit, Option, type Redacted, Schema } from "effect";
import express, { type Request, type Response, type Router } from "express";
import { matches } from "../api/Auth.ts";
import { decode, Id, IntString } from "../api/Decode.ts";
import * as HttpError from "../api/HttpError.ts";
import type { HostRuntime, Services } from "../Runtime.ts";
import * as Actions from "./Actions.ts";
import * as Assets from "./Assets.ts";
import * as Connect from "./Connect.ts";
import * as ConnectionPage from "./ConnectionPage.ts";
import * as ConnectPage from "./ConnectPage.ts";
import { csrfOk, type FailureLimit, failedKeyLimit, forbidden, send } from "./Guard.ts";
import type { Safe, Shell } from "./Html.ts";
import { seg } from "./Html.ts";
import * as Model from "./Model.ts";
import * as RunPage from "./RunPage.ts";
import * as RunsPage from "./RunsPage.ts";
import * as Session from "./Session.ts";

/** Options of the page routes. */
export interface PageOptions {
  readonly apiKey: Redacted.Redacted<string>;
  readonly cookieSecure: boolean;
  readonly failedKeys?: FailureLimit;
}

const IdParams = Schema.Struct({ id: Id });
const RunParams = Schema.Struct({ id: Id, runId: Id });
const RunsQuery = Schema.Struct({ before: Schema.optional(IntString) });

/** A rendered page: its shell and body. */
interface View {
  readonly status?: number;
  readonly shell: Omit<Shell, "csrf" | "notice">;
  readonly body: (csrf: string) => Safe;
}

/** What the live script needs: where to poll, and the latest run as this page shows it. */
const liveOf = (id: string, status: Output.Status) => {
  const last = Model.liveOf(status);
  return {
    url: `/ui/connections/${seg(id)}/live`,
    busy: last.running || last.runStatus === "running" || last.runStatus === "queued",
    runId: last.runId,
    runStatus: last.runStatus,
  };
};

/** Adds the page routes to the app. */
export const routes = (router: Router, runtime: HostRuntime, options: PageOptions) => {
  const form = express.urlencoded({ extended: false, limit: "64kb" });
  const limit = failedKeyLimit(options.failedKeys, false);

  router.get("/assets/app.css", (_req, res) => {
    res.type("css").setHeader("Cache-Control", "public, max-age=300").send(Assets.css);
  });
  router.get("/assets/live.js", (_req, res) => {
    res.type("js").setHeader("Cache-Control", "public, max-age=300").send(Assets.js);
  });

  const showSignIn = (res: Response, status: number, message: string | null) => {
    const csrf = Session.newToken();
    res.setHeader("Set-Cookie", Session.setCookie(Session.loginCookie, csrf, 3600, options.cookieSecure));
    send(res, status, { title: "Sign in · harvest-runn" }, ConnectPage.signIn(csrf, message));
  };

  const failed = (res: Response, cause: Parameters<typeof HttpError.toResponse>[0]) => {
    const { status, body } = HttpError.toResponse(cause);
    if (status === 500) console.error("page failed with a defect");
    res
      .status(status)
      .type("text")
      .send(status === 404 ? `Not found: ${body.error.message}` : `Failed: ${body.error.message}`);
  };

  /** A page behind the session: renders `view`, showing (and clearing) the session's notice. */
  const page =
    (view: (req: Request) => Effect.Effect<View, unknown, Services>) => (req: Request, res: Response) => {
      void runtime
        .runPromiseExit(
          Effect.gen(function* () {
            const session = yield* Session.load(req.headers.cookie);
            if (Option.isNone(session)) return null;
            const v = yield* Effect.suspend(() => view(req));
            if (session.value.notice !== null) yield* Session.notify(session.value.key, null);
            return { session: session.value, view: v };
          }),
        )
        .then((exit) => {
          if (Exit.isFailure(exit)) return failed(res, exit.cause);
          if (exit.value === null) return showSignIn(res, 401, null);
          const { session, view: v } = exit.value;
          send(
            res,
            v.status ?? 200,
            { ...v.shell, csrf: session.csrf, notice: session.notice },
            v.body(session.csrf),
          );
        });
    };

  const crumbsFor = (status: { connection: { id: string; name: string } }) => [
    { label: "Connections", href: "/" },
    { label: status.connection.name, href: `/ui/connections/${seg(status.connection.id)}` },
  ];

  router.get(
    "/",
    page(() =>
      Effect.gen(function* () {
        const sync = yield* Sync.Sync;
        const all = yield* sync.connections;
        const list = yield* Effect.forEach(all, (c) => sync.status(c.id), { concurrency: 4 });
        return {
          shell: { title: "Connections · harvest-runn", crumbs: [{ label: "Connections", href: "/" }] },
          body: (csrf: string) => Connect.home(list, csrf),
        };
      }),
    ),
  );

  router.get(
    "/ui/connect",
    page(() =>
      Effect.succeed({
        shell: {
          title: "Connect · harvest-runn",
          crumbs: [
            { label: "Connections", href: "/" },
            { label: "Connect", href: "/ui/connect" },
          ],
        },
        body: (csrf: string) => ConnectPage.connect(csrf, ConnectPage.emptyValues, null, true),
      }),
    ),
  );

  router.get(
    "/ui/connections/:id",
    page((req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const m = yield* Model.connection(id);
        return {
          shell: {
            title: `${m.status.connection.name} · harvest-runn`,
            crumbs: crumbsFor(m.status),
            live: liveOf(id, m.status),
          },
          body: (csrf: string) => ConnectionPage.render(m, csrf, Model.statusLine(m.status)),
        };
      }),
    ),
  );

  router.get(
    "/ui/connections/:id/runs",
    page((req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const { before } = yield* decode(RunsQuery, req.query, "query");
        const m = yield* Model.runs(id, before);
        return {
          shell: {
            title: `Runs · ${m.status.connection.name}`,
            crumbs: [...crumbsFor(m.status), { label: "Runs", href: `/ui/connections/${seg(id)}/runs` }],
            live: liveOf(id, m.status),
          },
          body: () => RunsPage.render(m, before, Model.statusLine(m.status)),
        };
      }),
    ),
  );

  router.get(
    "/ui/connections/:id/runs/:runId",
    page((req) =>
      Effect.gen(function* () {
        const { id, runId } = yield* decode(RunParams, req.params, "params");
        const m = yield* Model.run(id, runId);
        const runs = `/ui/connections/${seg(id)}/runs`;
        return {
          shell: {
            title: `Run · ${m.status.connection.name}`,
            crumbs: [
              ...crumbsFor(m.status),
              { label: "Runs", href: runs },
              { label: "This run", href: `${runs}/${seg(runId)}` },
            ],
            live: liveOf(id, m.status),
          },
          body: (csrf: string) => RunPage.render(m, csrf, Model.statusLine(m.status)),
        };
      }),
    ),
  );

  router.get("/ui/connections/:id/live", (req, res) => {
    void runtime
      .runPromiseExit(
        Effect.gen(function* () {
          const session = yield* Session.load(req.headers.cookie);
          if (Option.isNone(session)) return null;
          const { id } = yield* decode(IdParams, req.params, "params");
          return yield* Model.live(id);
        }),
      )
      .then((exit) => {
        if (Exit.isFailure(exit)) return failed(res, exit.cause);
        if (exit.value === null)
          return res.status(401).json({ error: { reason: "Unauthorized", message: "sign in first" } });
        res.json(exit.value);
      });
  });

  router.post("/login", limit, form, (req, res) => {
    if (!csrfOk(req, Session.cookieOf(req.headers.cookie, Session.loginCookie))) return forbidden(res);
    const key = (req.body as Record<string, unknown>).key;
    if (typeof key !== "string" || !matches(options.apiKey, key))
      return showSignIn(res, 401, "Wrong API key.");
    void runtime.runPromiseExit(Session.open).then((exit) => {
      if (Exit.isFailure(exit)) return failed(res, exit.cause);
      res.setHeader("Set-Cookie", [
        Session.setCookie(Session.sessionCookie, exit.value, Session.sessionTtlSeconds, options.cookieSecure),
        Session.setCookie(Session.loginCookie, "", 0, options.cookieSecure),
      ]);
      res.redirect(303, "/");
    });
  });

  router.post("/logout", form, (req, res) => {
    void runtime
      .runPromiseExit(
        Effect.gen(function* () {
          const session = yield* Session.load(req.headers.cookie);
          if (Option.isNone(session)) return true;
          if (!csrfOk(req, session.value.csrf)) return false;
          yield* Session.close(session.value.key);
          return true;
        }),
      )
      .then((exit) => {
        if (Exit.isFailure(exit)) return failed(res, exit.cause);
        if (!exit.value) return forbidden(res);
        res.setHeader("Set-Cookie", Session.setCookie(Session.sessionCookie, "", 0, options.cookieSecure));
        res.redirect(303, "/");
      });
  });

  Connect.routes(router, runtime, form, failed);
  Actions.routes(router, runtime, form, failed);
};
