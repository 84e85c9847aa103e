/**
 * How many annotation threads a run uses: `--threads N`, else the `PARLEY_THREADS` environment
 * variable, else one per core the process may use (`os.availableParallelism()`). 1 runs everything on
 * the main thread.
 */
import { availableParallelism } from 'node:os';

/** The environment variable that sets the default thread count. */
export const THREADS_ENV = 'PARLEY_THREADS';

/** The thread count for `requested` (an option), falling back to the environment, then the cores. Throws on misuse. */
export function threadCount(requested?: number, env: NodeJS.ProcessEnv = process.env): number {
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < 1) throw new Error(`threads: ${requested} is not a whole number ≥ 1 (1 = no threads)`);
    return requested;
  }
  const fromEnv = env[THREADS_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!/^[1-9]\d*$/.test(fromEnv.trim())) throw new Error(`${THREADS_ENV}=${fromEnv}: expected a whole number ≥ 1 (1 = no threads)`);
    return Number(fromEnv.trim());
  }
  return availableParallelism();
}
