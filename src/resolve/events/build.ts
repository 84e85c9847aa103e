/**
 * Builds one `Event` (contract v1 shape) from a group of merged mentions, through the summary of
 * them (`summary.ts`): its date is the range most dated mentions agree on (undated mentions inherit
 * it), its status the most common evidence (happened > planned > denied on a tie), its place the most
 * mentioned key and its actors every key in first-seen order; its id is made from its type and first
 * mention, so it outlives the event's growth.
 */
import { createHash } from 'node:crypto';
import type { EventStatus } from '../../annotate/events/types.js';
import { narrower, overlaps, type DateRange } from './date-range.js';
import type { EventNode } from './nodes.js';
import { summaryOf, VOTING, type EventSummary } from './summary.js';

export interface Event {
  id: string;
  type: string;
  title: string;
  status: EventStatus;
  date: { start: string | null; end: string | null; precision: 'day' | 'month' | 'year' | 'unknown' };
  place: string | null;
  actors: string[];
  mentions: { doc: string; start: number; end: number; text: string }[];
  /** Not in contract v1's required fields; kept for the timeline and contradiction finding. */
  ordinal: number | null;
  /** Month and day ("03-29") when sources give a date without its year, and no full date. */
  monthDay: string | null;
  /** The pack's known event this is, when one matched. */
  known: string | null;
  /** Where the date came from: the sources' time expressions, or the pack's known event. */
  dateFrom: 'text' | 'pack' | null;
  placeText: string | null;
  actorTexts: string[];
}

const ORDINAL_WORD = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** The most frequent value of a `[value, n]` tally in first-seen order (first seen wins a tie). */
function mode<T>(tally: [T, number, ...unknown[]][]): T | null {
  let best: [T, number, ...unknown[]] | null = null;
  for (const row of tally) if (best === null || row[1] > best[1]) best = row;
  return best === null ? null : best[0];
}

/**
 * The range most dated mentions agree on, narrowed by every range that overlaps it. Identical ranges
 * are counted once with their number (an event reported a thousand times has a few distinct dates),
 * so the pairwise comparison is over distinct ranges only.
 */
function agreedRange(distinct: EventSummary['ranges']): DateRange | null {
  if (distinct.length === 0) return null;
  const kinds = distinct.map(([start, end, precision, n]) => ({ range: { start, end, precision }, n }));
  const supported = kinds.map(({ range }) => kinds.reduce((sum, o) => sum + (overlaps(range, o.range) ? o.n : 0), 0));
  const top = Math.max(...supported);
  return kinds.filter((_, i) => supported[i] === top).map((k) => k.range).reduce(narrower);
}

/**
 * The event's status: the most common known status among the mentions that date it (they speak of
 * the event itself; an undated mention merged in often speaks of something around it), else among
 * all mentions; a tie goes to happened, then planned, then denied.
 */
function eventStatus(sum: EventSummary): EventStatus {
  const counts = sum.dated.some((n) => n > 0) ? sum.dated : sum.all;
  const top = Math.max(...counts);
  return top === 0 ? 'unknown' : VOTING[counts.indexOf(top)];
}

/** The id of an event: made from its type and first mention, so it stays the same as the event grows. */
export function eventId(sum: EventSummary): string {
  return 'ev_' + createHash('sha1').update(`${sum.type}|${sum.first[0]}|${sum.first[1]}`).digest('hex').slice(0, 12);
}

/** The mentions of a group as an event lists them. */
export const mentionsOf = (group: EventNode[]): Event['mentions'] => group.map((n) => ({ doc: n.doc, start: n.span.start, end: n.span.end, text: n.text }));

/** Builds the event of a group of merged mentions (in event order). */
export function buildEvent(group: EventNode[]): Event {
  return eventFrom(summaryOf(group), mentionsOf(group));
}

/** Builds an event from the summary of its mentions and their list (as `buildEvent` from the group). */
export function eventFrom(sum: EventSummary, mentions: Event['mentions']): Event {
  const range = agreedRange(sum.ranges);
  const placeKey = mode(sum.places);
  const placeText = sum.places.find((p) => p[0] === placeKey)?.[2] ?? null;
  const actorKeys = sum.actors.map(([k]) => k);
  const actorTexts = sum.actors.map(([, name]) => name);
  const ordinal = mode(sum.ordinals);
  const status = eventStatus(sum);
  const id = eventId(sum);
  const what = sum.type.charAt(0).toUpperCase() + sum.type.slice(1);
  const title = [
    ordinal !== null ? `${what}, ${ORDINAL_WORD[ordinal] ?? ordinal + 'th'} round` : what,
    actorTexts.slice(0, 3).join(', ') || null,
    placeText ? `in ${placeText}` : null,
  ]
    .filter(Boolean)
    .join(' — ');
  return {
    id,
    type: sum.type as Event['type'],
    title,
    status,
    date: range
      ? { start: range.start, end: range.end, precision: range.precision === 'week' ? 'day' : range.precision }
      : { start: null, end: null, precision: 'unknown' },
    place: placeKey && !placeKey.startsWith('~') ? placeKey : null,
    actors: actorKeys.filter((k) => !k.startsWith('~')),
    mentions,
    ordinal,
    monthDay: range ? null : mode(sum.monthDays),
    known: null,
    dateFrom: range ? 'text' : null,
    placeText,
    actorTexts,
  };
}
