/**
 * One run's page, like a sync job's page: what it covered and how it ended (a failure's cause said once),
 * counts by outcome, what it created, and what it held or skipped grouped by what you must do: people
 * whose role is Unknown, possible duplicates to link or ignore, people and projects not in Runn, then
 * every other reason in plain words. Actions disappear once done (a link made since the run, an id on
 * the do-not-import list).
 */
import { Reason } from "@harvest-runn/domain";
import type { Output, Recorded } from "@harvest-runn/sync";
import { countsText, duration, errorText, scopeText, statusBadge, triggerLabel, when } from "./Format.ts";
import { csrfField, html, type Safe, seg } from "./Html.ts";
import type { RunModel } from "./Model.ts";

type Item = Output.RunItem;

const isCode = (r: string | null): r is Reason.ReasonCode => r !== null && Object.hasOwn(Reason.texts, r);

/** A reason's label and action in plain words (the table shared with the CLI). */
const words = (reason: string | null) =>
  isCode(reason) ? Reason.texts[reason] : { label: reason ?? "No reason given", action: "" };

const hours = (minutes: number) => `${(minutes / 60).toFixed(minutes % 60 === 0 ? 0 : 1)} h`;

interface Group {
  readonly id: number;
  readonly name: string;
  readonly days: number;
  readonly minutes: number;
  readonly others: ReadonlyArray<string>;
}

/** Skipped time of one reason grouped by person or by project, named from the run's record. */
const groupTime = (
  names: Recorded.RunNames,
  reason: string,
  by: "person" | "project",
): ReadonlyArray<Group> => {
  const groups = new Map<number, { days: number; minutes: number; others: Set<string> }>();
  for (const s of names.skipped) {
    if (s.reason !== reason) continue;
    const id = by === "person" ? s.harvestUserId : s.harvestProjectId;
    const other = by === "person" ? s.harvestProjectId : s.harvestUserId;
    const g = groups.get(id) ?? { days: 0, minutes: 0, others: new Set<string>() };
    g.days += 1;
    g.minutes += s.minutes;
    g.others.add(
      (by === "person" ? names.projects[String(other)] : names.people[String(other)]) ?? `#${other}`,
    );
    groups.set(id, g);
  }
  const nameOf = (id: number) =>
    (by === "person" ? names.people[String(id)] : names.projects[String(id)]) ??
    `Harvest ${by === "person" ? "user" : "project"} ${id}`;
  return [...groups]
    .map(([id, g]) => ({
      id,
      name: nameOf(id),
      days: g.days,
      minutes: g.minutes,
      others: [...g.others].sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
};

const groupTable = (groups: ReadonlyArray<Group>, by: "person" | "project") =>
  html`<div class="scroll"><table><thead><tr><th>${by === "person" ? "Person" : "Project"}</th><th>Days</th><th>Time</th><th class="hide-narrow">${
    by === "person" ? "Projects" : "People"
  }</th></tr></thead><tbody>${groups.map(
    (
      g,
    ) => html`<tr class="group" data-harvest-id="${g.id}"><td>${g.name} <span class="meta">(Harvest ${g.id})</span></td><td>${g.days}</td><td>${hours(g.minutes)}</td>
    <td class="hide-narrow">${g.others.slice(0, 8).join(", ")}${g.others.length > 8 ? ` and ${g.others.length - 8} more` : ""}</td></tr>`,
  )}</tbody></table></div>`;

const section = (id: string, title: string, reason: string | null, body: Safe, count: number) =>
  html`<section class="card" id="${id}"><h2>${title} <span class="badge">${count}</span></h2>${
    words(reason).action ? html`<p class="help">${words(reason).action}</p>` : ""
  }${body}</section>`;

/** The actual items of one reason, grouped by person or project from the run's record (or listed). */
const timeBody = (
  m: RunModel,
  reason: string,
  by: "person" | "project",
): { body: Safe; count: number } | null => {
  const items = m.items.filter((i) => i.kind === "actual" && i.reason === reason);
  if (items.length === 0) return null;
  if (m.names === null)
    return {
      body: html`<ul>${items.slice(0, 200).map((i) => html`<li>${i.label}</li>`)}</ul>`,
      count: items.length,
    };
  const groups = groupTime(m.names, reason, by);
  return { body: groupTable(groups, by), count: groups.length };
};

/** Held time of one reason, grouped, as its own section. */
const timeSection = (m: RunModel, reason: string, id: string, title: string, by: "person" | "project") => {
  const t = timeBody(m, reason, by);
  return t === null ? "" : section(id, title, reason, t.body, t.count);
};

const duplicates = (m: RunModel, csrf: string) => {
  const open = m.items.filter(
    (i) =>
      i.reason === "possible_duplicate" &&
      i.kind !== "actual" &&
      i.outcome === "held" &&
      i.harvestId !== null &&
      !m.settled.has(`${i.kind}:${i.harvestId}`),
  );
  if (open.length === 0) return "";
  const base = `/ui/connections/${seg(m.run.connectionId)}`;
  const rows = open.map((i) => {
    const kind = i.kind as "client" | "project" | "person";
    const back = html`<input type="hidden" name="runId" value="${m.run.id}">`;
    return html`<tr class="duplicate" data-kind="${kind}" data-harvest-id="${i.harvestId}"><td>${kind}</td><td>${i.label}</td><td class="hide-narrow">${i.harvestId}</td><td class="hide-narrow">${i.runnId ?? "—"}</td>
    <td><div class="row">${
      i.runnId === null
        ? ""
        : html`<form class="inline" method="post" action="${base}/link">${csrfField(csrf)}${back}<input type="hidden" name="kind" value="${kind}">
      <input type="hidden" name="runnId" value="${i.runnId}"><input type="hidden" name="harvestId" value="${i.harvestId}">
      <button type="submit" aria-label="Link Harvest ${kind} ${i.label} to Runn ${kind} ${i.runnId}">Link</button></form>`
    }<form class="inline" method="post" action="${base}/ignore">${csrfField(csrf)}${back}<input type="hidden" name="kind" value="${kind}">
      <input type="hidden" name="harvestId" value="${i.harvestId}"><button type="submit" class="secondary" aria-label="Do not import Harvest ${kind} ${i.label}">Ignore</button></form></div></td></tr>`;
  });
  return section(
    "possible-duplicates",
    "Possible duplicates",
    "possible_duplicate",
    html`<div class="scroll"><table><thead><tr><th>Kind</th><th>Name in Harvest</th><th class="hide-narrow">Harvest id</th><th class="hide-narrow">Runn id</th><th></th></tr></thead><tbody>${rows}</tbody></table></div>`,
    open.length,
  );
};

/** Reasons with a section of their own: (reason, section id, title, group by). */
const sections = [
  ["unknown_role", "unknown-role", "People whose role is Unknown", "person"],
  ["possible_duplicate", "duplicate-time", "Time waiting on a possible duplicate", "person"],
  ["person_not_linked", "people-not-in-runn", "People not in Runn", "person"],
  ["project_not_linked", "projects-not-in-runn", "Projects not in Runn", "project"],
] as const;

const ownSection = new Set<string>(sections.map(([r]) => r));

const otherReasons = (m: RunModel) => {
  const rest = m.items.filter(
    (i) =>
      (i.outcome === "held" || i.outcome === "skipped") &&
      !(ownSection.has(i.reason ?? "") && (i.kind === "actual" || i.reason === "possible_duplicate")),
  );
  const reasons = [...new Set(rest.map((i) => i.reason))].sort((a, b) =>
    words(a).label.localeCompare(words(b).label),
  );
  if (reasons.length === 0) return "";
  return html`<section class="card" id="other-reasons"><h2>Other items held or skipped</h2>${reasons.map(
    (r) => {
      const list = rest.filter((i) => i.reason === r);
      const records = list.filter((i) => i.kind !== "actual");
      const time = r === null ? null : timeBody(m, r, "person");
      return html`<details class="reason" data-reason="${r ?? ""}"><summary><strong>${words(r).label}</strong>: ${list.length}</summary>
    ${words(r).action ? html`<p class="help">${words(r).action}</p>` : ""}${
      records.length > 0
        ? html`<ul>${records.slice(0, 200).map((i) => html`<li>${i.kind}: ${i.label}</li>`)}</ul>`
        : ""
    }${time === null ? "" : time.body}</details>`;
    },
  )}</section>`;
};

const created = (m: RunModel) => {
  const made = m.items.filter((i) => i.outcome === "created" || i.outcome === "linked");
  const written = m.items.filter((i) => i.outcome === "written").length;
  const deleted = m.items.filter((i) => i.outcome === "deleted").length;
  if (made.length === 0 && written === 0 && deleted === 0) return "";
  return html`<section class="card" id="changes"><h2>What it changed in Runn</h2>
  ${written + deleted > 0 ? html`<p>${written} actuals written${deleted > 0 ? `, ${deleted} removed` : ""}.</p>` : ""}
  ${
    made.length > 0
      ? html`<div class="scroll"><table><thead><tr><th>What</th><th>Kind</th><th class="hide-narrow">Harvest id</th><th class="hide-narrow">Runn id</th></tr></thead><tbody>${made
          .slice(0, 300)
          .map(
            (i) =>
              html`<tr><td>${i.outcome} ${i.label}</td><td>${i.kind}</td><td class="hide-narrow">${i.harvestId ?? ""}</td><td class="hide-narrow">${i.runnId ?? ""}</td></tr>`,
          )}</tbody></table></div>${
          made.length > 300 ? html`<p class="meta">and ${made.length - 300} more</p>` : ""
        }`
      : ""
  }</section>`;
};

const failures = (items: ReadonlyArray<Item>) => {
  const failed = items.filter((i) => i.outcome === "failed");
  if (failed.length === 0) return "";
  return html`<section class="card" id="failed-items"><h2>Writes that failed <span class="badge">${failed.length}</span></h2><p class="help">The next run completes them without duplicates.</p>
  <ul>${failed.slice(0, 200).map((i) => html`<li>${i.kind} ${i.label}: ${i.error ?? "failed"}</li>`)}</ul></section>`;
};

const undo = (m: RunModel, csrf: string) => {
  const madeHere = m.items.filter(
    (i) => i.outcome === "created" && i.kind !== "role" && i.harvestId !== null,
  );
  const undone = madeHere.every((i) => m.settled.has(`${i.kind}:${i.harvestId}`));
  if (m.run.status === "running" || m.run.dryRun || madeHere.length === 0 || undone) return "";
  const action = `/ui/connections/${seg(m.run.connectionId)}/runs/${seg(m.run.id)}/undo`;
  return html`<section class="card" id="undo"><h2>Undo this import</h2><p class="help">Removes the ${madeHere.length} records this run created where Runn allows it (people with assignments or actuals stay), and keeps them from being imported again.</p>
  <div class="row"><form class="inline" method="post" action="${action}">${csrfField(csrf)}<input type="hidden" name="dryRun" value="true"><button type="submit" class="secondary">Preview the undo</button></form>
  <form class="inline" method="post" action="${action}">${csrfField(csrf)}<input type="hidden" name="dryRun" value="false"><button type="submit" class="danger" data-run${m.status.running ? html` disabled` : ""}>Undo the import</button></form></div></section>`;
};

/** The run page body. */
export const render = (m: RunModel, csrf: string, statusText: string): Safe => {
  const r = m.run;
  const projectName = (id: number) => m.names?.projects[String(id)];
  const counts = (Object.entries(r.counts) as ReadonlyArray<[string, number]>).filter(([, n]) => n > 0);
  return html`<h1>Run of ${when(r.startedAt)} ${statusBadge(r.status)}</h1>
  <p id="live-status" class="meta" aria-live="polite">${statusText}</p>
  ${r.status === "failed" && r.error ? html`<div class="flash error" role="alert" id="run-error"><p>This run failed: ${errorText(r.error)}</p></div>` : ""}
  <section class="card"><p>Started by ${triggerLabel(r.trigger)} · ${scopeText(r.scope, projectName)}${r.dryRun ? " · dry run" : ""} · ${duration(r)}${
    r.endedAt ? ` · ended ${when(r.endedAt)}` : ""
  }</p><ul class="counts" aria-label="Items by outcome">${
    counts.length === 0
      ? html`<li>${countsText(r)}</li>`
      : counts.map(([k, n]) => html`<li><strong>${n}</strong> ${k}</li>`)
  }</ul>${m.truncated ? html`<p class="meta">Showing the first ${m.items.length} items.</p>` : ""}</section>
  ${timeSection(m, ...sections[0])}${duplicates(m, csrf)}${sections.slice(1).map(([r, id, title, by]) => timeSection(m, r, id, title, by))}
  ${otherReasons(m)}${failures(m.items)}${created(m)}${undo(m, csrf)}`;
};
