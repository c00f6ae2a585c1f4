/** Time for the sandbox: an injectable wall clock (rate-limit windows, latency) and the data clock's mode. */

/** How the data clock moves: `frozen` only by control-API advances, `real` also with the wall clock. */
export type DataClock = "frozen" | "real";

/** The wall clock the sandbox measures rate-limit windows and latency with. */
export interface SandboxClock {
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** The process clock. */
export const systemClock: SandboxClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A manual clock for tests: time moves only when `advance` is called; sleeping advances it. */
export const manualClock = (startMs = 0): SandboxClock & { advance: (ms: number) => void } => {
  let t = startMs;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
};

/** The data clock's anchor instant on a day: 18:00 UTC, where generated data ends. */
const anchorHourUtc = 18;

/**
 * Where a `real` data clock starts so that it reads the wall clock `wallMs` exactly: the latest day
 * whose anchor instant (18:00 UTC) has passed, moved forward by the time since. Every generated record
 * then lies in the past, and a machine with a correct clock measures no skew against the sandbox.
 */
export const realTimeStart = (
  wallMs: number,
): { readonly anchorDate: string; readonly advanceMs: number } => {
  const anchorMs = wallMs - anchorHourUtc * 3_600_000;
  const anchorDate = new Date(anchorMs).toISOString().slice(0, 10);
  return { anchorDate, advanceMs: wallMs - (Date.parse(anchorDate) + anchorHourUtc * 3_600_000) };
};
