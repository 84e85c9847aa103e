/**
 * `parley ingest --enqueue`: reads the inputs like `ingest` does, but instead of processing them
 * records each raw article in the job queue, so any number of `parley worker` processes on any
 * machine can do the work. Re-running after a crash queues only what is missing.
 */
import type { Rejected } from '../model/doc.js';
import type { ReadOptions } from '../ingest/types.js';
import { isRejected } from '../ingest/types.js';
import { readInputs } from '../ingest/read-inputs.js';
import type { JobQueue, QueuedArticle, Store } from '../store/store.js';

export interface EnqueueSummary {
  read: number;
  queued: number;
  /** Already stored with these bytes, or already waiting in the queue. */
  unchanged: number;
  rejected: number;
}

/** Articles per enqueue transaction: as for ingest batches, small enough that a crash loses little. */
const ENQUEUE_BATCH = 50;

/** Reads every input and queues each article not already stored or queued, in read order. */
export async function enqueueInputs(
  inputs: string[],
  queue: Store & JobQueue,
  referenceDate: string,
  opts: { read?: Partial<ReadOptions>; onRejected?: (r: Rejected) => void } = {},
): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { read: 0, queued: 0, unchanged: 0, rejected: 0 };
  let batch: QueuedArticle[] = [];
  const flush = async () => {
    const queued = await queue.enqueue(batch);
    summary.queued += queued;
    summary.unchanged += batch.length - queued;
    batch = [];
  };
  for await (const item of readInputs(inputs, opts.read)) {
    if (isRejected(item)) {
      summary.rejected++;
      opts.onRejected?.(item);
      continue;
    }
    summary.read++;
    if (await queue.hasUnchanged(item.origin, item.bytes)) {
      summary.unchanged++;
      continue;
    }
    batch.push({ raw: item, referenceDate });
    if (batch.length >= ENQUEUE_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return summary;
}
