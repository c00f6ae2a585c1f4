/**
 * The status page: per connection the last sync per entity type with its "Import from Harvest" button,
 * "Sync Actuals" per project, recent runs, and what was held back and why. Every form carries the
 * session's CSRF token; every value is escaped by `html`.
 */
import type { Output } from "@harvest-runn/sync";
import { html, type Part, type Safe } from "./Html.ts";
import { type ConnectionModel, entityTypes } from "./Model.ts";

const labels: Record<string, string> = {
  clients: "Clients",
  projects: "Projects",
  people: "People",
  actuals: "Actuals (timesheets)",
};

const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

const when = (iso: string | null) => (iso === null ? html`<span class="empty">never</span>` : iso);

const scopeText = (s: Output.Scope) =>
  s.kind === "entities" ? s.types.join(", ") : `actuals of Harvest project ${s.harvestProjectId}`;

const countsText = (c: Output.Counts) =>
  Object.entries(c as Record<string, number>)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(" · ") || "nothing to do";

const lastSyncTable = (m: ConnectionModel, csrf: string) => {
  const id = m.status.connection.id;
  const rows = entityTypes.map(
    (
      t,
    ) => html`<tr data-type="${t}"><th scope="row">${labels[t] ?? t}</th><td>${when(m.status.lastSuccess[t])}</td>
      <td><form class="inline" method="post" action="/ui/connections/${encodeURIComponent(id)}/import">${csrfField(csrf)}
      <input type="hidden" name="type" value="${t}"><button type="submit">Import from Harvest</button></form></td></tr>`,
  );
  return html`<h3>Last successful sync</h3><table><thead><tr><th>Entity type</th><th>Last sync</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
};

const actualsForms = (m: ConnectionModel, csrf: string) => {
  const action = `/ui/connections/${encodeURIComponent(m.status.connection.id)}/sync-actuals`;
  const rows = m.projects.map(
    (
      p,
    ) => html`<tr><td>${p.label}</td><td>${p.harvestId}</td><td><form class="inline" method="post" action="${action}">${csrfField(csrf)}
      <input type="hidden" name="harvestProjectId" value="${p.harvestId}"><button type="submit" class="secondary">Sync Actuals</button></form></td></tr>`,
  );
  return html`<h3>Sync Actuals per project</h3>
    ${rows.length > 0 ? html`<table><thead><tr><th>Project</th><th>Harvest id</th><th></th></tr></thead><tbody>${rows}</tbody></table>` : ""}
    <form method="post" action="${action}">${csrfField(csrf)}<label>Harvest project id <input name="harvestProjectId" inputmode="numeric" pattern="[0-9]+" required></label>
    <button type="submit" class="secondary">Sync Actuals</button></form>`;
};

const runsTable = (m: ConnectionModel) => {
  if (m.runs.length === 0) return html`<h3>Recent runs</h3><p class="empty">No runs yet.</p>`;
  const rows = m.runs.map(
    (
      r,
    ) => html`<tr class="run" data-run-id="${r.id}"><td><code>${r.id}</code></td><td>${r.trigger}</td><td>${scopeText(r.scope)}</td>
      <td class="st-${r.status}">${r.status}</td><td>${r.startedAt}</td><td>${r.endedAt ?? ""}</td><td>${countsText(r.counts)}</td>
      <td>${r.error ? `${r.error.reason}: ${r.error.message}` : ""}</td></tr>`,
  );
  return html`<h3>Recent runs</h3><table><thead><tr><th>Run</th><th>Trigger</th><th>Scope</th><th>Status</th><th>Started</th><th>Ended</th><th>Counts</th><th>Error</th></tr></thead><tbody>${rows}</tbody></table>`;
};

type Item = ConnectionModel["items"][number];

const itemRows = (items: ReadonlyArray<Item>, action: (i: Item) => Part = () => "") =>
  items.map(
    (i) =>
      html`<tr class="held-item" data-reason="${i.reason ?? ""}"><td>${i.kind}</td><td>${i.label}</td><td>${i.harvestId ?? ""}</td><td>${i.runnId ?? ""}</td><td>${action(i)}</td></tr>`,
  );

const itemTable = (title: string, id: string, items: ReadonlyArray<Item>, action?: (i: Item) => Part): Safe =>
  html`<h4 id="${id}">${title} (${items.length})</h4>${
    items.length === 0
      ? html`<p class="empty">None.</p>`
      : html`<table><thead><tr><th>Kind</th><th>What</th><th>Harvest id</th><th>Runn id</th><th></th></tr></thead><tbody>${itemRows(items, action)}</tbody></table>`
  }`;

const heldSection = (m: ConnectionModel, csrf: string) => {
  const id = m.status.connection.id;
  const held = m.items.filter((i) => i.outcome === "held");
  const by = (reason: string) => held.filter((i) => i.reason === reason);
  const linkButton = (i: Item): Part =>
    i.runnId !== null &&
    i.harvestId !== null &&
    (i.kind === "client" || i.kind === "project" || i.kind === "person")
      ? html`<form class="inline" method="post" action="/ui/connections/${encodeURIComponent(id)}/link">${csrfField(csrf)}
        <input type="hidden" name="kind" value="${i.kind}"><input type="hidden" name="runnId" value="${i.runnId}">
        <input type="hidden" name="harvestId" value="${i.harvestId}"><button type="submit">Link</button></form>`
      : "";
  const known = new Set(["unknown_role", "possible_duplicate", "conflicting_link"]);
  const otherHeld = held.filter((i) => !known.has(i.reason ?? ""));
  const skipped = m.items.filter((i) => i.outcome === "skipped");
  const reasons = [...new Set(skipped.map((i) => i.reason ?? "unknown"))].sort();
  const skippedByReason = reasons.map((r) => {
    const list = skipped.filter((i) => (i.reason ?? "unknown") === r);
    return html`<details class="skipped" data-reason="${r}"><summary><strong>${r}</strong>: ${list.length}</summary>
      <table><tbody>${itemRows(list.slice(0, 200))}</tbody></table></details>`;
  });
  return html`<h3>Held back</h3>
    ${itemTable("Unknown role", `unknown-role-${id}`, by("unknown_role"))}
    ${itemTable("Possible duplicates", `possible-duplicates-${id}`, by("possible_duplicate"), linkButton)}
    ${itemTable("Conflicting links", `conflicting-links-${id}`, by("conflicting_link"))}
    ${otherHeld.length > 0 ? itemTable("Other held items", `other-held-${id}`, otherHeld) : ""}
    <h4>Skipped entries by reason (${skipped.length})</h4>
    ${skippedByReason.length > 0 ? skippedByReason : html`<p class="empty">None.</p>`}`;
};

const connectionSection = (m: ConnectionModel, csrf: string) => {
  const c = m.status.connection;
  const sw = Object.entries(c.switches)
    .map(([k, v]) => `${k} ${v ? "on" : "off"}`)
    .join(" · ");
  return html`<section class="conn" id="conn-${c.id}" data-connection-id="${c.id}">
    <h2>${c.name}</h2>
    <p class="meta">Connection <code>${c.id}</code> · Harvest account ${c.harvestAccountId} · Runn ${c.runnBaseUrl}<br>
    Switches: ${sw} · Daily at ${c.schedule.timeOfDay} ${c.schedule.timeZone}${c.schedule.enabled ? "" : " (off)"}
    · next ${m.status.nextScheduledAt ?? "—"}${m.status.running ? html` · <strong class="st-running">a run is in progress</strong>` : ""}</p>
    ${lastSyncTable(m, csrf)}${actualsForms(m, csrf)}${runsTable(m)}${heldSection(m, csrf)}
  </section>`;
};

/** The status page body. */
export const render = (
  models: ReadonlyArray<ConnectionModel>,
  session: { readonly csrf: string; readonly notice: string | null },
): Safe =>
  html`<header><h1>harvest-runn status</h1><form class="inline" method="post" action="/logout">${csrfField(session.csrf)}<button type="submit" class="secondary">Log out</button></form></header>
  <main>${session.notice ? html`<p class="flash" role="status">${session.notice}</p>` : ""}
  ${
    models.length === 0
      ? html`<p class="empty">No connection yet. Create one with <code>POST /connections</code> (see the README).</p>`
      : models.map((m) => connectionSection(m, session.csrf))
  }</main>`;

/** Whether the page should reload itself: some run is still in progress. */
export const busy = (models: ReadonlyArray<ConnectionModel>): boolean =>
  models.some((m) => m.status.running || m.runs.some((r) => r.status === "running"));

/** The login form (its CSRF token is bound to a cookie until a session exists). */
export const login = (csrf: string, message: string | null): Safe =>
  html`<div class="login"><h1>harvest-runn</h1><p>Sign in with the API key (<code>HARVEST_RUNN_API_KEY</code>).</p>
  ${message ? html`<p class="flash" role="alert">${message}</p>` : ""}
  <form method="post" action="/login">${csrfField(csrf)}<label>API key<input type="password" name="key" autocomplete="current-password" required autofocus></label>
  <button type="submit">Sign in</button></form></div>`;
