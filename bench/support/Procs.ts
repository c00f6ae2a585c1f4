/**
 * CPU time and peak RSS of child processes, read from Linux's `/proc` while they run (a process killed
 * with SIGKILL reports nothing itself). Sampled every 200 ms; the last sample of a process that ended
 * stands, so a figure may miss up to one interval of CPU.
 */
import { readFileSync } from "node:fs";

/** What was seen of one process. */
export interface Usage {
  cpuMs: number;
  peakRssMb: number;
}

/** Clock ticks per second of `/proc/<pid>/stat` (USER_HZ, 100 on Linux builds in use). */
const ticksPerSecond = 100;

const sample = (pid: number, into: Usage) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at ") ": utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (Number.isFinite(ticks)) into.cpuMs = Math.max(into.cpuMs, (ticks * 1000) / ticksPerSecond);
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    if (hwm) into.peakRssMb = Math.max(into.peakRssMb, Math.round(Number(hwm[1]) / 1024));
  } catch {
    // The process has ended: its last sample stands.
  }
};

/** Watches processes by pid until `stop()`; `usage(pid)` is what was seen so far. */
export const watch = () => {
  const seen = new Map<number, Usage>();
  const timer = setInterval(() => {
    for (const [pid, u] of seen) sample(pid, u);
  }, 200);
  timer.unref();
  return {
    add: (pid: number) => {
      const u = { cpuMs: 0, peakRssMb: 0 };
      seen.set(pid, u);
      sample(pid, u);
      return u;
    },
    sampleNow: (pid: number) => {
      const u = seen.get(pid);
      if (u) sample(pid, u);
    },
    stop: () => clearInterval(timer),
  };
};
