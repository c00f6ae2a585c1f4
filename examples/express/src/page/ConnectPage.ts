/**
 * The sign-in form and the connect form: Harvest token, account id and User-Agent contact, Runn token
 * and region. Connecting runs the same checks as `connect` and `doctor` (SPEC C2); tokens are never shown
 * again (the form is re-shown without them after a refusal).
 */
import { csrfField, html, type Safe } from "./Html.ts";

/** The sign-in form (its CSRF token is bound to a cookie until a session exists). */
export const signIn = (csrf: string, message: string | null): Safe =>
  html`<div class="login card"><h1>Sign in</h1><p>Use the API key of this server (<code>HARVEST_RUNN_API_KEY</code>).</p>
  ${message ? html`<div class="flash error" role="alert"><p>${message}</p></div>` : ""}
  <form method="post" action="/login">${csrfField(csrf)}<div class="field"><label for="key">API key</label>
  <input type="password" id="key" name="key" autocomplete="current-password" required autofocus></div>
  <p><button type="submit">Sign in</button></p></form></div>`;

/** Runn's regions and their API base URLs (SPEC C1). */
export const regions = [
  { id: "eu", label: "Europe (api.runn.io)", url: "https://api.runn.io" },
  { id: "us", label: "United States (api.us.runn.io)", url: "https://api.us.runn.io" },
] as const;

/** What the form keeps after a refusal: everything but the tokens. */
export interface ConnectValues {
  readonly name: string;
  readonly accountId: string;
  readonly userAgent: string;
  readonly region: string;
  readonly runnBaseUrl: string;
}

/** An empty form. */
export const emptyValues: ConnectValues = {
  name: "",
  accountId: "",
  userAgent: "",
  region: "eu",
  runnBaseUrl: "",
};

const text = (
  id: string,
  label: string,
  value: string,
  help: string,
  extra: { readonly type?: string; readonly required?: boolean; readonly inputmode?: string } = {},
) => html`<div class="field"><label for="${id}">${label}</label>
  <input type="${extra.type ?? "text"}" id="${id}" name="${id}" value="${value}"${extra.required === false ? "" : html` required`}${
    extra.inputmode ? html` inputmode="${extra.inputmode}"` : ""
  } autocomplete="off" aria-describedby="${id}-help"><p class="help" id="${id}-help">${help}</p></div>`;

/** The connect page: the form, and the refusal in words when the checks failed. */
export const connect = (
  csrf: string,
  values: ConnectValues,
  error: string | null,
  hasConnections: boolean,
): Safe =>
  html`<h1>Connect Harvest to Runn</h1>
  <p>Both sides are checked before anything is saved: the Harvest token and account, its access role, the Runn token, its region and that it may write. Tokens are stored encrypted and never shown again.</p>
  ${error ? html`<div class="flash error" role="alert" id="connect-error"><p>Not connected: ${error}</p></div>` : ""}
  <form method="post" action="/ui/connect" class="card">${csrfField(csrf)}
  <div class="grid">${text("name", "Connection name", values.name, "How this connection is listed, e.g. your company's name.")}</div>
  <h2>Harvest</h2><div class="grid">
  ${text("harvestToken", "Personal access token", "", "From Harvest › Developers › Personal access tokens. An administrator's token sees everyone.", { type: "password" })}
  ${text("accountId", "Account id", values.accountId, "Shown beside the token in Harvest (a number).", { inputmode: "numeric" })}
  ${text("userAgent", "Contact for Harvest (User-Agent)", values.userAgent, 'Harvest asks for an app name and an email, e.g. "Acme sync (ops@acme.com)".')}
  </div><h2>Runn</h2><div class="grid">
  ${text("runnToken", "API token", "", "From Runn › Settings › API. It needs write access.", { type: "password" })}
  <div class="field"><label for="region">Region</label><select id="region" name="region">${regions.map(
    (r) => html`<option value="${r.id}"${values.region === r.id ? html` selected` : ""}>${r.label}</option>`,
  )}</select><p class="help">Where your Runn account lives; a token of the other region is refused.</p></div>
  ${text("runnBaseUrl", "Other API address (optional)", values.runnBaseUrl, "Only for a test server; leave empty to use the region.", { required: false })}
  </div><p class="row"><button type="submit">Check and connect</button>${hasConnections ? html`<a href="/">Cancel</a>` : ""}</p></form>`;
