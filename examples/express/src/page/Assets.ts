/**
 * The pages' stylesheet and their one small script, served as files so the CSP allows no inline code.
 * The script polls the connection's status endpoint (every second while a run is queued or running,
 * else every five; bounded), updates the status line, disables run buttons while a run holds the lease,
 * and reloads when the latest run or its status changed. Pages work without it: buttons are disabled
 * at render time and a reload shows the result.
 */

/** `/assets/app.css`. */
export const css = `
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f5f6f8;color:#1d232b}
a{color:#0b5cd5}header{background:#1d3a5f;color:#fff;padding:.7rem 1rem;display:flex;justify-content:space-between;align-items:center;gap:1rem}
header .brand{color:#fff;font-weight:700;text-decoration:none;font-size:1.1rem}
nav .crumbs{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem;margin:0;padding:.6rem 1rem;font-size:.9rem;background:#e9edf2}
nav .crumbs li+li::before{content:"›";margin-right:.3rem;color:#57606a}
main{padding:1rem;max-width:1100px;margin:0 auto}
h1{font-size:1.45rem;margin:.3rem 0 .8rem}h2{font-size:1.15rem;margin:0 0 .6rem}h3{font-size:1rem;margin:1rem 0 .4rem}
.card{background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:1rem;margin-bottom:1rem}
.help{color:#57606a;font-size:.88rem;margin:.15rem 0 0}
.row{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:.8rem 1.2rem}
.field{display:flex;flex-direction:column;gap:.2rem}.field label{font-weight:600}
input[type=text],input[type=password],input[type=time],input[type=number],select,textarea{font:inherit;padding:.4rem .5rem;border:1px solid #b7bfc9;border-radius:5px;max-width:100%;width:100%}
button{font:inherit;background:#1f6feb;color:#fff;border:0;border-radius:6px;padding:.45rem .9rem;cursor:pointer;min-height:2.2rem}
button.secondary{background:#57606a}button.danger{background:#b42318}button.link{background:none;color:inherit;text-decoration:underline;padding:0;min-height:0}
button:disabled{background:#a9b3be;cursor:not-allowed}
form.inline{display:inline}
.switch{display:flex;align-items:flex-start;gap:.7rem;padding:.55rem 0;border-bottom:1px solid #eef0f3}
.switch input{appearance:none;width:2.6rem;height:1.45rem;border-radius:1rem;background:#b7bfc9;position:relative;flex:none;cursor:pointer;margin:.1rem 0 0}
.switch input::after{content:"";position:absolute;top:.15rem;left:.15rem;width:1.15rem;height:1.15rem;border-radius:50%;background:#fff;transition:left .15s}
.switch input:checked{background:#1a7f37}.switch input:checked::after{left:1.3rem}
.switch input:focus-visible{outline:3px solid #0b5cd5;outline-offset:2px}
.switch .what{flex:1}.switch .last{color:#57606a;font-size:.88rem}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:.3rem 0}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e5e8ec;vertical-align:top}th{background:#f0f2f5;font-weight:600}
.flash{background:#fff8c5;border:1px solid #d4a72c;padding:.6rem .9rem;border-radius:6px;margin-bottom:1rem}.flash p{margin:0}.flash ul{margin:.3rem 0 0;padding-left:1.2rem}
.error{background:#ffebe9;border-color:#cf222e}
.badge{display:inline-block;border-radius:1rem;padding:0 .55rem;font-size:.85rem;font-weight:600;background:#eef0f3}
.st-succeeded{color:#1a7f37}.st-partial{color:#9a6700}.st-failed{color:#cf222e}.st-running{color:#0969da}
.empty{color:#57606a;font-style:italic}.meta{color:#57606a;font-size:.9rem}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}.counts li{background:#eef0f3;border-radius:6px;padding:.3rem .6rem}
.spaced{margin-top:1rem}input.narrow{width:10rem}
.card h2:not(:first-child){margin-top:1.1rem}
.pager{display:flex;gap:1rem;margin-top:.6rem}
.login{max-width:380px;margin:3rem auto}
@media (max-width:600px){main{padding:.6rem}.card{padding:.8rem}th,td{padding:.35rem}.hide-narrow{display:none}}
`;

/** `/assets/live.js`. */
export const js = `"use strict";
(() => {
  const data = document.body.dataset;
  if (!data.live) return;
  const rendered = (data.runId || "") + "|" + (data.runStatus || "");
  let active = data.busy === "true";
  let polls = 0;
  const apply = (s) => {
    const line = document.getElementById("live-status");
    if (line) line.textContent = s.text;
    for (const b of document.querySelectorAll("button[data-run]")) b.disabled = s.running;
  };
  const tick = async () => {
    polls += 1;
    if (polls > 1200) return;
    try {
      const res = await fetch(data.live, { headers: { accept: "application/json" }, credentials: "same-origin" });
      if (res.ok) {
        const s = await res.json();
        apply(s);
        if ((s.runId || "") + "|" + (s.runStatus || "") !== rendered) return location.reload();
        active = s.running || s.runStatus === "running" || s.runStatus === "queued";
      }
    } catch (_) {}
    setTimeout(tick, active ? 1000 : 5000);
  };
  setTimeout(tick, active ? 1000 : 5000);
})();
`;
