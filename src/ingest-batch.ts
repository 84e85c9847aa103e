/**
 * The ingest loop: read inputs → clean → annotate (on every core, `worker/doc-pool.ts`) → store, in
 * batches of one transaction each; a long run resolves the corpus every `RESOLVE_EVERY` new documents
 * (in a thread of its own when the database can be shared, `worker/background-resolver.ts`), and
 * every run once at the end.
 * Returns the summary the CLI prints; every rejection is reported through `onRejected`.
 */
import type { NewsDoc, RawArticle, Rejected } from './model/doc.js';
import type { Context } from './context.js';
import type { Store } from './store/store.js';
import type { ReadOptions } from './ingest/types.js';
import { isRejected } from './ingest/types.js';
import { readInputs } from './ingest/read-inputs.js';
import { checkStages, STAGES } from './pipeline.js';
import { resolvePending, RESOLVE_EVERY } from './worker/resolve-pending.js';
import { prepareHere } from './worker/prepare.js';
import { DocPool, THREADS_AFTER_DOCS } from './worker/doc-pool.js';
import { hasFilesAtLeast } from './worker/long-run.js';
import { threadCount } from './worker/threads.js';
import { BackgroundResolver } from './worker/background-resolver.js';

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
  /** Annotation threads (default: `threadCount()`, one per core or `PARLEY_THREADS`); 1 = none. */
  threads?: number;
  /** A pool to annotate with instead of one of `threads` threads made for this run; the caller closes it. */
  pool?: DocPool;
  /** Resolve the corpus after every this many new documents, not only at the end (default `RESOLVE_EVERY`). */
  resolveEvery?: number;
  /**
   * The `--db` the store was opened from: given (and not in memory), those resolutions run in a thread
   * of their own with its own connection while the ingest goes on (`worker/background-resolver.ts`).
   */
  db?: string;
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
  let unresolved = 0;
  const pool = opts.pool ?? new DocPool({ size: threadCount(opts.threads), ctx });
  // a run known to be long starts its threads at once, so the main thread never loads the models
  if (!opts.pool && (await hasFilesAtLeast(inputs, THREADS_AFTER_DOCS))) pool.start();
  let background: BackgroundResolver | null | undefined;
  let last: string | null = null;
  const lineCounts = (outlet: string, keys: string[]) => store.lineCounts(outlet, keys);
  const flush = async () => {
    const items: { doc: NewsDoc; raw: RawArticle }[] = [];
    const prepared = await Promise.all(batch.map((raw) => pool.prepare(raw, ctx.referenceDate, lineCounts)));
    for (const [i, raw] of batch.entries()) {
      if (isRejected(prepared[i])) {
        reject(prepared[i] as Rejected);
        continue;
      }
      items.push({ doc: prepared[i] as NewsDoc, raw });
    }
    for (const result of await store.putBatch(items)) {
      summary[result.status]++;
      if (result.status !== 'new') continue;
      unresolved++;
      last = result.id;
    }
    batch = [];
    opts.onProgress?.(summary);
    if (unresolved >= (opts.resolveEvery ?? RESOLVE_EVERY)) {
      background ??= BackgroundResolver.start(opts.db, ctx);
      if (background) await background.resolve(last!, (await store.corpusGeneration()).changed);
      else await resolvePending(store, ctx, undefined, { wait: false });
      unresolved = 0;
    }
  };
  try {
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
    await background?.idle();
  } finally {
    if (!opts.pool) await pool.close();
    await background?.close();
  }
  await resolvePending(store, ctx);
  return summary;
}

/**
 * One article through clean → repeated-line removal → annotate, within the per-document budget
 * (`worker/budget.ts`), on this thread: too large, binary, too slow or throwing → a rejection with the
 * reason, never a crash of the batch. `ingest` and `parley worker` run it through a `DocPool`, which
 * runs the same function (`worker/prepare.ts`) on annotation threads.
 */
export async function prepareArticle(raw: RawArticle, store: Store, ctx: Context): Promise<NewsDoc | Rejected> {
  return prepareHere(raw, (outlet, keys) => store.lineCounts(outlet, keys), ctx);
}
