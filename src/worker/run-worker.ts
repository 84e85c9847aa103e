/**
 * `parley worker`: takes jobs from the queue, a batch at a time, and processes each exactly as
 * `parley ingest` would (`prepareHere`, on annotation threads: `doc-pool.ts`), storing the documents
 * in the transaction that claimed the jobs. Corpus resolution reads the whole corpus, so it is run
 * once the queue is drained — not by each worker as it runs out of jobs to claim while others are
 * still storing theirs (which made every worker resolve again after the last commit, one after the
 * other under the lease: three workers were slower than one). A worker with nothing to claim while
 * other workers hold jobs waits for them (and takes their jobs over if a holder dies); the first to
 * see the queue empty resolves, the others find the corpus resolved (`resolve-pending.ts`). Then it
 * either waits for more work or, with `exitWhenIdle`, stops.
 */
import type { Context } from '../context.js';
import type { Rejected } from '../model/doc.js';
import { checkStages, STAGES } from '../pipeline.js';
import type { JobOutcome, JobQueue, QueuedArticle, Store } from '../store/store.js';
import { resolvePending, RESOLVE_EVERY } from './resolve-pending.js';
import type { Resolver } from '../resolve/resolve.js';
import { DocPool } from './doc-pool.js';
import { threadCount } from './threads.js';

export interface WorkerOptions {
  /** Stop once the queue is empty and the corpus resolved, instead of waiting for more jobs. */
  exitWhenIdle?: boolean;
  batchSize?: number;
  /** How long an idle worker waits before looking for jobs again. */
  pollMs?: number;
  onRejected?: (r: Rejected) => void;
  onBatch?: (s: WorkerSummary) => void;
  /** The corpus resolvers (default: all of `RESOLVERS`). */
  resolvers?: Resolver[];
  /** Aborting stops the worker after the batch in hand. */
  signal?: AbortSignal;
  /** Annotation threads (default: `threadCount()`); 1 = none. */
  threads?: number;
  /** A pool to annotate with instead of one made for this run; the caller closes it. */
  pool?: DocPool;
  /** Resolve after every this many new documents this worker stored, unless another worker is resolving (default `RESOLVE_EVERY`). */
  resolveEvery?: number;
}

export interface WorkerSummary {
  processed: number;
  new: number;
  duplicate: number;
  unchanged: number;
  rejected: number;
  resolutions: number;
}

/**
 * Jobs claimed per transaction. Small, so three workers share a small queue evenly and a killed
 * worker hands back little; 20 keeps the per-transaction cost under 5% of annotation time (measured
 * with `npm run bench -- scale`).
 */
export const WORKER_BATCH = 20;
/** Idle polling interval: new work is picked up within a second without loading the database. */
const POLL_MS = 1_000;
/**
 * Polling interval while other workers hold the last jobs: a batch takes ~0.1–1 s, so the queue is
 * seen empty soon after it is, at the cost of one cheap count query per interval.
 */
const HELD_POLL_MS = 100;

/** Runs until aborted, or until idle with `exitWhenIdle`. */
export async function runWorker(queue: Store & JobQueue, ctx: Context, opts: WorkerOptions = {}): Promise<WorkerSummary> {
  checkStages(STAGES);
  const summary: WorkerSummary = { processed: 0, new: 0, duplicate: 0, unchanged: 0, rejected: 0, resolutions: 0 };
  const pool = opts.pool ?? new DocPool({ size: threadCount(opts.threads), ctx });
  const lineCounts = (outlet: string, keys: string[]) => queue.lineCounts(outlet, keys);
  const work = async (jobs: QueuedArticle[]): Promise<JobOutcome[]> => {
    const prepared = await Promise.all(jobs.map(({ raw, referenceDate }) => pool.prepare(raw, referenceDate, lineCounts)));
    return prepared.map((p, i) => ('skipped' in p ? p : { doc: p, raw: jobs[i].raw }));
  };
  let unresolved = 0;
  try {
    while (!opts.signal?.aborted) {
      const { claimed, results, rejected } = await queue.processJobs(opts.batchSize ?? WORKER_BATCH, work);
      if (claimed > 0) {
        summary.processed += claimed;
        for (const r of results) summary[r.status]++;
        unresolved += results.filter((r) => r.status === 'new').length;
        if (unresolved >= (opts.resolveEvery ?? RESOLVE_EVERY)) {
          if (await resolvePending(queue, ctx, opts.resolvers, { wait: false })) summary.resolutions++;
          unresolved = 0;
        }
        for (const r of rejected) {
          summary.rejected++;
          opts.onRejected?.(r);
        }
        opts.onBatch?.(summary);
        continue;
      }
      if ((await queue.pendingJobs()) > 0) {
        await sleep(HELD_POLL_MS, opts.signal); // other workers hold the last jobs
        continue;
      }
      if (await resolvePending(queue, ctx, opts.resolvers)) summary.resolutions++;
      if (opts.exitWhenIdle) break;
      await sleep(opts.pollMs ?? POLL_MS, opts.signal);
    }
  } finally {
    if (!opts.pool) await pool.close();
  }
  return summary;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
