/**
 * What a run (or a plan) did, grouped for people: created per type, actuals written, held and skipped
 * items by reason, possible duplicates with the command that links each, failures.
 */
import { Reason } from "@harvest-runn/domain";
import type { Output } from "@harvest-runn/sync";
import * as Help from "./Help.ts";
import * as Render from "./Render.ts";

/** A possible duplicate and the command that links it. */
export interface Duplicate {
  readonly kind: string;
  readonly runnId: number;
  readonly harvestId: number;
  readonly label: string;
  readonly command: string;
}

/** A run's items grouped for display. */
export interface Breakdown {
  readonly created: Record<string, number>;
  readonly actualsWritten: number;
  readonly actualsRemoved: number;
  readonly held: Record<string, number>;
  /** Held and skipped counts per reason and kind, e.g. `possible_duplicate` of `person`. */
  readonly byKind: ReadonlyArray<{
    readonly outcome: string;
    readonly reason: string;
    readonly kind: string;
    readonly count: number;
  }>;
  readonly skipped: Record<string, number>;
  readonly duplicates: ReadonlyArray<Duplicate>;
  readonly failed: ReadonlyArray<{ readonly kind: string; readonly label: string; readonly error: string }>;
}

const byReason = (items: ReadonlyArray<Output.RunItem>, outcome: Output.Outcome) =>
  Object.fromEntries(
    Render.countBy(
      items.filter((i) => i.outcome === outcome),
      (i) => i.reason ?? "unspecified",
    ),
  );

/** Groups a run's items. */
export const breakdown = (items: ReadonlyArray<Output.RunItem>): Breakdown => ({
  created: Object.fromEntries(
    Render.countBy(
      items.filter((i) => i.outcome === "created"),
      (i) => i.kind,
    ),
  ),
  actualsWritten: items.filter((i) => i.kind === "actual" && i.outcome === "written").length,
  actualsRemoved: items.filter((i) => i.kind === "actual" && i.outcome === "deleted").length,
  held: byReason(items, "held"),
  byKind: Render.countBy(
    items.filter((i) => i.outcome === "held" || i.outcome === "skipped"),
    (i) => `${i.outcome}\u0000${i.reason ?? "unspecified"}\u0000${i.kind}`,
  ).map(([k, count]) => {
    const [outcome = "", reason = "", kind = ""] = k.split("\u0000");
    return { outcome, reason, kind, count };
  }),
  skipped: byReason(items, "skipped"),
  duplicates: items.flatMap((i) =>
    i.reason === "possible_duplicate" && i.outcome === "held" && i.runnId !== null && i.harvestId !== null
      ? [
          {
            kind: i.kind,
            runnId: i.runnId,
            harvestId: i.harvestId,
            label: i.label,
            command: `${Help.invokedAs()} link ${i.kind} ${i.runnId} ${i.harvestId}`,
          },
        ]
      : [],
  ),
  failed: items.flatMap((i) =>
    i.outcome === "failed" ? [{ kind: i.kind, label: i.label, error: i.error ?? "" }] : [],
  ),
});

const statusColour = (s: Output.RunStatus) =>
  s === "succeeded" ? Render.style.green(s) : s === "partial" ? Render.style.yellow(s) : Render.style.red(s);

/** One line per reason of held (or skipped) items, with the kinds they are about, fitted to the terminal. */
export const reasonLines = (b: Breakdown, outcome: "held" | "skipped"): Array<string> => {
  const rows = Object.entries(outcome === "held" ? b.held : b.skipped).map(([reason, n]) => {
    const kinds = b.byKind
      .filter((k) => k.outcome === outcome && k.reason === reason)
      .map((k) => Render.plural(k.count, k.kind))
      .join(", ");
    return [String(n).padStart(5), labelOf(reason), `${kinds} (${reason})`];
  });
  // The header row only sizes the columns; it is not shown.
  return Render.table(["", "", ""], rows, { width: Render.terminalWidth() - 4 })
    .slice(1)
    .map((l) => `    ${l}`);
};

/** A reason code's plain words (`harvest-runn reasons` lists them all). */
const labelOf = (code: string): string =>
  Object.hasOwn(Reason.texts, code) ? Reason.labelOf(code as Reason.ReasonCode) : code;

/** Lines for a run: status, what was created and written, holds, skips, duplicates, failures. */
export const runLines = (summary: Output.RunSummary, b: Breakdown): Array<string> => {
  const kinds = ["role", "client", "project", "person"];
  const created = kinds.map((k) => Render.plural(b.created[k] ?? 0, k)).join(", ");
  const out = [
    `${Render.style.bold(`Run ${summary.id}`)}: ${statusColour(summary.status)}${summary.dryRun ? " (dry run)" : ""}`,
    `  created   ${created}`,
    `  actuals   ${Render.plural(b.actualsWritten, "day total")} written, ${b.actualsRemoved} removed`,
  ];
  if (Object.keys(b.held).length > 0) out.push("  held (waiting for you):", ...reasonLines(b, "held"));
  if (Object.keys(b.skipped).length > 0) out.push("  skipped:", ...reasonLines(b, "skipped"));
  if (b.duplicates.length > 0) {
    out.push(`  possible duplicates (link each if it is the same entity):`);
    for (const d of b.duplicates) out.push(`    ${d.label}: ${Render.style.cyan(d.command)}`);
  }
  if (b.failed.length > 0) {
    out.push(Render.style.red(`  failed (${b.failed.length}):`));
    for (const f of b.failed.slice(0, 10)) out.push(`    ${f.kind} ${f.label}: ${f.error}`);
  }
  if (summary.error !== null)
    out.push(Render.style.red(`  error (${summary.error.reason}): ${summary.error.message}`));
  return out;
};

/** The exit code of a finished run: 0 succeeded, 3 partial, 1 failed. */
export const exitOf = (summary: Output.RunSummary): number =>
  summary.status === "succeeded" ? 0 : summary.status === "partial" ? 3 : 1;
