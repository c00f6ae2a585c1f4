/**
 * The home page and the connect form's post: every connection with its state, or the connect form
 * when there is none; connecting runs the checks of `connect` and `doctor` and says each in words, or
 * shows the form again (without the tokens) with the refusal.
 */
import { type Output, Sync } from "@harvest-runn/sync";
import { Effect, Exit, Option, Redacted, Schema } from "effect";
import type { RequestHandler, Response, Router } from "express";
import { decode } from "../api/Decode.ts";
import type * as HttpError from "../api/HttpError.ts";
import type { HostRuntime } from "../Runtime.ts";
import { checksText } from "./Actions.ts";
import * as ConnectPage from "./ConnectPage.ts";
import { statusBadge, when } from "./Format.ts";
import { csrfOk, forbidden, send } from "./Guard.ts";
import { html, type Safe, seg } from "./Html.ts";
import { statusLine } from "./Model.ts";
import * as Session from "./Session.ts";

/** The home page: every connection with its state, or the connect form when there is none. */
export const home = (list: ReadonlyArray<Output.Status>, csrf: string): Safe =>
  list.length === 0
    ? ConnectPage.connect(csrf, ConnectPage.emptyValues, null, false)
    : html`<h1>Connections</h1>${list.map(
        (
          s,
        ) => html`<section class="card"><h2><a href="/ui/connections/${seg(s.connection.id)}">${s.connection.name}</a></h2>
        <p class="meta">${statusLine(s)} ${s.lastRun ? statusBadge(s.lastRun.status) : ""}</p>
        <p class="meta">Clients ${when(s.lastSuccess.clients)} · People ${when(s.lastSuccess.people)} · Actuals ${when(s.lastSuccess.actuals)}</p></section>`,
      )}<p><a href="/ui/connect">Connect another Harvest account</a></p>`;

const ConnectForm = Schema.Struct({
  name: Schema.String,
  harvestToken: Schema.String,
  accountId: Schema.String,
  userAgent: Schema.String,
  runnToken: Schema.String,
  region: Schema.String,
  runnBaseUrl: Schema.optionalWith(Schema.String, { default: () => "" }),
});

const connectionUrl = (id: string) => `/ui/connections/${seg(id)}`;

/** Adds the connect form's post to the app. */
export const routes = (
  router: Router,
  runtime: HostRuntime,
  form: RequestHandler,
  failed: (res: Response, cause: Parameters<typeof HttpError.toResponse>[0]) => void,
) => {
  router.post("/ui/connect", form, (req, res) => {
    void runtime
      .runPromiseExit(
        Effect.gen(function* () {
          const session = yield* Session.load(req.headers.cookie);
          if (Option.isNone(session)) return { _tag: "SignIn" } as const;
          if (!csrfOk(req, session.value.csrf)) return { _tag: "Forbidden" } as const;
          const f = yield* decode(ConnectForm, req.body, "form");
          const values: ConnectPage.ConnectValues = {
            name: f.name,
            accountId: f.accountId,
            userAgent: f.userAgent,
            region: f.region,
            runnBaseUrl: f.runnBaseUrl,
          };
          const region = ConnectPage.regions.find((r) => r.id === f.region) ?? ConnectPage.regions[0];
          const sync = yield* Sync.Sync;
          const accountId = Number(f.accountId.trim());
          const result = yield* Effect.either(
            Number.isSafeInteger(accountId) && accountId > 0
              ? sync.connect({
                  name: f.name,
                  harvest: {
                    accountId,
                    userAgent: f.userAgent.trim(),
                    token: Redacted.make(f.harvestToken.trim()),
                  },
                  runn: {
                    baseUrl: f.runnBaseUrl.trim() || region.url,
                    token: Redacted.make(f.runnToken.trim()),
                  },
                  settings: { switches: { actuals: true } },
                })
              : Effect.fail({ message: "the Harvest account id is a number, e.g. 123456" }),
          );
          if (result._tag === "Left")
            return {
              _tag: "Refused",
              csrf: session.value.csrf,
              values,
              message: result.left.message,
            } as const;
          const id = result.right.connection.id;
          const checks = yield* sync.doctor(id).pipe(Effect.orElseSucceed(() => []));
          yield* Session.notify(
            session.value.key,
            [
              `Connected ${result.right.connection.name}. Both sides were checked:`,
              ...checksText(checks),
              ...result.right.warnings.map((w) => `! ${w}`),
              "Choose what to sync below, then Save and run.",
            ].join("\n"),
          );
          return { _tag: "Connected", id } as const;
        }),
      )
      .then((exit) => {
        if (Exit.isFailure(exit)) return failed(res, exit.cause);
        const r = exit.value;
        if (r._tag === "SignIn") return res.status(401).type("text").send("Unauthorized: sign in first");
        if (r._tag === "Forbidden") return forbidden(res);
        if (r._tag === "Refused")
          return send(
            res,
            422,
            { title: "Connect · harvest-runn", csrf: r.csrf, crumbs: [{ label: "Connections", href: "/" }] },
            ConnectPage.connect(r.csrf, r.values, r.message, true),
          );
        res.redirect(303, connectionUrl(r.id));
      });
  });
};
