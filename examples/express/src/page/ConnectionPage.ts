/**
 * A connection's page, like Runn's Harvest settings and more: a switch per entity type with its last
 * sync, Save and Save-and-Run, the schedule and the policies SPEC makes settings (each with one line on
 * what it does), import buttons per type, "Sync actuals" per linked project, and the latest runs.
 * Every run button is disabled while a run holds the lease.
 */
import type { Output } from "@harvest-runn/sync";
import { duration, scopeText, statusBadge, triggerLabel, type typeLabels, when } from "./Format.ts";
import { csrfField, html, type Part, type Safe, seg } from "./Html.ts";
import type { ConnectionModel } from "./Model.ts";

/** The three switches, their entity types, and what each imports (SPEC C4). */
export const switchRows = [
  {
    key: "clientsAndProjects",
    label: "Clients and projects",
    types: ["clients", "projects"],
    help: "Creates Runn clients and projects for Harvest's active ones. Linked records are never changed.",
  },
  {
    key: "people",
    label: "People",
    types: ["people"],
    help: "Creates Runn people for Harvest users, with their role (Unknown when Harvest has none or several).",
  },
  {
    key: "actuals",
    label: "Actuals (timesheets)",
    types: ["actuals"],
    help: "Writes Harvest time as Runn actuals per person, project and day. Off until you turn it on.",
  },
] as const;

/** A switch key the import buttons accept. */
export type SwitchKey = (typeof switchRows)[number]["key"];

const lastOf = (m: ConnectionModel, types: ReadonlyArray<keyof typeof typeLabels>) => {
  const dates = types.map((t) => m.status.lastSuccess[t]);
  return dates.some((d) => d === null) ? null : (dates.sort()[0] ?? null);
};

const toggle = (name: string, label: string, help: string, checked: boolean, extra: Part = "") =>
  html`<div class="switch"><input type="checkbox" role="switch" id="${name}" name="${name}" value="on"${checked ? html` checked` : ""} aria-describedby="${name}-help">
  <div class="what"><label for="${name}"><strong>${label}</strong></label><p class="help" id="${name}-help">${help}</p>${extra}</div></div>`;

const select = (
  name: string,
  label: string,
  help: string,
  value: string,
  options: ReadonlyArray<readonly [string, string]>,
) =>
  html`<div class="field"><label for="${name}">${label}</label><select id="${name}" name="${name}" aria-describedby="${name}-help">${options.map(
    ([v, l]) => html`<option value="${v}"${v === value ? html` selected` : ""}>${l}</option>`,
  )}</select><p class="help" id="${name}-help">${help}</p></div>`;

const input = (
  name: string,
  label: string,
  help: string,
  value: string | number,
  type: string,
  extra: Part = "",
) =>
  html`<div class="field"><label for="${name}">${label}</label><input type="${type}" id="${name}" name="${name}" value="${value}" aria-describedby="${name}-help"${extra}>
  <p class="help" id="${name}-help">${help}</p></div>`;

const settingsForm = (m: ConnectionModel, csrf: string) => {
  const s = m.settings;
  const busy = m.status.running;
  const switches = switchRows.map((r) =>
    toggle(
      `switch-${r.key}`,
      r.label,
      r.help,
      s.switches[r.key],
      html`<p class="last">Last synced: ${when(lastOf(m, r.types))}</p>`,
    ),
  );
  const mapping = Object.entries(s.roleMapping)
    .map(([h, r]) => `${h} = ${r}`)
    .join("\n");
  return html`<form method="post" action="/ui/connections/${seg(m.status.connection.id)}/settings" class="card" id="settings">${csrfField(csrf)}
  <h2>What to sync</h2>${switches}
  <h2 class="spaced">Daily schedule</h2>
  ${toggle("schedule-enabled", "Run every day", "Runs at the time below in its time zone; missed days are caught up after a restart.", s.schedule.enabled)}
  <div class="grid">${input("timeOfDay", "Time", "24-hour clock, e.g. 02:00.", s.schedule.timeOfDay, "time", html` required`)}
  ${input("timeZone", "Time zone", "An IANA name, e.g. Europe/Berlin or America/New_York.", s.schedule.timeZone, "text", html` required`)}</div>
  <h2 class="spaced">Policies</h2><div class="grid">
  ${select(
    "onPossibleDuplicate",
    "Possible duplicates",
    "A Runn record with the same name or email as an unlinked Harvest one: wait for you, create anyway (Runn's way), or link automatically.",
    s.onPossibleDuplicate,
    [
      ["hold", "Hold for me to decide"],
      ["create", "Create anyway"],
      ["link", "Link automatically"],
    ],
  )}
  ${select(
    "onRemovedTime",
    "Removed time",
    "Time deleted or moved in Harvest: delete the Runn actual, or write zero hours.",
    s.onRemovedTime,
    [
      ["delete", "Delete the actual"],
      ["zero", "Write zero"],
    ],
  )}
  ${input("windowDays", "Window (days)", "Every run recomputes this many past days, so edits and deletions reach Runn.", s.windowDays, "number", html` min="1" max="3660" required`)}
  </div>
  ${toggle("protectManualEdits", "Protect manual edits", "When someone changed an actual in Runn by hand, report it instead of overwriting it.", s.protectManualEdits)}
  ${toggle("approvedOnly", "Approved time only", "Sync only timesheets approved in Harvest.", s.approvedOnly)}
  <div class="field spaced"><label for="roleMapping">Role mapping</label>
  <textarea id="roleMapping" name="roleMapping" rows="3" aria-describedby="roleMapping-help">${mapping}</textarea>
  <p class="help" id="roleMapping-help">One per line, "Harvest role = Runn role": people with that Harvest role get that Runn role.</p></div>
  <p class="row"><button type="submit" name="after" value="save">Save</button>
  <button type="submit" name="after" value="run" data-run${busy ? html` disabled` : ""}>Save and run</button></p></form>`;
};

const importButtons = (m: ConnectionModel, csrf: string) => {
  const id = seg(m.status.connection.id);
  const busy = m.status.running;
  return html`<section class="card"><h2>Import now</h2><p class="help">One entity type at a time, like Runn's "Import from Harvest" buttons; the switches above still apply.</p>
  <div class="row">${switchRows.map(
    (
      r,
    ) => html`<form class="inline" method="post" action="/ui/connections/${id}/import">${csrfField(csrf)}<input type="hidden" name="type" value="${r.key}">
    <button type="submit" class="secondary" data-run${busy ? html` disabled` : ""}>Import ${r.label.toLowerCase()} from Harvest</button></form>`,
  )}</div></section>`;
};

const actualsSection = (m: ConnectionModel, csrf: string) => {
  const action = `/ui/connections/${seg(m.status.connection.id)}/sync-actuals`;
  const busy = m.status.running;
  const projects = m.projects;
  const list =
    projects === null
      ? html`<p class="empty">Linked projects appear here after the first import.</p>`
      : projects.list.length === 0
        ? html`<p class="empty">No Runn project is linked to Harvest yet.</p>`
        : html`<p class="meta">As the run of ${when(projects.at)} saw them.</p><div class="scroll"><table><thead><tr><th>Project</th><th class="hide-narrow">Harvest id</th><th></th></tr></thead><tbody>${projects.list
            .slice(0, 200)
            .map(
              (
                p,
              ) => html`<tr><td>${p.name}</td><td class="hide-narrow">${p.harvestId}</td><td><form class="inline" method="post" action="${action}">${csrfField(csrf)}
              <input type="hidden" name="harvestProjectId" value="${p.harvestId}"><button type="submit" class="secondary" data-run${busy ? html` disabled` : ""} aria-label="Sync actuals for ${p.name}">Sync actuals</button></form></td></tr>`,
            )}</tbody></table></div>${projects.list.length > 200 ? html`<p class="meta">${projects.list.length - 200} more: use the Harvest project id below.</p>` : ""}`;
  return html`<section class="card" id="sync-actuals"><h2>Sync actuals per project</h2>${list}
  <form method="post" action="${action}" class="row">${csrfField(csrf)}<label for="harvestProjectId">Harvest project id</label>
  <input type="text" id="harvestProjectId" name="harvestProjectId" inputmode="numeric" pattern="[0-9]+" required class="narrow">
  <button type="submit" class="secondary" data-run${busy ? html` disabled` : ""}>Sync actuals for this project</button></form></section>`;
};

/** The runs table (shared with the run history page). */
export const runsTable = (connectionId: string, runs: ReadonlyArray<Output.RunSummary>): Safe =>
  runs.length === 0
    ? html`<p class="empty">No runs yet.</p>`
    : html`<div class="scroll"><table><thead><tr><th>Run</th><th>Status</th><th>Started</th><th class="hide-narrow">Duration</th><th class="hide-narrow">Trigger</th><th class="hide-narrow">Scope</th></tr></thead><tbody>${runs.map(
        (
          r,
        ) => html`<tr class="run" data-run-id="${r.id}"><td><a href="/ui/connections/${seg(connectionId)}/runs/${seg(r.id)}">Run of ${when(r.startedAt)}</a></td>
        <td>${statusBadge(r.status)}${r.dryRun ? " (dry run)" : ""}</td><td>${when(r.startedAt).slice(11)}</td><td class="hide-narrow">${duration(r)}</td>
        <td class="hide-narrow">${triggerLabel(r.trigger)}</td><td class="hide-narrow">${scopeText(r.scope)}</td></tr>`,
      )}</tbody></table></div>`;

/** The connection page body. */
export const render = (m: ConnectionModel, csrf: string, statusText: string): Safe => {
  const c = m.status.connection;
  return html`<h1>${c.name}</h1><p id="live-status" class="meta" aria-live="polite">${statusText}</p>
  ${settingsForm(m, csrf)}${importButtons(m, csrf)}${actualsSection(m, csrf)}
  <section class="card"><h2>Latest runs</h2>${runsTable(c.id, m.runs)}<p><a href="/ui/connections/${seg(c.id)}/runs">All runs</a></p></section>
  <section class="card"><h2>Connection</h2><p class="meta">Harvest account ${c.harvestAccountId} · contact ${c.harvestUserAgent}<br>Runn ${c.runnBaseUrl}<br>
  Next scheduled run: ${m.status.nextScheduledAt === null ? "none (schedule off)" : when(m.status.nextScheduledAt)}</p>
  <form method="post" action="/ui/connections/${seg(c.id)}/doctor">${csrfField(csrf)}<button type="submit" class="secondary">Check the connection</button></form></section>`;
};
