/** A connection's run history: newest first, paged, each run linking to its own page. */
import { runsTable } from "./ConnectionPage.ts";
import { html, type Safe, seg } from "./Html.ts";
import type { RunsModel } from "./Model.ts";

/** The run history body. */
export const render = (m: RunsModel, before: number | undefined, statusText: string): Safe => {
  const id = m.status.connection.id;
  return html`<h1>Runs of ${m.status.connection.name}</h1><p id="live-status" class="meta" aria-live="polite">${statusText}</p>
  <section class="card">${runsTable(id, m.runs)}
  <div class="pager">${before === undefined ? "" : html`<a href="/ui/connections/${seg(id)}/runs">Newest runs</a>`}${
    m.next === null
      ? ""
      : html`<a href="/ui/connections/${seg(id)}/runs?before=${m.next}" rel="next">Older runs</a>`
  }</div></section>`;
};
