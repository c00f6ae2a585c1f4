/**
 * The do-not-import list and the audit log of link changes (SPEC E10, E11). Runn's references stay
 * the only identity; these record decisions, never a second id map.
 */
import { Ids } from "@harvest-runn/domain";
import { Schema } from "effect";

/** Kinds of Harvest entity the sync imports. */
export const ImportKind = Schema.Literal("client", "project", "person");
export type ImportKind = typeof ImportKind.Type;

/** One entry of the do-not-import list, keyed by (kind, Harvest id). */
export const DoNotImport = Schema.Struct({
  kind: ImportKind,
  harvestId: Schema.Int,
  note: Schema.NullOr(Schema.String),
  runId: Schema.NullOr(Ids.RunId),
  addedAt: Ids.IsoDateTime,
}).annotations({ identifier: "DoNotImport" });
export interface DoNotImport extends Schema.Schema.Type<typeof DoNotImport> {}

/** What a caller adds to the do-not-import list. */
export interface NewDoNotImport {
  readonly kind: ImportKind;
  readonly harvestId: number;
  readonly note?: string | null;
  readonly runId?: Ids.RunId | null;
}

/** A change to links or to the do-not-import list. */
export const AuditAction = Schema.Literal("link", "unlink", "adopt", "do_not_import", "allow_import");
export type AuditAction = typeof AuditAction.Type;

/** One audit log entry; `seq` grows with each entry of the store. */
export const AuditEntry = Schema.Struct({
  seq: Schema.Int,
  connectionId: Ids.ConnectionId,
  at: Ids.IsoDateTime,
  action: AuditAction,
  kind: ImportKind,
  harvestId: Schema.NullOr(Schema.Int),
  runnId: Schema.NullOr(Schema.Int),
  actor: Schema.NullOr(Schema.String),
  note: Schema.NullOr(Schema.String),
}).annotations({ identifier: "AuditEntry" });
export interface AuditEntry extends Schema.Schema.Type<typeof AuditEntry> {}

/** What a caller records in the audit log. */
export interface NewAuditEntry {
  readonly action: AuditAction;
  readonly kind: ImportKind;
  readonly harvestId: number | null;
  readonly runnId: number | null;
  readonly actor?: string | null;
  readonly note?: string | null;
}
