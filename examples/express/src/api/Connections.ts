/**
 * Connection routes: create (validated on both sides first, SPEC C2), list, get, delete, settings,
 * doctor and status. Tokens are write-only: they are decoded straight into `Redacted` and no response
 * schema has a field for them.
 */
import { Optional, Settings } from "@harvest-runn/domain";
import { Output, Sync } from "@harvest-runn/sync";
import { Effect, Schema } from "effect";
import type { Router } from "express";
import type { HostRuntime } from "../Runtime.ts";
import { decode, Id, Secret } from "./Decode.ts";
import { encoded, json } from "./Handler.ts";

const HttpUrl = Schema.String.pipe(
  Schema.pattern(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: () => "an http(s) base URL" }),
);

/** The body of `POST /connections`. */
export const ConnectBody = Schema.Struct({
  id: Schema.optional(Id),
  name: Schema.NonEmptyTrimmedString,
  harvest: Schema.Struct({
    accountId: Schema.Int.pipe(Schema.positive()),
    userAgent: Schema.NonEmptyTrimmedString,
    token: Secret,
  }),
  runn: Schema.Struct({ baseUrl: Schema.optional(HttpUrl), token: Secret }),
  settings: Schema.optional(Schema.Unknown),
});

const IdParams = Schema.Struct({ id: Id });

/** Validates a settings document (full or partial) so a bad one names its field. */
const checkSettings = (raw: unknown, source: string) =>
  raw === undefined ? Effect.void : decode(Settings.Settings, raw, source).pipe(Effect.asVoid);

/** Adds the connection routes to an authenticated router. */
export const routes = (router: Router, runtime: HostRuntime) => {
  router.post(
    "/connections",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const body = yield* decode(ConnectBody, req.body, "body");
        yield* checkSettings(body.settings, "body.settings");
        const sync = yield* Sync.Sync;
        const result = yield* sync.connect({
          ...Optional.fields({ id: body.id }),
          name: body.name,
          harvest: body.harvest,
          runn: {
            token: body.runn.token,
            ...Optional.fields({ baseUrl: body.runn.baseUrl }),
          },
          ...Optional.fields({ settings: body.settings }),
        });
        return encoded(201, Output.ConnectResult, result);
      }),
    ),
  );

  router.get(
    "/connections",
    json(runtime, () =>
      Effect.gen(function* () {
        const sync = yield* Sync.Sync;
        const connections = yield* sync.connections;
        return encoded(200, Schema.Struct({ connections: Schema.Array(Output.ConnectionView) }), {
          connections,
        });
      }),
    ),
  );

  router.get(
    "/connections/:id",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const sync = yield* Sync.Sync;
        const status = yield* sync.status(id);
        return encoded(200, Output.ConnectionView, status.connection);
      }),
    ),
  );

  router.delete(
    "/connections/:id",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const sync = yield* Sync.Sync;
        yield* sync.disconnect(id);
        return { status: 204 };
      }),
    ),
  );

  router.get(
    "/connections/:id/settings",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const sync = yield* Sync.Sync;
        // Every setting; the webhook URL as its origin only (its path or query may carry a token).
        return encoded(200, Output.SettingsView, yield* sync.settings(id));
      }),
    ),
  );

  router.patch(
    "/connections/:id/settings",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        yield* decode(Schema.Object, req.body, "body");
        yield* checkSettings(req.body, "body");
        const sync = yield* Sync.Sync;
        const view = yield* sync.configure(id, req.body);
        return encoded(200, Output.ConnectionView, view);
      }),
    ),
  );

  router.get(
    "/connections/:id/doctor",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const sync = yield* Sync.Sync;
        const checks = yield* sync.doctor(id);
        return encoded(200, Schema.Struct({ checks: Schema.Array(Output.DoctorCheck) }), { checks });
      }),
    ),
  );

  router.get(
    "/connections/:id/status",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const sync = yield* Sync.Sync;
        return encoded(200, Output.Status, yield* sync.status(id));
      }),
    ),
  );
};
