/**
 * One article through clean → repeated-line removal → annotate, within the per-document budget
 * (`budget.ts`). The one implementation both the main thread and the annotation threads
 * (`doc-thread.ts`) run, so a document is the same wherever it was made; the only thing it needs from
 * the store, how often each line already appeared in the outlet's stored documents, comes through a
 * function (the store itself stays on the main thread).
 */
import type { Context } from '../context.js';
import type { NewsDoc, RawArticle, Rejected } from '../model/doc.js';
import { isRejected } from '../ingest/types.js';
import { clean, dropRepeatedLines } from '../clean/clean.js';
import { annotate } from '../pipeline.js';
import { documentLineKeys } from '../store/line-keys.js';
import { checkRaw, checkText, checkTime, MAX_DOC_MS } from './budget.js';
import { threadCpuMs } from './thread-cpu.js';

/** How many stored documents of `outlet` contain each line key (`Store.lineCounts`). */
export type LineCounts = (outlet: string, lineKeys: string[]) => Promise<Map<string, number>>;

/**
 * Cleans and annotates `raw`: too large, binary, too slow (over `maxDocMs` of this thread's CPU) or
 * throwing → a rejection with the reason, never an exception.
 */
export async function prepareHere(raw: RawArticle, lineCounts: LineCounts, ctx: Context, maxDocMs = MAX_DOC_MS): Promise<NewsDoc | Rejected> {
  const started = threadCpuMs();
  let waited = 0;
  try {
    const tooBig = checkRaw(raw);
    if (tooBig) return tooBig;
    const cleaned = clean(raw);
    if (isRejected(cleaned)) return cleaned;
    const badText = checkText(cleaned);
    if (badText) return badText;
    let counts = new Map<string, number>();
    const keys = cleaned.outlet ? documentLineKeys(cleaned) : [];
    if (cleaned.outlet && keys.length > 0) {
      const before = threadCpuMs();
      counts = await lineCounts(cleaned.outlet, keys);
      waited = threadCpuMs() - before; // the store's own work (SQLite runs on this thread) is not the document's
    }
    const doc = annotate(dropRepeatedLines(cleaned, counts), ctx);
    return checkTime(raw.origin, threadCpuMs() - started - waited, maxDocMs) ?? doc;
  } catch (err) {
    return { skipped: raw.origin, reason: `failed to process: ${(err as Error).message}` };
  }
}
