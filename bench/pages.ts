/**
 * Benchmark of the Express host's pages with Harvest and Runn down (DESIGN.md budgets): a host over an
 * SQLite file store and the sandbox, one full sync recorded, then the sandbox answers 500 to everything
 * and each page is fetched with a signed-in session. Pages read the store only, so they still render.
 *
 *   pnpm bench:pages [--preset tiny|small] [--samples N]     (default small, 30 samples per page)
 *
 * Budget: every page renders in ≤ 100 ms (median) with both APIs down. The last lines printed are one
 * JSON object per page: {"page","status","medianMs","p95Ms","maxMs","bytes"}.
 */
import { apiKey, startHost } from "../examples/express/test/support/Host.ts";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const preset = (arg("preset") ?? "small") as "tiny" | "small";
if (preset !== "tiny" && preset !== "small") throw new Error(`--preset must be tiny or small, got ${preset}`);
const samples = Number(arg("samples") ?? 30);
if (!Number.isInteger(samples) || samples <= 0) throw new Error("--samples must be a positive integer");

const host = await startHost({ preset });
try {
  await host.connect("bench", { switches: { actuals: true } });
  const started = await host.api("POST", "/connections/bench/sync");
  if (started.status !== 202) throw new Error(`sync did not start: ${started.status}`);
  const runId = started.json.runId as string;
  const run = await host.waitForRun("bench", runId);
  console.log(`sync ${run.summary.status}: ${JSON.stringify(run.summary.counts)}`);

  // Sign in like a browser: the login form's CSRF cookie, then the key.
  const first = await fetch(`${host.base}/`);
  const loginCookie =
    first.headers
      .getSetCookie()
      .find((c) => c.startsWith("hr_login="))
      ?.split(";")[0] ?? "";
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())?.[1] ?? "";
  const signedIn = await fetch(`${host.base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: loginCookie },
    body: new URLSearchParams({ _csrf: csrf, key: apiKey }).toString(),
  });
  const session = signedIn.headers
    .getSetCookie()
    .find((c) => c.startsWith("hr_session="))
    ?.split(";")[0];
  if (session === undefined) throw new Error(`sign-in failed: ${signedIn.status}`);

  await fetch(`${host.sb.info.control}/faults`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ serverError: 1 }),
  });

  const pages = {
    home: "/",
    connection: "/ui/connections/bench",
    runs: "/ui/connections/bench/runs",
    run: `/ui/connections/bench/runs/${runId}`,
    live: "/ui/connections/bench/live",
  };
  const results = [];
  for (const [name, path] of Object.entries(pages)) {
    const times: Array<number> = [];
    let status = 0;
    let bytes = 0;
    for (let i = 0; i < samples + 3; i++) {
      const t0 = performance.now();
      const res = await fetch(`${host.base}${path}`, { headers: { cookie: session } });
      const body = await res.text();
      const ms = performance.now() - t0;
      status = res.status;
      bytes = body.length;
      if (status !== 200) throw new Error(`${name}: ${status} with the APIs down`);
      if (i >= 3) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
    results.push({ page: name, status, medianMs: at(0.5), p95Ms: at(0.95), maxMs: at(1), bytes });
  }
  console.log(
    `pages with Harvest and Runn answering 500 (preset ${preset}, ${samples} samples; budget: median ≤ 100 ms)`,
  );
  for (const r of results) console.log(JSON.stringify(r));
} finally {
  await host.close();
}
