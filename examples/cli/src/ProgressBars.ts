/**
 * Renders `Sync`'s progress events: bars on stderr when it is a TTY, one plain line per phase
 * otherwise, nothing under `--json`.
 */
import { Progress } from "@harvest-runn/sync";
import { MultiBar, Presets, type SingleBar } from "cli-progress";
import { Effect, type Layer } from "effect";

/** A progress layer and a `stop` that finishes the bars. */
export const make = (mode: "bars" | "lines" | "off") => {
  if (mode === "off") return { layer: Progress.layerNoop, stop: Effect.void };
  if (mode === "lines") {
    let last = "";
    return {
      layer: Progress.layerCallback((e) => {
        if (e.phase === last) return;
        last = e.phase;
        process.stderr.write(`… ${e.phase}${e.total > 0 ? ` (${e.total})` : ""}\n`);
      }),
      stop: Effect.void,
    };
  }
  const multi = new MultiBar(
    {
      stream: process.stderr,
      format: " {phase} [{bar}] {value}/{total}",
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      barsize: 30,
    },
    Presets.shades_classic,
  );
  const bars = new Map<string, SingleBar>();
  const layer: Layer.Layer<Progress.Progress> = Progress.layerCallback((e) => {
    const total = Math.max(e.total, e.done, 1);
    const bar = bars.get(e.phase);
    if (bar === undefined) {
      bars.set(e.phase, multi.create(total, e.done, { phase: e.phase.padEnd(13) }));
    } else {
      bar.setTotal(total);
      bar.update(e.done);
    }
  });
  return { layer, stop: Effect.sync(() => multi.stop()) };
};

/** The mode for this process: bars on a TTY, lines otherwise, off under `--json`. */
export const modeFor = (asJson: boolean): "bars" | "lines" | "off" =>
  asJson ? "off" : process.stderr.isTTY === true ? "bars" : "lines";
