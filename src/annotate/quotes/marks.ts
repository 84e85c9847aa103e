/**
 * Candidate finder for direct quotations: pairs quotation marks into quoted stretches of text.
 *
 * Handles straight (`"`), curly (`“ ”`), low-high (`„ “`), guillemets (`« »`, `» «`) and single marks
 * (`‘ ’`, `'`); a closing mark standing in for the opening one (`said,” We are…”`); and a quotation
 * running over several paragraphs (a paragraph that ends inside a quote continues into the next one
 * when that one opens with a mark again, or closes the quote without opening it). Single marks are
 * looked for only outside double-quoted stretches, since inside them they are nested quotes.
 */
import type { Span } from '../../model/doc.js';

/** One quoted stretch: `span` is the words between the marks (trimmed, without a trailing comma). */
export interface Quoted {
  span: Span;
  /** Offset of the opening mark, or of the closing mark that stands in for it. */
  open: number;
  /** Offset of the closing mark; null when the quote runs to the end of a paragraph unclosed. */
  close: number | null;
  /** Which rule paired the marks: `pair`, `broken-open` (a closing mark used to open), `unclosed`, `single`. */
  rule: 'pair' | 'broken-open' | 'unclosed' | 'single';
  /** Number of paragraphs the quote runs over. */
  paragraphs: number;
}

/** For each opening mark, the marks that may close it. */
const CLOSERS: Record<string, string> = { '“': '”"“', '„': '“”', '«': '»', '»': '«', '"': '"”', '”': '”"“' };

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
/** Looks like an opening mark: white space or an opening bracket/dash before, a non-space after. */
const leftFlank = (t: string, i: number) => (i === 0 || /[\s([{—–-]/.test(t[i - 1])) && !isSpace(t[i + 1]);
/** Looks like a closing mark: a non-space before, and white space, punctuation or the end after. */
const rightFlank = (t: string, i: number) => i > 0 && !isSpace(t[i - 1]) && (i + 1 >= t.length || /[\s.,;:!?)\]}—–-]/.test(t[i + 1]));

/** Trims white space (and a trailing comma that belongs to the attribution) from a quoted stretch. */
function trimmed(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s,]/.test(text[end - 1])) end--;
  return { start, end };
}

/** The non-blank paragraphs (lines) of `text` as spans. */
function paragraphs(text: string): Span[] {
  return [...text.matchAll(/[^\n]*\S[^\n]*/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Index of the paragraph containing offset `at` (binary search over `paras`). */
function paragraphOf(paras: Span[], at: number): number {
  let lo = 0;
  let hi = paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paras[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface Open {
  at: number;
  mark: string;
  rule: Quoted['rule'];
  para: number;
  paragraphs: number;
}

/** Finds every double-quoted stretch of `text`. */
function findDouble(text: string): Quoted[] {
  const out: Quoted[] = [];
  const paras = paragraphs(text);
  const marks = [...text.matchAll(/[“”„«»"]/g)].map((m) => m.index);
  const emitUnclosed = (o: Open) =>
    out.push({ span: trimmed(text, o.at + 1, paras[o.para].end), open: o.at, close: null, rule: 'unclosed', paragraphs: o.paragraphs });
  let open: Open | null = null;
  for (let k = 0; k < marks.length; k++) {
    const i = marks[k];
    const c = text[i];
    const para = paragraphOf(paras, i);
    if (open && para !== open.para) {
      const next = para === open.para + 1;
      if (next && i === paras[para].start && leftFlank(text, i)) {
        open.para = para; // a continued paragraph re-opens the same quote
        open.paragraphs++;
        continue;
      }
      if (next && rightFlank(text, i) && !leftFlank(text, i)) {
        open.para = para; // …or closes it without re-opening
        open.paragraphs++;
      } else {
        emitUnclosed(open);
        open = null;
      }
    }
    if (!open) {
      const nextSamePara = k + 1 < marks.length && paragraphOf(paras, marks[k + 1]) === para;
      if ('“„«"'.includes(c) && !(rightFlank(text, i) && !leftFlank(text, i))) open = { at: i, mark: c, rule: 'pair', para, paragraphs: 1 };
      else if (c === '»' && leftFlank(text, i)) open = { at: i, mark: c, rule: 'pair', para, paragraphs: 1 };
      else if ('”"“'.includes(c) && nextSamePara && /^\s+[\p{L}\p{N}]/u.test(text.slice(i + 1, i + 3)))
        open = { at: i, mark: '”', rule: 'broken-open', para, paragraphs: 1 };
      continue;
    }
    const closes = CLOSERS[open.mark].includes(c) && (rightFlank(text, i) || !leftFlank(text, i));
    if (closes) {
      out.push({ span: trimmed(text, open.at + 1, i), open: open.at, close: i, rule: open.rule, paragraphs: open.paragraphs });
      open = null;
    } else if (leftFlank(text, i)) {
      // a new opening mark while a quote is open: the earlier one was never closed
      out.push({ span: trimmed(text, open.at + 1, i), open: open.at, close: null, rule: 'unclosed', paragraphs: open.paragraphs });
      open = { at: i, mark: c, rule: 'pair', para, paragraphs: 1 };
    }
  }
  if (open) emitUnclosed(open);
  return out;
}

/** Finds single-quoted stretches (`‘…’`, `'…'`) of one paragraph that lie outside `taken`. */
function findSingle(text: string, taken: Span[]): Quoted[] {
  const out: Quoted[] = [];
  // the mark first, then what stands before it (the same matches as a look-behind before the mark,
  // which the engine tried at every offset of the text: 15× slower)
  const re = /[‘'](?<=(?:^|[\s(—–-])[‘'])(?=\S)([^\n]*?\S)[’'](?=$|[\s.,;:!?)—–-])/gm;
  for (const m of text.matchAll(re)) {
    const span = trimmed(text, m.index + 1, m.index + m[0].length - 1);
    if (taken.some((t) => span.start < t.end + 1 && span.end > t.start - 1)) continue;
    if (!/\s/.test(text.slice(span.start, span.end))) continue; // one word in single marks is usually not a quote ('90s, 'em)
    out.push({ span, open: m.index, close: m.index + m[0].length - 1, rule: 'single', paragraphs: 1 });
  }
  return out;
}

/**
 * Two-character marks (`''…''` as some newspapers print them, `` ``…'' `` in treebank text) become a
 * straight mark plus a space at the same offsets, so that the pairing rules above apply unchanged.
 */
function maskTwoCharMarks(text: string): string {
  return text.replace(/''|``/g, (m, at: number) => {
    const opening = m === '``' || (!/\S/.test(text[at - 1] ?? ' ') && /\S/.test(text[at + 2] ?? ''));
    return opening ? ' "' : '" ';
  });
}

/** Every quoted stretch of `text`, in text order. */
export function findQuoted(original: string): Quoted[] {
  const text = maskTwoCharMarks(original);
  const double = findDouble(text).filter((q) => q.span.end > q.span.start);
  const outer = double.map((q) => ({ start: q.open, end: q.close ?? q.span.end }));
  return [...double, ...findSingle(text, outer)].sort((a, b) => a.span.start - b.span.start);
}

/** The stretches of text that quotes occupy, marks included (a doubled closing apostrophe '' is two characters). */
export function quotedStretches(text: string, quoted: readonly Quoted[]): Span[] {
  return quoted.map((q) => {
    const close = q.close ?? q.span.end;
    return { start: q.open, end: close + (text.startsWith("''", close) ? 2 : 1) };
  });
}
