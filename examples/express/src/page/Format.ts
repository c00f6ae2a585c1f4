/** Small formatting pieces the pages share: times, durations, triggers, scopes, statuses and counts. */
import type { Output } from "@harvest-runn/sync";
import { html, type Safe } from "./Html.ts";

/** The entity types' names, as Runn's settings page words them. */
export const typeLabels = {
  clients: "Clients",
  projects: "Projects",
  people: "People",
  actuals: "Actuals (timesheets)",
} as const;

/** An ISO time as `YYYY-MM-DD HH:MM UTC`, or "never". */
export const when = (iso: string | null): string =>
  iso === null ? "never" : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** A run's duration in words ("1 min 5 s"), or "running". */
export const duration = (run: Output.RunSummary): string => {
  if (run.endedAt === null) return "running";
  const ms = Math.max(0, Date.parse(run.endedAt) - Date.parse(run.startedAt));
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
};

/** Who started a run, in words. */
export const triggerLabel = (t: Output.Trigger): string =>
  ({ page: "page", api: "api", schedule: "schedule", manual: "command" })[t];

/** What a run covered, in words (project names when the run recorded them). */
export const scopeText = (s: Output.Scope, projectName?: (harvestId: number) => string | undefined) =>
  s.kind === "entities"
    ? s.types.map((t) => typeLabels[t].toLowerCase()).join(", ")
    : `actuals of ${projectName?.(s.harvestProjectId) ?? `Harvest project ${s.harvestProjectId}`}`;

/** A run status as a coloured word. */
export const statusBadge = (status: Output.RunStatus): Safe =>
  html`<span class="badge st-${status}">${status}</span>`;

const outcomeWords: ReadonlyArray<readonly [keyof Output.Counts, string]> = [
  ["created", "created"],
  ["linked", "linked"],
  ["written", "written"],
  ["deleted", "deleted"],
  ["archived", "archived"],
  ["unlinked", "unlinked"],
  ["held", "held"],
  ["skipped", "skipped"],
  ["failed", "failed"],
];

/** Counts in words; a run that wrote nothing says so only when it ended well. */
export const countsText = (run: Output.RunSummary): string => {
  const parts = outcomeWords.filter(([k]) => run.counts[k] > 0).map(([k, w]) => `${run.counts[k]} ${w}`);
  if (parts.length > 0) return parts.join(" · ");
  return run.status === "succeeded" ? "no changes needed" : run.status === "running" ? "so far nothing" : "—";
};

/**
 * A run's error, said once: the message without a repeated "Harvest: Harvest:" prefix, with the reason
 * only when the message does not already name it.
 */
export const errorText = (error: NonNullable<Output.RunSummary["error"]>): string => {
  let message = error.message.trim();
  for (let i = 0; i < 5 && message.startsWith(`${error.reason}: `); i++)
    message = message.slice(error.reason.length + 2);
  return message.toLowerCase().startsWith(error.reason.toLowerCase())
    ? message
    : `${error.reason}: ${message}`;
};
