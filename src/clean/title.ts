/**
 * The headline: a first line equal to the title the page or input declared, or, for plain text, a
 * headline-like first line (no final full stop, title length, followed by the story).
 */
import { normaliseForId } from '../model/id.js';

/** Headlines have at least 2 words (a lone word above a story is a section label). */
export const MIN_TITLE_WORDS = 2;
/** …and at most 25 (the longest page title among the 181 benchmark pages has 24 words). */
export const MAX_TITLE_WORDS = 25;
/** …and at most this many characters. */
export const MAX_TITLE_CHARS = 200;

/** A declared title is looked for among this many first kept lines (a page URL or kicker may precede it). */
export const TITLE_SEARCH_LINES = 3;

/** The chosen title and, when the headline line is in the text, its index (to move it to `removed`). */
export interface TitleFound {
  title: string | null;
  line: number | null;
}

/** True when a line reads like a headline rather than a sentence of the story. */
export function isHeadlineLike(line: string): boolean {
  const n = line.split(' ').length;
  if (n < MIN_TITLE_WORDS || n > MAX_TITLE_WORDS || line.length > MAX_TITLE_CHARS) return false;
  if (/[.,;:]$/.test(line) && !/\.\.\.$|…$/.test(line)) return false;
  if (/^[-•*"“'‘]/.test(line)) return false; // bullets and opening quotations are story lines
  return /^\p{Lu}|^\d/u.test(line);
}

/**
 * Finds the title among the first kept lines (given by index). `declared` is the input's or page's
 * own title; one of the first lines equal to it (or to its part before a " | Site" or " - Site" suffix) is the headline.
 * Without a match, plain text gets the heuristic; HTML keeps the declared title and its first line.
 */
export function findTitle(lines: readonly string[], open: readonly number[], declared: string | null, plain: boolean): TitleFound {
  const first = open[0];
  if (first === undefined) return { title: declared, line: null };
  const line = lines[first];
  const match = declared ? open.slice(0, TITLE_SEARCH_LINES).find((i) => sameTitle(lines[i], declared)) : undefined;
  if (match !== undefined) return { title: lines[match], line: match };
  if (plain && open.length > 1 && isHeadlineLike(line)) return { title: declared ?? line, line: first };
  return { title: declared, line: null };
}

function sameTitle(line: string, declared: string): boolean {
  const l = normaliseForId(line);
  const d = normaliseForId(declared);
  if (l === d) return true;
  const head = d.split(/\s+[|–—-]\s+/)[0];
  return head.length > 0 && l === head;
}
