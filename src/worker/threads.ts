/**
 * How many annotation threads a run uses: `--threads N`, else the `PARLEY_THREADS` environment
 * variable, else one per core the process may use (`os.availableParallelism()`). 1 runs everything on
 * the main thread.
 */
import { availableParallelism } from 'node:os';

/** The environment variable that sets the default thread count. */
export const THREADS_ENV = 'PARLEY_THREADS';

/**
 * Most threads allowed per core. Each thread costs seconds of CPU to start and may hold up to its
 * heap limit (`THREAD_HEAP_MB`, 512 MB), and more threads than cores add no speed; four per core leaves room for machines
 * whose reported cores undercount, while a slip such as `--threads 999` is refused, not obeyed.
 */
export const MAX_THREADS_PER_CORE = 4;

/** The thread count for `requested` (an option), falling back to the environment, then the cores. Throws on misuse. */
export function threadCount(requested?: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const most = MAX_THREADS_PER_CORE * cores;
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < 1) throw new Error(`threads: ${requested} is not a whole number ≥ 1 (1 = no threads)`);
    if (requested > most) throw new Error(`threads: ${requested} is more than ${most} (${MAX_THREADS_PER_CORE} per core on this machine's ${cores})`);
    return requested;
  }
  const fromEnv = env[THREADS_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!/^[1-9]\d*$/.test(fromEnv.trim())) throw new Error(`${THREADS_ENV}=${fromEnv}: expected a whole number ≥ 1 (1 = no threads)`);
    if (Number(fromEnv.trim()) > most) throw new Error(`${THREADS_ENV}=${fromEnv}: more than ${most} (${MAX_THREADS_PER_CORE} per core on this machine's ${cores})`);
    return Number(fromEnv.trim());
  }
  return cores;
}
