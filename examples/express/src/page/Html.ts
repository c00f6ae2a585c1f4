/**
 * Server-rendered HTML with escaping by default: every interpolated value is escaped unless it is
 * itself the result of `html` (or `raw`), so data from Harvest, Runn or the store never becomes markup.
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

const style = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d232b}
header{background:#1d3a5f;color:#fff;padding:.8rem 1.5rem;display:flex;justify-content:space-between;align-items:center}
header h1{font-size:1.2rem;margin:0}main{padding:1rem 1.5rem;max-width:1200px}
section.conn{background:#fff;border:1px solid #d8dde3;border-radius:6px;padding:1rem 1.2rem;margin-bottom:1.5rem}
h2{margin:.2rem 0 .6rem}h3{margin:1.1rem 0 .4rem;font-size:1.02rem}
table{border-collapse:collapse;width:100%;margin:.3rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e5e8ec;vertical-align:top}
th{background:#f0f2f5;font-weight:600}button{background:#1f6feb;color:#fff;border:0;border-radius:4px;padding:.3rem .7rem;cursor:pointer}
button.secondary{background:#57606a}form.inline{display:inline;margin:0}input{padding:.25rem .4rem}
.meta{color:#57606a;font-size:.9rem}.flash{background:#fff8c5;border:1px solid #d4a72c;padding:.5rem .8rem;border-radius:4px;margin-bottom:1rem}
.st-succeeded{color:#1a7f37}.st-partial{color:#9a6700}.st-failed{color:#cf222e}.st-running{color:#0969da}
.empty{color:#57606a;font-style:italic}details{margin:.2rem 0}code{font-size:.85rem}
.login{max-width:360px;margin:4rem auto;background:#fff;border:1px solid #d8dde3;border-radius:6px;padding:1.5rem}
.login input{width:100%;box-sizing:border-box;margin:.4rem 0 .8rem}`;

/** A whole page; `refresh` reloads it every few seconds (while a run is in progress). */
export const page = (title: string, body: Safe, options: { readonly refresh?: boolean } = {}): string =>
  `<!doctype html>${
    html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">${
      options.refresh ? raw('<meta http-equiv="refresh" content="2">') : ""
    }<title>${title}</title><style>${raw(style)}</style></head><body>${body}</body></html>`.value
  }`;
