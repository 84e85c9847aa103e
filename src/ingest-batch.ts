/**
 * The ingest loop: read inputs → clean → annotate → store, in batches of one transaction each.
 * Returns the summary the CLI prints; every rejection is reported through `onRejected`.
 */
import type { NewsDoc, RawArticle, Rejected } from './model/doc.js';
import type { Context } from './context.js';
import type { Store } from './store/store.js';
import type { ReadOptions } from './ingest/types.js';
import { isRejected } from './ingest/types.js';
import { readInputs } from './ingest/read-inputs.js';
import { clean, dropRepeatedLines } from './clean/clean.js';
import { annotate, checkStages, STAGES } from './pipeline.js';
import { documentLineKeys } from './store/line-keys.js';
import { resolvePending } from './worker/resolve-pending.js';
import { checkRaw, checkText, checkTime, cpuMs } from './worker/budget.js';

export interface IngestSummary {
  read: number;
  new: number;
  duplicate: number;
  unchanged: number;
  rejected: number;
}

export interface IngestOptions {
  read?: Partial<ReadOptions>;
  /** Articles per transaction. */
  batchSize?: number;
  onRejected?: (r: Rejected) => void;
  onProgress?: (s: IngestSummary) => void;
}

/** Batch size chosen so a crash loses little work while transactions stay cheap (measured: >50 adds nothing). */
const DEFAULT_BATCH = 50;

export async function ingest(inputs: string[], store: Store, ctx: Context, opts: IngestOptions = {}): Promise<IngestSummary> {
  checkStages(STAGES);
  const summary: IngestSummary = { read: 0, new: 0, duplicate: 0, unchanged: 0, rejected: 0 };
  const reject = (r: Rejected) => {
    summary.rejected++;
    opts.onRejected?.(r);
  };
  let batch: RawArticle[] = [];
  const flush = async () => {
    const items: { doc: NewsDoc; raw: RawArticle }[] = [];
    for (const raw of batch) {
      const prepared = await prepareArticle(raw, store, ctx);
      if (isRejected(prepared)) {
        reject(prepared);
        continue;
      }
      items.push({ doc: prepared, raw });
    }
    for (const result of await store.putBatch(items)) summary[result.status]++;
    batch = [];
    opts.onProgress?.(summary);
  };
  for await (const item of readInputs(inputs, opts.read)) {
    if (isRejected(item)) {
      reject(item);
      continue;
    }
    summary.read++;
    if (await store.hasUnchanged(item.origin, item.bytes)) {
      summary.unchanged++;
      continue;
    }
    batch.push(item);
    if (batch.length >= (opts.batchSize ?? DEFAULT_BATCH)) await flush();
  }
  if (batch.length > 0) await flush();
  await resolvePending(store, ctx);
  return summary;
}

/**
 * One article through clean → repeated-line removal → annotate, within the per-document budget
 * (`worker/budget.ts`): too large, binary, too slow or throwing → a rejection with the reason, never a
 * crash of the batch. Shared by `ingest` and `parley worker` so both make the same documents.
 */
export async function prepareArticle(raw: RawArticle, store: Store, ctx: Context): Promise<NewsDoc | Rejected> {
  const started = process.cpuUsage();
  try {
    const tooBig = checkRaw(raw);
    if (tooBig) return tooBig;
    const cleaned = clean(raw);
    if (isRejected(cleaned)) return cleaned;
    const badText = checkText(cleaned);
    if (badText) return badText;
    const counts = cleaned.outlet ? await store.lineCounts(cleaned.outlet, documentLineKeys(cleaned)) : new Map();
    const doc = annotate(dropRepeatedLines(cleaned, counts), ctx);
    return checkTime(raw.origin, cpuMs(process.cpuUsage(started))) ?? doc;
  } catch (err) {
    return { skipped: raw.origin, reason: `failed to process: ${(err as Error).message}` };
  }
}
