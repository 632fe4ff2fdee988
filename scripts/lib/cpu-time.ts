// CPU time of one thread or process from /proc (Linux), for the generator's breakdown: on a shared
// machine wall time says little about which side is the bottleneck, CPU time does. null elsewhere.
import { readFileSync } from "node:fs";

// USER_HZ: the unit of /proc/*/stat times, 100 on every Linux architecture Node.js runs on.
const MS_PER_TICK = 10;

function cpuMsOf(statFile: string): number | null {
  try {
    const stat = readFileSync(statFile, "utf8");
    // Fields after "(comm)": state is field 3, utime field 14, stime field 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * MS_PER_TICK : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) of the calling thread so far. */
export const threadCpuMs = (): number | null => cpuMsOf("/proc/thread-self/stat");

/** CPU time (user + system) of a process on this machine so far. */
export const processCpuMs = (pid: number): number | null => cpuMsOf(`/proc/${pid}/stat`);
