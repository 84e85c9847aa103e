/**
 * Full garbage collections between a resolution's resolvers. V8 collects in full once its heap has
 * grown by the heap-growth share (`cli/heap.ts`, 50%) over what survived the last full collection; a
 * resolver that starts on a heap still full of the previous resolver's garbage therefore peaks at
 * 1.5 × (its own working set + that garbage's share of the limit), not 1.5 × its working set. The
 * resolvers with the largest working sets (entities, events: ~170 MB each in a 1,000-document step)
 * come after others that leave ~100 MB of garbage, so a collection between them lowers the resolver
 * thread's peak: measured on a 973-document incremental step over 2,910 documents (`--trace-gc`, the
 * thread's committed heap), 460–530 MB without, 409 when collecting after every resolver (6
 * collections, 1.2 s of CPU: 7% of the step) and 421 with this slack (2 collections, after rewrites
 * and after entities: 0.3 s).
 *
 * `GarbageCollector.between` collects only when there is garbage worth it: the heap's used size has
 * grown more than `GC_SLACK_MB` over what survived the last collection it made.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Growth of the used heap over the last collection's survivors that makes a collection worth its CPU,
 * in MB. Measured on the step above: 64 collected 6 times (peak 409 MB, 1.2 s), 128 three times (421
 * MB, 0.4 s), 192 twice (421 MB, 0.3 s); in a whole 10k ingest 64 cost ~6% more CPU per document.
 */
export const GC_SLACK_MB = 192;

let collect: (() => void) | undefined;

/**
 * V8's full collection, as `--expose-gc` gives it: the flag is set at run time and `gc` taken from a
 * fresh context (a context made after the flag is set has it), so no command-line flag is needed.
 */
export function fullCollection(): () => void {
  if (collect) return collect;
  const given = (globalThis as { gc?: () => void }).gc;
  if (typeof given === 'function') return (collect = given);
  setFlagsFromString('--expose-gc');
  return (collect = runInNewContext('gc') as () => void);
}

/** Collects between resolvers when the heap has grown enough since the last collection (see the module note). */
export class GarbageCollector {
  /** What survived the last collection this made, in bytes (0: none yet). */
  private live = 0;
  /** Collections made, for tests and benchmarks. */
  collections = 0;

  constructor(
    private readonly slackMb = GC_SLACK_MB,
    private readonly used: () => number = () => process.memoryUsage().heapUsed,
  ) {}

  /** Collects if the used heap is more than the slack over the last collection's survivors; true if it did. */
  between(): boolean {
    if (this.used() - this.live <= this.slackMb * 2 ** 20) return false;
    fullCollection()();
    this.collections++;
    this.live = this.used();
    return true;
  }
}
