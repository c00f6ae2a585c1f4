/**
 * Server-rendered HTML with escaping by default: every interpolated value is escaped unless it is
 * itself the result of `html` (or `raw`), so data from Harvest, Runn or the store never becomes markup.
 * A tagged template of a few lines does what a template engine would here, with types and no new
 * syntax (see the README); `layout` is the shell every page shares.
 */

/** Markup that is already safe. */
export class Safe {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for HTML content and quoted attribute values. */
export const escapeHtml = (s: string): string =>
  s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");

/** What can be interpolated: text (escaped), safe markup, lists of either, or nothing. */
export type Part = Safe | string | number | boolean | null | undefined | ReadonlyArray<Part>;

const render = (v: Part): string => {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Safe) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  return escapeHtml(String(v));
};

/** The HTML template tag: escapes every interpolation that is not already `Safe`. */
export const html = (strings: TemplateStringsArray, ...values: ReadonlyArray<Part>): Safe =>
  new Safe(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i] as Part) : ""), ""));

/** Marks a constant string as markup (never pass data here). */
export const raw = (s: string): Safe => new Safe(s);

/** A path segment, percent-encoded. */
export const seg = (s: string | number): string => encodeURIComponent(String(s));

/** What the shell of a page shows around its body. */
export interface Shell {
  readonly title: string;
  /** Breadcrumb links, outermost first; the last one is the current page (not a link). */
  readonly crumbs?: ReadonlyArray<{ readonly label: string; readonly href: string }>;
  /** The one-shot notice after a form post, shown first in `<main>` where the eye lands. */
  readonly notice?: string | null;
  /** The session's CSRF token (for the sign-out form); absent on the sign-in page. */
  readonly csrf?: string;
  /**
   * The status URL the live script polls, whether a run is active now, and the latest run as rendered
   * (the script reloads when it changes).
   */
  readonly live?: {
    readonly url: string;
    readonly busy: boolean;
    readonly runId: string | null;
    readonly runStatus: string | null;
  };
}

const noticeBlock = (notice: string) => {
  const [first, ...rest] = notice.split("\n");
  return html`<div class="flash" role="status" id="notice" tabindex="-1"><p>${first}</p>${
    rest.length > 0 ? html`<ul>${rest.map((l) => html`<li>${l}</li>`)}</ul>` : ""
  }</div>`;
};

/** A whole page: header with breadcrumbs and sign-out, the notice, the body; CSS and script are files. */
export const layout = (shell: Shell, body: Safe): string => {
  const crumbs = shell.crumbs ?? [];
  const nav = crumbs.map((c, i) =>
    i === crumbs.length - 1
      ? html`<li aria-current="page">${c.label}</li>`
      : html`<li><a href="${c.href}">${c.label}</a></li>`,
  );
  return `<!doctype html>${
    html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${shell.title}</title><link rel="stylesheet" href="/assets/app.css"><script src="/assets/live.js" defer></script></head>
<body${
      shell.live
        ? html` data-live="${shell.live.url}" data-busy="${String(shell.live.busy)}" data-run-id="${shell.live.runId ?? ""}" data-run-status="${shell.live.runStatus ?? ""}"`
        : ""
    }>
<header><a class="brand" href="/">harvest-runn</a>${
      shell.csrf === undefined
        ? ""
        : html`<form class="inline" method="post" action="/logout"><input type="hidden" name="_csrf" value="${shell.csrf}"><button type="submit" class="link">Sign out</button></form>`
    }</header>
${crumbs.length > 0 ? html`<nav aria-label="Breadcrumb"><ol class="crumbs">${nav}</ol></nav>` : ""}
<main>${shell.notice ? noticeBlock(shell.notice) : ""}${body}</main></body></html>`.value
  }`;
};

/** The hidden CSRF field every form carries. */
export const csrfField = (csrf: string): Safe => html`<input type="hidden" name="_csrf" value="${csrf}">`;
