/**
 * `parley worker`: takes jobs from the queue, a batch at a time, and processes each exactly as
 * `parley ingest` would (`prepareArticle`), storing the documents in the transaction that claimed the
 * jobs. When the queue is empty it brings corpus resolution up to date (one resolver at a time, see
 * `resolve-pending.ts`), then either waits for more work or, with `exitWhenIdle`, stops.
 */
import type { Context } from '../context.js';
import type { Rejected } from '../model/doc.js';
import { prepareArticle } from '../ingest-batch.js';
import { checkStages, STAGES } from '../pipeline.js';
import type { JobOutcome, JobQueue, Store } from '../store/store.js';
import { resolvePending } from './resolve-pending.js';
import type { Resolver } from '../resolve/resolve.js';

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

/** Runs until aborted, or until idle with `exitWhenIdle`. */
export async function runWorker(queue: Store & JobQueue, ctx: Context, opts: WorkerOptions = {}): Promise<WorkerSummary> {
  checkStages(STAGES);
  const summary: WorkerSummary = { processed: 0, new: 0, duplicate: 0, unchanged: 0, rejected: 0, resolutions: 0 };
  const work = async (jobs: { raw: import('../model/doc.js').RawArticle; referenceDate: string }[]): Promise<JobOutcome[]> => {
    const out: JobOutcome[] = [];
    for (const { raw, referenceDate } of jobs) {
      const prepared = await prepareArticle(raw, queue, { ...ctx, referenceDate });
      out.push('skipped' in prepared ? prepared : { doc: prepared, raw });
    }
    return out;
  };
  while (!opts.signal?.aborted) {
    const { claimed, results, rejected } = await queue.processJobs(opts.batchSize ?? WORKER_BATCH, work);
    if (claimed > 0) {
      summary.processed += claimed;
      for (const r of results) summary[r.status]++;
      for (const r of rejected) {
        summary.rejected++;
        opts.onRejected?.(r);
      }
      opts.onBatch?.(summary);
      continue;
    }
    if (await resolvePending(queue, ctx, opts.resolvers)) summary.resolutions++;
    if (opts.exitWhenIdle) break;
    await sleep(opts.pollMs ?? POLL_MS, opts.signal);
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
