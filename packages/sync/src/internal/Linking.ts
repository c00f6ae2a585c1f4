/**
 * Manual linking (SPEC E8, E10): link and unlink a Runn entity to a Harvest id through Runn's
 * references (the only identity), the do-not-import list, link suggestions from possible duplicates
 * and from references of another name (accounts migrating from Runn's built-in integration), and bulk
 * linking from suggestions. Every change lands in the store's audit log.
 */
import type { Ids, Snapshot } from "@harvest-runn/domain";
import { Effect } from "effect";
import type { LinkSuggestion, RunItem } from "../Output.ts";
import * as SyncError from "../SyncError.ts";
import { type Env, loadConnection, now } from "./Env.ts";
import { item } from "./Items.ts";
import { prepare } from "./Prepare.ts";

/** Which Runn entity to (un)link to which Harvest id. */
export interface LinkInput {
  readonly kind: "client" | "project" | "person";
  readonly runnId: number;
  readonly harvestId: number;
}

/** A Harvest id not to import (or to import again). */
export interface IgnoreInput {
  readonly kind: "client" | "project" | "person";
  readonly harvestId: number;
  readonly note?: string;
}

const runnError = (e: { readonly reason: string; readonly message: string }) =>
  e.reason === "NotFound" ? SyncError.make("InvalidInput", e.message) : SyncError.make("Runn", e.message);

/** Links a Runn entity to a Harvest id; refuses when another entity already carries it (SPEC E9). */
export const link = (env: Env, connectionId: string, input: LinkInput, actor: string | null = null) =>
  Effect.gen(function* () {
    const conn = yield* loadConnection(env, connectionId);
    const { runn } = yield* env.clients.make(conn.input);
    const reference = { referenceName: conn.settings.referenceName, externalId: String(input.harvestId) };
    const holders = yield* runn
      .findByReference(input.kind, reference.referenceName, reference.externalId)
      .pipe(Effect.mapError(runnError));
    const others = holders.filter((h) => h.id !== input.runnId).map((h) => h.id);
    if (others.length > 0)
      return yield* SyncError.make(
        "InvalidInput",
        `Harvest ${input.kind} ${input.harvestId} is already linked to Runn ${input.kind} ${others.join(", ")}; unlink it first`,
      );
    yield* runn.addReference(input.kind, input.runnId, reference).pipe(Effect.mapError(runnError));
    return yield* recorded(env, conn.id, "link", input, actor);
  }).pipe(Effect.withSpan("Sync.link"));

/** Writes a link change to the audit log and returns it as a run item. */
const recorded = (
  env: Env,
  connectionId: Ids.ConnectionId,
  action: "link" | "unlink",
  input: LinkInput,
  actor: string | null,
) =>
  Effect.gen(function* () {
    const { kind, harvestId, runnId } = input;
    yield* env.store.audit
      .record(connectionId, { action, kind, harvestId, runnId, actor })
      .pipe(Effect.mapError(SyncError.fromStore));
    return item({
      kind: "link",
      outcome: action === "link" ? "linked" : "unlinked",
      harvestId,
      runnId,
      label: `${kind} ${runnId} ${action === "link" ? "↔" : "↮"} Harvest ${harvestId}`,
    });
  });

/** Removes a Runn entity's reference to a Harvest id. */
export const unlink = (env: Env, connectionId: string, input: LinkInput, actor: string | null = null) =>
  Effect.gen(function* () {
    const conn = yield* loadConnection(env, connectionId);
    const { runn } = yield* env.clients.make(conn.input);
    const reference = { referenceName: conn.settings.referenceName, externalId: String(input.harvestId) };
    yield* runn.removeReference(input.kind, input.runnId, reference).pipe(Effect.mapError(runnError));
    return yield* recorded(env, conn.id, "unlink", input, actor);
  }).pipe(Effect.withSpan("Sync.unlink"));

/** Puts a Harvest id on the do-not-import list, or (`ignored: false`) takes it off again. */
export const ignore = (
  env: Env,
  connectionId: string,
  input: IgnoreInput,
  ignored = true,
  actor: string | null = null,
) =>
  Effect.gen(function* () {
    const conn = yield* loadConnection(env, connectionId);
    const write = ignored
      ? env.store.doNotImport.add(conn.id, [
          { kind: input.kind, harvestId: input.harvestId, note: input.note ?? null },
        ])
      : env.store.doNotImport.remove(conn.id, [{ kind: input.kind, harvestId: input.harvestId }]);
    yield* write.pipe(Effect.mapError(SyncError.fromStore));
    yield* env.store.audit
      .record(conn.id, {
        action: ignored ? "do_not_import" : "allow_import",
        kind: input.kind,
        harvestId: input.harvestId,
        runnId: null,
        actor,
        note: input.note ?? null,
      })
      .pipe(Effect.mapError(SyncError.fromStore));
  }).pipe(Effect.withSpan("Sync.ignore"));

/** References of another name holding the Harvest id of an unlinked Harvest entity (SPEC E10). */
const adoptions = (harvest: Snapshot.HarvestSnapshot, runn: Snapshot.RunnSnapshot, referenceName: string) => {
  const out: Array<LinkSuggestion> = [];
  const linked = (refs: ReadonlyArray<{ referenceName: string; externalId: string }>) =>
    refs.find((r) => r.referenceName === referenceName)?.externalId;
  const scan = (
    kind: LinkSuggestion["kind"],
    harvestIds: ReadonlyMap<string, string>,
    records: ReadonlyArray<{
      id: number;
      references: ReadonlyArray<{ referenceName: string; externalId: string }>;
    }>,
  ) => {
    const taken = new Set(records.map((r) => linked(r.references)).filter((x) => x !== undefined));
    for (const r of records) {
      if (linked(r.references) !== undefined) continue;
      for (const ref of r.references) {
        const label = harvestIds.get(ref.externalId);
        if (label !== undefined && !taken.has(ref.externalId))
          out.push({
            kind,
            runnId: r.id,
            harvestId: Number(ref.externalId),
            label,
            basis: `adopt reference "${ref.referenceName}"`,
          });
      }
    }
  };
  scan("client", new Map(harvest.clients.map((c) => [String(c.id), c.name])), runn.clients);
  scan("project", new Map(harvest.projects.map((p) => [String(p.id), p.name])), runn.projects);
  scan(
    "person",
    new Map(harvest.users.map((u) => [String(u.id), `${u.first_name} ${u.last_name}`])),
    runn.people,
  );
  return out;
};

/** Suggested links: possible duplicates (SPEC E8) and adoptable references (SPEC E10); writes nothing. */
export const suggestLinks = (env: Env, connectionId: string) =>
  Effect.gen(function* () {
    const conn = yield* loadConnection(env, connectionId);
    const clients = yield* env.clients.make(conn.input);
    const at = yield* now;
    const settings = {
      ...conn.settings,
      onPossibleDuplicate: "hold" as const,
      switches: { ...conn.settings.switches, actuals: false },
    };
    const prepared = yield* prepare(env, clients, { id: conn.id, settings }, at, "suggest", {
      scope: { kind: "entities", types: ["clients", "projects", "people"] },
      backfillFrom: null,
    });
    const out: Array<LinkSuggestion> = [];
    for (const r of prepared.plan.report)
      if (r._tag === "PossibleDuplicate")
        for (const s of r.suggestions)
          out.push({
            kind: s.kind,
            runnId: s.runnId,
            harvestId: s.harvestId,
            label: r.name,
            basis: "same name or email",
          });
    return [...out, ...adoptions(prepared.harvest, prepared.runn, conn.settings.referenceName)];
  }).pipe(Effect.withSpan("Sync.suggestLinks"));

/** Links every suggestion given (typically all of `suggestLinks`); one item per suggestion. */
export const applyLinks = (
  env: Env,
  connectionId: string,
  suggestions: ReadonlyArray<LinkInput>,
  actor: string | null = null,
) =>
  Effect.forEach(suggestions, (s) =>
    link(env, connectionId, s, actor).pipe(
      Effect.catchAll((e) =>
        e.reason === "ConnectionNotFound"
          ? Effect.fail(e)
          : Effect.succeed<RunItem>(
              item({
                kind: "link",
                outcome: "failed",
                harvestId: s.harvestId,
                runnId: s.runnId,
                label: `${s.kind} ${s.runnId} ↔ Harvest ${s.harvestId}`,
                error: `${e.reason}: ${e.message}`,
              }),
            ),
      ),
    ),
  ).pipe(Effect.withSpan("Sync.applyLinks"));
