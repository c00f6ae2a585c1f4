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
