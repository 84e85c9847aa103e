/**
 * The latest year a text tells as past ("in 2021 the talks collapsed"): a text is nearly always
 * written in that year or a later one. On the pubdate bench (GDELT + NYT/Guardian) the latest
 * past-tense bare year was later than the true year in 11 of 242 documents — mostly future years
 * near a reporting verb ("expected to run for president in 2024, he said") — too often for a bound
 * on its own, so it only settles the year of a weekday–date agreement ("Friday, February 4" fits
 * 2022, 2011 and 2005) when exactly one fitting year is that year or the next; a wrong latest year
 * then leaves the agreement ambiguous instead of choosing for it.
 */
import type { Span } from '../../model/doc.js';
import type { Candidate } from '../../annotate/times/types.js';
import { directionOf } from '../../annotate/times/direction.js';

/** A year told as past, with where it is said. */
export interface PastYear {
  y: number;
  evidence: string;
}

/** Words before a year that make it a limit or a deadline rather than a time something happened ("until 2024"). */
const LIMIT_BEFORE = /\b(?:until|till|by|through|to|before|after|beyond|into)\s+(?:the\s+end\s+of\s+)?$/i;

/** The latest bare year told in the past tense, no later than `maxYear`, or null. */
export function latestPastYear(text: string, found: readonly Candidate[], sentences: readonly Span[], maxYear: number): PastYear | null {
  let best: PastYear | null = null;
  for (const c of found) {
    const r = c.recipe;
    if (r.kind !== 'date' || r.y === undefined || r.m !== undefined || c.mod || r.y > maxYear || (best && r.y <= best.y)) continue;
    if (LIMIT_BEFORE.test(text.slice(Math.max(0, c.span.start - 24), c.span.start))) continue;
    const sentence = sentences.find((s) => s.start <= c.span.start && c.span.end <= s.end) ?? { start: 0, end: text.length };
    if (directionOf(text, sentence, c.span) !== 'behind') continue;
    best = { y: r.y, evidence: `"${text.slice(c.span.start, c.span.end)}" told as past` };
  }
  return best;
}
