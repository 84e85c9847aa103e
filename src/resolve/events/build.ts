/**
 * Builds one `Event` (contract v1 shape) from a group of merged mentions: its date is the narrowest
 * range all dated mentions agree on (undated mentions inherit it), its status the strongest evidence
 * (happened > planned > denied > unknown), its place and actors the most mentioned keys.
 */
import { createHash } from 'node:crypto';
import type { EventStatus } from '../../annotate/events/types.js';
import { narrower, overlaps, type DateRange } from './date-range.js';
import type { EventNode } from './nodes.js';

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
const STATUS_RANK: EventStatus[] = ['happened', 'planned', 'denied', 'unknown'];

/** "XXXX-03-29" (a date whose year the text leaves open) → "03-29". */
function monthDayOf(n: EventNode): string[] {
  const m = n.time !== null ? /^XXXX-(\d{2}-\d{2})$/.exec(n.time) : null;
  return m ? [m[1]] : [];
}

/** The most frequent value (first seen wins a tie). */
function mode<T>(values: T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

/**
 * The range most dated mentions agree on, narrowed by every range that overlaps it. Identical ranges
 * are counted once with their number (an event reported a thousand times has a few distinct dates),
 * so the pairwise comparison is over distinct ranges only.
 */
function agreedRange(ranges: DateRange[]): DateRange | null {
  if (ranges.length === 0) return null;
  const distinct = new Map<string, { range: DateRange; n: number }>();
  for (const r of ranges) {
    const key = `${r.start}|${r.end}|${r.precision}`;
    const slot = distinct.get(key);
    if (slot) slot.n++;
    else distinct.set(key, { range: r, n: 1 });
  }
  const kinds = [...distinct.values()];
  const supported = kinds.map(({ range }) => kinds.reduce((sum, o) => sum + (overlaps(range, o.range) ? o.n : 0), 0));
  const top = Math.max(...supported);
  return kinds.filter((_, i) => supported[i] === top).map((k) => k.range).reduce(narrower);
}

/**
 * The event's status: the most common known status among the mentions that date it (they speak of
 * the event itself; an undated mention merged in often speaks of something around it), else among
 * all mentions; a tie goes to happened, then planned, then denied.
 */
function eventStatus(group: EventNode[]): EventStatus {
  const dated = group.filter((n) => n.range && n.status !== 'unknown');
  const voters = dated.length > 0 ? dated : group.filter((n) => n.status !== 'unknown');
  const counts = STATUS_RANK.map((s) => voters.filter((n) => n.status === s).length);
  const top = Math.max(...counts);
  return top === 0 ? 'unknown' : STATUS_RANK[counts.indexOf(top)];
}

export function buildEvent(group: EventNode[]): Event {
  const first = group[0];
  const range = agreedRange(group.flatMap((n) => (n.range ? [n.range] : [])));
  const placeKey = mode(group.flatMap((n) => (n.placeKey ? [n.placeKey] : [])));
  const placeText = group.find((n) => n.placeKey === placeKey)?.place?.text ?? null;
  const actorNames = new Map<string, string>();
  for (const n of group) for (const k of n.actorKeys) if (!actorNames.has(k) && n.actorNames.has(k)) actorNames.set(k, n.actorNames.get(k)!);
  const actorKeys = [...actorNames.keys()];
  const actorTexts = [...actorNames.values()];
  const ordinal = mode(group.flatMap((n) => (n.ordinal !== null ? [n.ordinal] : [])));
  const status = eventStatus(group);
  const mentions = group.map((n) => ({ doc: n.doc, start: n.span.start, end: n.span.end, text: n.text }));
  const id = 'ev_' + createHash('sha1').update(first.type + mentions.map((m) => `${m.doc}:${m.start}`).join('|')).digest('hex').slice(0, 12);
  const what = first.type.charAt(0).toUpperCase() + first.type.slice(1);
  const title = [
    ordinal !== null ? `${what}, ${ORDINAL_WORD[ordinal] ?? ordinal + 'th'} round` : what,
    actorTexts.slice(0, 3).join(', ') || null,
    placeText ? `in ${placeText}` : null,
  ]
    .filter(Boolean)
    .join(' — ');
  return {
    id,
    type: first.type,
    title,
    status,
    date: range
      ? { start: range.start, end: range.end, precision: range.precision === 'week' ? 'day' : range.precision }
      : { start: null, end: null, precision: 'unknown' },
    place: placeKey && !placeKey.startsWith('~') ? placeKey : null,
    actors: actorKeys.filter((k) => !k.startsWith('~')),
    mentions,
    ordinal,
    monthDay: range ? null : mode(group.flatMap((n) => monthDayOf(n))),
    known: null,
    dateFrom: range ? 'text' : null,
    placeText,
    actorTexts,
  };
}
