/**
 * The sandbox, for `demo` only: loaded on demand, so other commands never load the simulators (static
 * named imports let the bundler keep only the server and its clock).
 */
import { SandboxClock, SandboxServer } from "@harvest-runn/sandbox";

/** What the demo asks of its sandbox. */
export interface DemoSandboxOptions {
  readonly preset: "tiny" | "small" | "large";
  readonly seed: number;
  readonly timeScale: number;
  /** A pinned today (its clock then stays at 18:00 UTC of that day); else the clock reads real time. */
  readonly anchorDate: string | undefined;
}

/**
 * Starts the simulated Harvest and Runn APIs on loopback with Runn data already in it. Without an
 * anchor date its data clock starts at this machine's time and runs on, so a correct clock gets no
 * skew warning.
 */
export const start = async (o: DemoSandboxOptions): Promise<SandboxServer.RunningSandbox> => {
  const real = o.anchorDate === undefined ? SandboxClock.realTimeStart(Date.now()) : undefined;
  const sb = await SandboxServer.startSandbox({
    port: 0,
    seed: o.seed,
    preset: o.preset,
    timeScale: o.timeScale,
    runnData: "existing",
    ...(real === undefined
      ? o.anchorDate === undefined
        ? {}
        : { anchorDate: o.anchorDate }
      : { anchorDate: real.anchorDate, clock: "real" as const }),
  });
  if (real !== undefined) sb.sandbox.advance(real.advanceMs);
  return sb;
};
