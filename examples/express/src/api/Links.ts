/**
 * Link routes (SPEC E8, E10): suggestions from possible duplicates and adoptable references, apply
 * suggestions in bulk, link, unlink, and the do-not-import list.
 */
import { Optional } from "@harvest-runn/domain";
import { Output, Sync } from "@harvest-runn/sync";
import { Effect, Schema } from "effect";
import type { Router } from "express";
import type { HostRuntime } from "../Runtime.ts";
import { decode, Id } from "./Decode.ts";
import { encoded, json } from "./Handler.ts";

const Kind = Schema.Literal("client", "project", "person");
const PositiveInt = Schema.Int.pipe(Schema.positive());

/** Which Runn entity to (un)link to which Harvest id. */
export const LinkBody = Schema.Struct({ kind: Kind, runnId: PositiveInt, harvestId: PositiveInt });

const ApplyBody = Schema.Struct({
  /** The suggestions to link; omitted: every current suggestion. */
  suggestions: Schema.optional(Schema.Array(LinkBody)),
});

const IgnoreBody = Schema.Struct({
  kind: Kind,
  harvestId: PositiveInt,
  note: Schema.optional(Schema.String.pipe(Schema.maxLength(500))),
  /** `false` takes the id off the list again. */
  ignored: Schema.optional(Schema.Boolean),
});

const IdParams = Schema.Struct({ id: Id });
const Items = Schema.Struct({ items: Schema.Array(Output.RunItem) });

/** Adds the link routes to an authenticated router. */
export const routes = (router: Router, runtime: HostRuntime) => {
  router.get(
    "/connections/:id/links/suggestions",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const sync = yield* Sync.Sync;
        const suggestions = yield* sync.suggestLinks(id);
        return encoded(200, Schema.Struct({ suggestions: Schema.Array(Output.LinkSuggestion) }), {
          suggestions,
        });
      }),
    ),
  );

  router.post(
    "/connections/:id/links/apply",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const body = yield* decode(ApplyBody, req.body, "body");
        const sync = yield* Sync.Sync;
        const chosen =
          body.suggestions ??
          (yield* sync.suggestLinks(id)).map((s) => ({
            kind: s.kind,
            runnId: s.runnId,
            harvestId: s.harvestId,
          }));
        const items = yield* sync.applyLinks(id, chosen);
        return encoded(200, Items, { items });
      }),
    ),
  );

  router.post(
    "/connections/:id/links",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const body = yield* decode(LinkBody, req.body, "body");
        const sync = yield* Sync.Sync;
        return encoded(200, Output.RunItem, yield* sync.link(id, body));
      }),
    ),
  );

  router.post(
    "/connections/:id/links/unlink",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const body = yield* decode(LinkBody, req.body, "body");
        const sync = yield* Sync.Sync;
        return encoded(200, Output.RunItem, yield* sync.unlink(id, body));
      }),
    ),
  );

  router.post(
    "/connections/:id/ignore",
    json(runtime, (req) =>
      Effect.gen(function* () {
        const { id } = yield* decode(IdParams, req.params, "params");
        const body = yield* decode(IgnoreBody, req.body, "body");
        const sync = yield* Sync.Sync;
        yield* sync.ignore(
          id,
          {
            kind: body.kind,
            harvestId: body.harvestId,
            ...Optional.fields({ note: body.note }),
          },
          body.ignored ?? true,
        );
        return { status: 204 };
      }),
    ),
  );
};
