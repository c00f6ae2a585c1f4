/**
 * The pages' form posts (connecting is in `Connect`): save settings (and run), import one type, sync
 * one project's actuals, link or ignore a possible duplicate, undo a run (or preview it), check the
 * connection. Each leaves a notice in words and redirects (303) to the page that shows the result: a
 * started run's own page.
 */
import type { ReconcileOptions } from "@harvest-runn/domain";
import { Dispatch } from "@harvest-runn/queue";
import { type Output, Sync } from "@harvest-runn/sync";
import { Effect, Exit, Option, Schema } from "effect";
import type { Request, RequestHandler, Response, Router } from "express";
import { decode, Id, IntString } from "../api/Decode.ts";
import * as HttpError from "../api/HttpError.ts";
import type { HostRuntime, Services } from "../Runtime.ts";
import { type SwitchKey, switchRows } from "./ConnectionPage.ts";
import { csrfOk, forbidden } from "./Guard.ts";
import { seg } from "./Html.ts";
import * as Session from "./Session.ts";

const IdParams = Schema.Struct({ id: Id });
const RunParams = Schema.Struct({ id: Id, runId: Id });
const Kind = Schema.Literal("client", "project", "person");
const BackToRun = { runId: Schema.optional(Id) };
const ImportForm = Schema.Struct({ type: Schema.Literal(...switchRows.map((r) => r.key)) });
const ActualsForm = Schema.Struct({ harvestProjectId: IntString });
const LinkForm = Schema.Struct({ kind: Kind, runnId: IntString, harvestId: IntString, ...BackToRun });
const IgnoreForm = Schema.Struct({ kind: Kind, harvestId: IntString, ...BackToRun });
const UndoForm = Schema.Struct({ dryRun: Schema.Literal("true", "false") });
const on = Schema.optional(Schema.Literal("on"));
const SettingsForm = Schema.Struct({
  after: Schema.Literal("save", "run"),
  "switch-clientsAndProjects": on,
  "switch-people": on,
  "switch-actuals": on,
  "schedule-enabled": on,
  timeOfDay: Schema.String,
  timeZone: Schema.String,
  onPossibleDuplicate: Schema.Literal("hold", "create", "link"),
  onRemovedTime: Schema.Literal("delete", "zero"),
  windowDays: IntString,
  protectManualEdits: on,
  approvedOnly: on,
  roleMapping: Schema.optionalWith(Schema.String, { default: () => "" }),
});
/** Where an action sends the browser, and what the notice says there. */
interface Outcome {
  readonly to: string;
  readonly notice: string;
}

const connectionUrl = (id: string) => `/ui/connections/${seg(id)}`;
const runUrl = (id: string, runId: string) => `${connectionUrl(id)}/runs/${seg(runId)}`;

/** Starts a run from a button (or queues it); leads to its page either way. */
const startRun = (id: string, types: ReadonlyArray<ReconcileOptions.EntityType> | null, what: string) =>
  Effect.gen(function* () {
    const dispatch = yield* Dispatch.Dispatch;
    const started = yield* dispatch.startRun(id, {
      _tag: "Run",
      trigger: "page",
      ...(types === null ? {} : { scope: { kind: "entities" as const, types } }),
    });
    return {
      to: runUrl(id, started.runId),
      notice: started._tag === "Started" ? `${what} started.` : `${what} is queued; a worker starts it soon.`,
    };
  });

const typesOf = (key: SwitchKey): ReadonlyArray<ReconcileOptions.EntityType> =>
  switchRows.find((r) => r.key === key)?.types ?? [];

const roleMapping = (text: string) =>
  Object.fromEntries(
    text
      .split("\n")
      .map((l) => l.split("="))
      .filter((p) => p.length === 2 && p[0]!.trim() !== "" && p[1]!.trim() !== "")
      .map((p) => [p[0]!.trim(), p[1]!.trim()]),
  );

export const checksText = (checks: ReadonlyArray<Output.DoctorCheck>) =>
  checks.map((c) => `${c.ok ? "✓" : c.level === "warning" ? "!" : "✗"} ${c.name}: ${c.message}`);

/** Adds the form posts to the app. */
export const routes = (
  router: Router,
  runtime: HostRuntime,
  form: RequestHandler,
  failed: (res: Response, cause: Parameters<typeof HttpError.toResponse>[0]) => void,
) => {
  /** A form post: session and CSRF checked, the action run, its notice left, then the redirect. */
  const action =
    (back: (req: Request) => string, run: (req: Request) => Effect.Effect<Outcome, unknown, Services>) =>
    (req: Request, res: Response) => {
      void runtime
        .runPromiseExit(
          Effect.gen(function* () {
            const session = yield* Session.load(req.headers.cookie);
            if (Option.isNone(session)) return "signin" as const;
            if (!csrfOk(req, session.value.csrf)) return "forbidden" as const;
            const exit = yield* Effect.exit(Effect.suspend(() => run(req)));
            const outcome: Outcome = Exit.isSuccess(exit)
              ? exit.value
              : { to: back(req), notice: `Not done: ${messageOf(exit.cause)}` };
            yield* Session.notify(session.value.key, outcome.notice);
            return outcome;
          }),
        )
        .then((exit) => {
          if (Exit.isFailure(exit)) return failed(res, exit.cause);
          if (exit.value === "signin")
            return res.status(401).type("text").send("Unauthorized: sign in first");
          if (exit.value === "forbidden") return forbidden(res);
          res.redirect(303, exit.value.to);
        });
    };

  const backToConnection = (req: Request) =>
    typeof req.params.id === "string" && /^[A-Za-z0-9_.-]{1,128}$/.test(req.params.id)
      ? connectionUrl(req.params.id)
      : "/";
  const backToRun = (req: Request) => {
    const runId = (req.body as Record<string, unknown> | undefined)?.runId ?? req.params.runId;
    return typeof runId === "string" && /^[A-Za-z0-9_.-]{1,128}$/.test(runId)
      ? runUrl(String(req.params.id), runId)
      : backToConnection(req);
  };

  router.post(
    "/ui/connections/:id/settings",
    form,
    action(backToConnection, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const f = yield* decode(SettingsForm, req.body, "form");
        const sync = yield* Sync.Sync;
        yield* sync.configure(id, {
          switches: {
            clientsAndProjects: f["switch-clientsAndProjects"] === "on",
            people: f["switch-people"] === "on",
            actuals: f["switch-actuals"] === "on",
          },
          schedule: {
            enabled: f["schedule-enabled"] === "on",
            timeOfDay: f.timeOfDay,
            timeZone: f.timeZone.trim(),
          },
          onPossibleDuplicate: f.onPossibleDuplicate,
          onRemovedTime: f.onRemovedTime,
          windowDays: f.windowDays,
          protectManualEdits: f.protectManualEdits === "on",
          approvedOnly: f.approvedOnly === "on",
          roleMapping: roleMapping(f.roleMapping),
        });
        if (f.after === "save") return { to: connectionUrl(id), notice: "Settings saved." };
        const started = yield* startRun(id, null, "Settings saved. The sync");
        return started;
      }),
    ),
  );

  router.post(
    "/ui/connections/:id/import",
    form,
    action(backToConnection, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const { type } = yield* decode(ImportForm, req.body, "form");
        const label = switchRows.find((r) => r.key === type)?.label.toLowerCase() ?? type;
        return yield* startRun(id, typesOf(type), `The import of ${label} from Harvest`);
      }),
    ),
  );

  router.post(
    "/ui/connections/:id/sync-actuals",
    form,
    action(backToConnection, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const { harvestProjectId } = yield* decode(ActualsForm, req.body, "form");
        const dispatch = yield* Dispatch.Dispatch;
        const started = yield* dispatch.startRun(id, {
          _tag: "Run",
          trigger: "page",
          scope: { kind: "project", harvestProjectId },
        });
        const what = `Sync actuals of Harvest project ${harvestProjectId}`;
        return {
          to: runUrl(id, started.runId),
          notice:
            started._tag === "Started" ? `${what} started.` : `${what} is queued; a worker starts it soon.`,
        };
      }),
    ),
  );

  router.post(
    "/ui/connections/:id/link",
    form,
    action(backToRun, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const f = yield* decode(LinkForm, req.body, "form");
        const item = yield* (yield* Sync.Sync).link(id, {
          kind: f.kind,
          runnId: f.runnId,
          harvestId: f.harvestId,
        });
        return {
          to: backToRun(req),
          notice: `Linked ${f.kind} ${item.label} to Runn ${f.kind} ${f.runnId}.`,
        };
      }),
    ),
  );

  router.post(
    "/ui/connections/:id/ignore",
    form,
    action(backToRun, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const f = yield* decode(IgnoreForm, req.body, "form");
        yield* (yield* Sync.Sync).ignore(id, {
          kind: f.kind,
          harvestId: f.harvestId,
          note: "ignored from a run page",
        });
        return { to: backToRun(req), notice: `Harvest ${f.kind} ${f.harvestId} will not be imported.` };
      }),
    ),
  );

  router.post(
    "/ui/connections/:id/runs/:runId/undo",
    form,
    action(backToRun, (req) =>
      Effect.gen(function* () {
        const { id, runId } = yield* decode(RunParams, req.params, "params");
        const { dryRun } = yield* decode(UndoForm, req.body, "form");
        const sync = yield* Sync.Sync;
        const detail = yield* sync.runDetail(runId, { limit: 1 });
        if (detail.summary.connectionId !== id)
          return { to: connectionUrl(id), notice: `Not done: no run ${runId} here.` };
        const report = yield* sync.undo(runId, { dryRun: dryRun === "true" });
        const lines = report.items
          .slice(0, 20)
          .map((i) => `${i.outcome} ${i.kind} ${i.label}${i.reason ? ` (${i.reason})` : ""}`);
        if (dryRun === "true")
          return {
            to: runUrl(id, runId),
            notice: [`The undo would change ${report.items.length} records:`, ...lines].join("\n"),
          };
        return {
          to: report.undoRunId === null ? runUrl(id, runId) : runUrl(id, report.undoRunId),
          notice: [`Undone: ${report.items.length} records changed.`, ...lines].join("\n"),
        };
      }),
    ),
  );

  router.post(
    "/ui/connections/:id/doctor",
    form,
    action(backToConnection, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const checks = yield* (yield* Sync.Sync).doctor(id);
        return { to: connectionUrl(id), notice: ["Connection checked:", ...checksText(checks)].join("\n") };
      }),
    ),
  );
};

/** A failure's message in words (never a secret: errors below the host carry none). */
const messageOf = (cause: Parameters<typeof HttpError.toResponse>[0]): string =>
  HttpError.toResponse(cause).body.error.message;
