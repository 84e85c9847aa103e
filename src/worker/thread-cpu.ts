/**
 * CPU time per thread, for the per-document budget. `process.cpuUsage()` counts every thread of the
 * process, so with annotation threads running it would charge one document for its neighbours' work;
 * these read the time of one thread. On Linux the kernel keeps it per thread in
 * `/proc/<pid>/task/<tid>/schedstat` (nanoseconds on the CPU), which another thread can also read: that
 * is how the pool's watchdog sees a thread stuck inside one document. Elsewhere they fall back to the
 * whole process's time (an over-estimate, never an under-estimate) and to no watchdog reading.
 */
import { openSync, readFileSync, readlinkSync, readSync } from 'node:fs';

/** Node ≥ 23.9 measures the calling thread itself; older Node does not have it. */
const nodeThreadCpu = (process as unknown as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage;

/** Nanoseconds on the CPU from a `schedstat` file ("<run ns> <wait ns> <slices>"), or null. */
function readSchedstat(path: string): number | null {
  try {
    const ns = Number(readFileSync(path, 'latin1').split(' ', 1)[0]);
    return Number.isFinite(ns) ? ns : null;
  } catch {
    return null;
  }
}

const procfs = readSchedstat('/proc/thread-self/schedstat') !== null;

/**
 * The calling thread's own `schedstat`, kept open and re-read from its start: opening the file costs
 * ~25 µs, several times per document; a re-read ~3 µs (the kernel renders it afresh at offset 0).
 * Module state is per thread, so each thread keeps its own descriptor (one, closed with the process;
 * a thread the pool stops leaves its descriptor behind, which only hostile documents cause).
 */
let ownFd: number | null = null;
const ownBuf = Buffer.alloc(64);

function ownSchedstat(): number | null {
  try {
    ownFd ??= openSync('/proc/thread-self/schedstat', 'r');
    const n = readSync(ownFd, ownBuf, 0, ownBuf.length, 0);
    const ns = Number(ownBuf.toString('latin1', 0, n).split(' ', 1)[0]);
    return Number.isFinite(ns) ? ns : null;
  } catch {
    return null;
  }
}

/** Milliseconds of CPU the calling thread has used. */
export function threadCpuMs(): number {
  if (procfs) {
    const ns = ownSchedstat();
    if (ns !== null) return ns / 1e6;
  }
  const usage = nodeThreadCpu ? nodeThreadCpu.call(process) : process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** The kernel's id of the calling thread (Linux), so another thread can read its CPU time; null elsewhere. */
export function currentTid(): number | null {
  if (!procfs) return null;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    return Number.isInteger(tid) ? tid : null;
  } catch {
    return null;
  }
}

/** Milliseconds of CPU thread `tid` of this process has used, or null when unknown (not Linux, or gone). */
export function threadCpuMsOf(tid: number): number | null {
  const ns = readSchedstat(`/proc/${process.pid}/task/${tid}/schedstat`);
  return ns === null ? null : ns / 1e6;
}
