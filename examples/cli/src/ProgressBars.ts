/**
 * Renders `Sync`'s progress events on stderr: on a TTY one row per phase with its elapsed time (a bar
 * with rate and ETA for phases of many steps, no bar for single-step ones); otherwise one plain line
 * per phase; nothing under `--json`.
 */
import { Progress } from "@harvest-runn/sync";
import { MultiBar, type SingleBar } from "cli-progress";
import { Effect, type Layer } from "effect";
import * as Render from "./Render.ts";

/** What one phase has done so far, for display. */
export interface PhaseState {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
  readonly startedMs: number;
  /** What a phase without steps is doing (the load: lists and records read so far). */
  readonly note?: string;
}

/** Steps per second so far, e.g. `42/s` (empty before the first step or its first second). */
export const rate = (s: PhaseState, nowMs: number): string => {
  const seconds = (nowMs - s.startedMs) / 1000;
  if (s.done === 0 || seconds < 1) return "";
  const perSecond = s.done / seconds;
  return perSecond >= 10 ? `${Math.round(perSecond)}/s` : `${perSecond.toFixed(1)}/s`;
};

/** Time left at the rate so far, e.g. `ETA 2 min 5 s` (empty when it cannot be told yet). */
export const eta = (s: PhaseState, nowMs: number): string => {
  const elapsed = nowMs - s.startedMs;
  if (s.done === 0 || s.total <= s.done || elapsed < 1000) return "";
  return `ETA ${Render.duration(((s.total - s.done) * elapsed) / s.done)}`;
};

/** The text after the phase name on its row: count, rate, ETA and elapsed time. */
export const detail = (s: PhaseState, nowMs: number, finished: boolean): string => {
  const elapsed = Render.duration(nowMs - s.startedMs);
  const note = s.note === undefined ? "" : `${s.note}  `;
  if (s.total <= 1) return finished ? `done   ${note}${elapsed}` : `…      ${note}${elapsed}`;
  const parts = [`${s.done}/${s.total}`, rate(s, nowMs), finished ? "" : eta(s, nowMs), elapsed];
  return parts.filter((p) => p !== "").join("  ");
};

const pad = 14;

const noteOf = (e: Progress.ProgressEvent) => (e.note === undefined ? {} : { note: e.note });

/** A progress layer and a `stop` that finishes the display. */
export const make = (mode: "bars" | "lines" | "off") => {
  if (mode === "off") return { layer: Progress.layerNoop, stop: Effect.void };
  const runStarted = Date.now();
  if (mode === "lines") {
    let last = "";
    return {
      layer: Progress.layerCallback((e) => {
        if (e.phase === last) return;
        last = e.phase;
        const size = e.total > 1 ? `: ${Render.plural(e.total, "step")}` : "";
        const note = e.note === undefined ? "" : `: ${e.note}`;
        process.stderr.write(`… ${e.phase}${size}${note} (at ${Render.duration(Date.now() - runStarted)})\n`);
      }),
      stop: Effect.void,
    };
  }
  const multi = new MultiBar({
    stream: process.stderr,
    format: " {phase} {bar} {detail}",
    barCompleteChar: "█",
    barIncompleteChar: "░",
    hideCursor: true,
    clearOnComplete: false,
    stopOnComplete: false,
    barsize: 24,
    fps: 5,
    autopadding: true,
  });
  /** A phase's row; `endedMs` is set once the phase is over, which freezes its elapsed time. */
  interface Row {
    readonly bar: SingleBar;
    state: PhaseState;
    endedMs: number | undefined;
  }
  const rows = new Map<string, Row>();
  const finish = (row: Row) => {
    row.endedMs ??= Date.now();
  };
  const refresh = (finishAll: boolean) => {
    const now = Date.now();
    for (const row of rows.values()) {
      if (finishAll) finish(row);
      const single = row.state.total <= 1;
      row.bar.update(single ? 0 : row.state.done, {
        phase: row.state.phase.padEnd(pad),
        detail: detail(row.state, row.endedMs ?? now, row.endedMs !== undefined),
      });
    }
  };
  // Keeps elapsed times moving while a phase reports nothing new.
  const ticker = setInterval(() => refresh(false), 500);
  ticker.unref();
  const layer: Layer.Layer<Progress.Progress> = Progress.layerCallback((e) => {
    const total = Math.max(e.total, e.done, 1);
    let row = rows.get(e.phase);
    if (row === undefined) {
      for (const other of rows.values()) finish(other);
      const state = { phase: e.phase, done: e.done, total, startedMs: Date.now(), ...noteOf(e) };
      const format = total <= 1 ? " {phase} {detail}" : " {phase} {bar} {detail}";
      const bar = multi.create(total, e.done, { phase: e.phase.padEnd(pad), detail: "" }, { format });
      row = { bar, state, endedMs: undefined };
      rows.set(e.phase, row);
    } else {
      row.state = { ...row.state, done: e.done, total, ...noteOf(e) };
      row.bar.setTotal(total);
    }
    if (e.done >= total) finish(row);
    refresh(false);
  });
  return {
    layer,
    stop: Effect.sync(() => {
      clearInterval(ticker);
      refresh(true);
      multi.stop();
    }),
  };
};

/** The mode for this process: bars on a TTY, lines otherwise, off under `--json`. */
export const modeFor = (asJson: boolean): "bars" | "lines" | "off" =>
  asJson ? "off" : process.stderr.isTTY === true ? "bars" : "lines";
