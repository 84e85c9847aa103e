/**
 * The per-document budget: limits that keep one hostile input from stalling or exhausting a batch.
 * Each check returns a `Rejected` naming the input and the limit, or null. Sizes are checked before
 * the expensive work (so memory stays proportional to a bounded size); time is checked after it
 * (JavaScript cannot pre-empt a running stage, but a slow document is still rejected with its time
 * instead of being stored, and the size limits keep that time bounded).
 */
import type { NewsDoc, RawArticle, Rejected } from '../model/doc.js';

/**
 * Largest body a reader may hand to cleaning, in UTF-16 code units. 8M covers the biggest real pages
 * we have seen (news pages with inline scripts reach ~3 MB) twice over; cleaning cost is linear in it.
 */
export const MAX_BODY_CHARS = 8_000_000;
/**
 * Largest clean text kept as one article. The longest long-reads are ~60k words (~400k characters);
 * 1M leaves room, and keeps annotation of one document under a few seconds on this machine.
 */
export const MAX_TEXT_CHARS = 1_000_000;
/**
 * Longest line of clean text. Real paragraphs stay under ~5k characters; a line of 100k+ is a dump,
 * base64 or minified code, and quadratic worst cases of line-wise stages grow with line length.
 */
export const MAX_LINE_CHARS = 100_000;
/**
 * CPU time one document may take through clean and annotate: 100× the ~50 ms a 600-word article
 * takes. CPU time, not wall-clock, so a busy machine does not reject documents it would otherwise
 * keep (which would make runs differ).
 */
export const MAX_DOC_MS = 5_000;

/** Milliseconds of CPU in a `process.cpuUsage()` difference. */
export function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

const n = (x: number) => x.toLocaleString('en-US');

/** Before cleaning: refuses bodies too large to clean within budget. */
export function checkRaw(raw: RawArticle): Rejected | null {
  if (raw.body.length > MAX_BODY_CHARS) {
    return { skipped: raw.origin, reason: `over budget: body of ${n(raw.body.length)} characters (limit ${n(MAX_BODY_CHARS)})` };
  }
  return null;
}

/**
 * After cleaning: refuses text that is binary (NUL characters, which no article has and PostgreSQL
 * cannot store), too long, or has a line no article has.
 */
export function checkText(doc: Pick<NewsDoc, 'origin' | 'text' | 'title' | 'outlet'>): Rejected | null {
  const { origin, text } = doc;
  if ([text, doc.title, doc.outlet].some((s) => s?.includes('\u0000'))) {
    return { skipped: origin, reason: 'binary content: the text or title contains NUL characters' };
  }
  if (text.length > MAX_TEXT_CHARS) {
    return { skipped: origin, reason: `over budget: clean text of ${n(text.length)} characters (limit ${n(MAX_TEXT_CHARS)})` };
  }
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (end - start > MAX_LINE_CHARS) {
      return { skipped: origin, reason: `over budget: a line of ${n(end - start)} characters (limit ${n(MAX_LINE_CHARS)}); not article text` };
    }
    start = end + 1;
  }
  return null;
}

/** After annotating: refuses a document that took longer than the budget. */
export function checkTime(origin: string, ms: number): Rejected | null {
  if (ms <= MAX_DOC_MS) return null;
  return { skipped: origin, reason: `over budget: took ${n(Math.round(ms))} ms of CPU to clean and annotate (limit ${n(MAX_DOC_MS)} ms)` };
}
