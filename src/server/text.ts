/**
 * Small text helpers shared by the API: folding for case- and accent-insensitive matching, word
 * tokens, and the context window around a span for results shown in context.
 */

/** Lower case without diacritics, so "Zelenskyy", "ZELENSKYY" and "Zelénskyy" compare equal. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words (letters and digits) of a string. */
export function tokens(s: string): string[] {
  return s.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Characters of context shown on each side of a match; about a short line on a phone. */
export const CONTEXT_CHARS = 80;

/** A piece of a document around one or more marked spans, with offsets of the marks inside it. */
export interface InContext {
  start: number;
  end: number;
  text: string;
  marks: { start: number; end: number }[];
}

/**
 * The text around `span`, widened to word boundaries, with the span marked. Offsets of `marks` are
 * relative to the returned `text`.
 */
export function inContext(text: string, span: { start: number; end: number }, chars = CONTEXT_CHARS): InContext {
  let start = Math.max(0, span.start - chars);
  let end = Math.min(text.length, span.end + chars);
  while (start > 0 && start < span.start && /\S/.test(text[start - 1])) start++;
  while (end < text.length && end > span.end && /\S/.test(text[end])) end--;
  return { start, end, text: text.slice(start, end), marks: [{ start: span.start - start, end: span.end - start }] };
}

/**
 * The sentence that contains `span`: from the `sentences` layer when the document has one, otherwise
 * from the nearest sentence-ending punctuation or line break on each side.
 */
export function sentenceAround(text: string, span: { start: number; end: number }, sentences?: { start: number; end: number }[]): { start: number; end: number } {
  const hit = sentences?.find((s) => s.start <= span.start && span.end <= s.end);
  if (hit) return { start: hit.start, end: hit.end };
  let start = span.start;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1])) start--;
  while (start < span.start && /\s/.test(text[start])) start++;
  let end = span.end;
  while (end < text.length && !/[.!?\n]/.test(text[end])) end++;
  if (end < text.length && text[end] !== '\n') end++;
  return { start, end };
}
