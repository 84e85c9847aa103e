/**
 * The per-document budget: limits that keep one hostile input from stalling or exhausting a batch.
 * Each check returns a `Rejected` naming the input and the limit, or null. Sizes are checked before
 * the expensive work (so memory stays proportional to a bounded size); time is checked after it
 * (JavaScript cannot pre-empt a running stage, but a slow document is still rejected with its time
 * instead of being stored, and the size limits keep that time bounded). With annotation threads
 * (`doc-pool.ts`) the pool also stops a thread that passes the time or heap limit mid-document.
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
 * Longest line of clean text. Real paragraphs stay under ~5k characters, and a whole 600-word article
 * on one line is ~4k; 30k (~5,000 words) still admits a long article without line breaks. Sentence
 * splitting was quadratic in line length on hostile input (measured: 16k characters of "Mr. Mr. …"
 * took 0.9 s; since it tests only each break's last word, 25 ms), so 30k kept such a line to ~3 s.
 */
export const MAX_LINE_CHARS = 30_000;
/**
 * Longest run of text without `.`, `!`, `?` or a line break. Real sentences stay under ~1,000
 * characters (long legal sentences ~3,000). Several annotators are quadratic in sentence length on
 * hostile input (measured: 16k characters of capitalised words take 4.7 s in mentions), so 5,000
 * bounds them to well under a second per sentence.
 */
export const MAX_SENTENCE_CHARS = 5_000;
/**
 * Longest run of non-space characters. Real words and even long URLs stay under ~1,000; some
 * annotators are quadratic in word length (measured: a 32k-character word takes 6 s in quotes), so
 * 2,000 keeps one word under ~30 ms.
 */
export const MAX_WORD_CHARS = 2_000;

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
  const runs = longestRuns(text);
  if (runs.line > MAX_LINE_CHARS) {
    return { skipped: origin, reason: `over budget: a line of ${n(runs.line)} characters (limit ${n(MAX_LINE_CHARS)}); not article text` };
  }
  if (runs.sentence > MAX_SENTENCE_CHARS) {
    return { skipped: origin, reason: `over budget: ${n(runs.sentence)} characters without a sentence end (limit ${n(MAX_SENTENCE_CHARS)}); not article text` };
  }
  if (runs.word > MAX_WORD_CHARS) {
    return { skipped: origin, reason: `over budget: a ${n(runs.word)}-character word (limit ${n(MAX_WORD_CHARS)}); not article text` };
  }
  return null;
}

/** After annotating: refuses a document that took longer than the budget (`limit`, default `MAX_DOC_MS`). */
export function checkTime(origin: string, ms: number, limit = MAX_DOC_MS): Rejected | null {
  if (ms <= limit) return null;
  return { skipped: origin, reason: `over budget: took ${n(Math.round(ms))} ms of CPU to clean and annotate (limit ${n(limit)} ms)` };
}

/**
 * For a document whose thread was stopped by the pool's watchdog while still working on it (so there
 * is no final time to report, only that it passed the limit).
 */
export function stoppedOverTime(origin: string, limit = MAX_DOC_MS): Rejected {
  return { skipped: origin, reason: `over budget: took more than ${n(limit)} ms of CPU to clean and annotate; stopped` };
}

/** For a document whose thread ran out of its heap while working on it. */
export function stoppedOverMemory(origin: string, heapMb: number): Rejected {
  return { skipped: origin, reason: `over budget: ran out of memory (limit ${n(heapMb)} MB of heap per thread) while cleaning and annotating; stopped` };
}

/** The longest line, sentence-like run and word of `text`, in one pass (no regex: linear by construction). */
export function longestRuns(text: string): { line: number; sentence: number; word: number } {
  const max = { line: 0, sentence: 0, word: 0 };
  let line = 0;
  let sentence = 0;
  let word = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const newline = c === 10;
    const end = newline || c === 46 || c === 33 || c === 63; // \n . ! ?
    const space = newline || c === 32 || c === 9 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
    line = newline ? 0 : line + 1;
    sentence = end ? 0 : sentence + 1;
    word = space ? 0 : word + 1;
    if (line > max.line) max.line = line;
    if (sentence > max.sentence) max.sentence = sentence;
    if (word > max.word) max.word = word;
  }
  return max;
}
