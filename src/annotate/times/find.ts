/**
 * The two-phase time-expression extractor (chrono-node style): candidate finders (chrono for calendar
 * dates and clock times, rules for relative and granular expressions, named days, durations and sets), then
 * refiners that drop what must not be a time and keep the longest of overlapping candidates, then the
 * direction of each under-specified expression from its sentence. The result is anchor-free: values
 * are computed by `anchorTimes` once the publication date is known.
 */
import type { Span } from '../../model/doc.js';
import type { Candidate } from './types.js';
import { findChrono } from './find-chrono.js';
import { findRelative } from './find-relative.js';
import { findDays } from './find-days.js';
import { findDurations } from './find-durations.js';
import { directionOf } from './direction.js';

/**
 * Text right before or after a candidate that shows it is not a time: "9/11"-style event names, a
 * "second round", a score, a range of counts ("2000 to 3000 troops"). Checked on 20 characters either side.
 */
const NOT_A_TIME_AFTER = /^\s*(?:round|place|term|half|tier|time|largest|biggest|-?\s*(?:troops|people|soldiers|km|miles|tanks|rounds))\b/i;
const NOT_A_TIME_BEFORE = /(?:\bNo\.|#|\$|€|£|\bpage|\bflight|\broute|\bresolution|\bsection)\s*$/i;

/** Drops candidates whose surroundings show they are not times. */
export function dropNonTimes(text: string, found: Candidate[]): Candidate[] {
  return found.filter((c) => {
    const after = text.slice(c.span.end, c.span.end + 20);
    const before = text.slice(Math.max(0, c.span.start - 20), c.span.start);
    if (c.recipe.kind === 'date' && c.recipe.y !== undefined && c.recipe.m === undefined && (NOT_A_TIME_AFTER.test(after) || NOT_A_TIME_BEFORE.test(before))) return false;
    return true;
  });
}

/** Of overlapping candidates keeps the longest (the earliest-found on a tie: rules before chrono, whose "last Monday" loses "last"). */
export function keepLongest(found: Candidate[]): Candidate[] {
  const order = found.map((c, i) => ({ c, i })).sort((a, b) => b.c.span.end - b.c.span.start - (a.c.span.end - a.c.span.start) || a.i - b.i);
  const kept: Candidate[] = [];
  for (const { c } of order) if (!kept.some((k) => k.span.start < c.span.end && c.span.start < k.span.end)) kept.push(c);
  return kept.sort((a, b) => a.span.start - b.span.start);
}

let cache: { text: string; sentences: readonly Span[]; result: Candidate[] } | null = null;

/** Finds every time expression of `text`, anchor-free, in text order. Cached for the last text and sentences (the `publication` and `times` stages both ask). */
export function findTimes(text: string, sentences: readonly Span[]): Candidate[] {
  if (cache && cache.text === text && cache.sentences === sentences) return cache.result;
  const all = keepLongest(dropNonTimes(text, [...findRelative(text), ...findDays(text), ...findChrono(text), ...findDurations(text)]));
  const result = all.map((c) => {
    const sentence = sentences.find((s) => s.start <= c.span.start && c.span.end <= s.end) ?? { start: 0, end: text.length };
    const direction = needsDirection(c) ? directionOf(text, sentence, c.span) : undefined;
    return direction ? { ...c, direction } : c;
  });
  cache = { text, sentences, result };
  return result;
}

/** Expressions whose placement (or, for full dates, whose use as publication evidence) depends on tense. */
function needsDirection(c: Candidate): boolean {
  const r = c.recipe;
  return r.kind === 'weekday' || r.kind === 'quarter' || r.kind === 'season' || (r.kind === 'date' && r.m !== undefined);
}
