/**
 * What building an event reads of its mentions, kept as running tallies (`EventSummary`): distinct
 * date ranges with their counts, status votes, place and actor keys in first-seen order, ordinals,
 * month-days, the first mention and the first report. Adding mentions updates the tallies, and two
 * events' summaries join, so an incremental run grows an event reported a thousand times without
 * reading its thousand mentions; a full run builds the same summary from the whole group, so both
 * give the same event (`eventFrom` in `build.ts`).
 */
import type { EventStatus } from '../../annotate/events/types.js';
import type { DateRange } from './date-range.js';
import type { EventNode } from './nodes.js';

/** Statuses that vote, in the order a tie is decided (happened, then planned, then denied). */
export const VOTING: EventStatus[] = ['happened', 'planned', 'denied'];

/** Plain data (stored as JSON in an incremental run's state); every list in first-seen order. */
export interface EventSummary {
  type: string;
  /** The first mention (document and place in its `eventMentions`): what the event's id is made from. */
  first: [doc: string, index: number];
  count: number;
  /** Distinct calendar ranges of dated mentions, each with its number of mentions. */
  ranges: [start: string, end: string, precision: DateRange['precision'], n: number][];
  /** Place keys with their number of mentions and the text the first of them gave. */
  places: [key: string, n: number, text: string][];
  /** Actor keys with the text each was first written as. */
  actors: [key: string, name: string][];
  ordinals: [ordinal: number, n: number][];
  /** Month-days ("03-29") of times without a year, with their counts. */
  monthDays: [monthDay: string, n: number][];
  /** Votes per `VOTING` status: of the mentions that date the event, and of all mentions. */
  dated: number[];
  all: number[];
  /** The earliest publication date among the mentions' documents, and that document. */
  firstReport: [doc: string, date: string] | null;
}

/** An empty summary of an event of this type whose first mention is `first`. */
function emptySummary(first: EventNode): EventSummary {
  return { type: first.type, first: [first.doc, first.index], count: 0, ranges: [], places: [], actors: [], ordinals: [], monthDays: [], dated: [0, 0, 0], all: [0, 0, 0], firstReport: null };
}

/** "XXXX-03-29" (a date whose year the text leaves open) → "03-29". */
export function monthDayOf(time: string | null): string | null {
  const m = time !== null ? /^XXXX-(\d{2}-\d{2})$/.exec(time) : null;
  return m ? m[1] : null;
}

/** A tally list with an index on its first column, for counting many values in one pass. */
function indexed<R extends [unknown, ...unknown[]]>(rows: R[]): Map<R[0], R> {
  return new Map(rows.map((r) => [r[0], r]));
}

/** Counts `value` in a `[value, n, …]` tally, adding a row made by `row` when it is new. */
function count<R extends [unknown, number, ...unknown[]]>(rows: R[], index: Map<R[0], R>, value: R[0], by: number, row: () => R): void {
  const hit = index.get(value);
  if (hit) hit[1] += by;
  else {
    const r = row();
    rows.push(r);
    index.set(value, r);
  }
}

type RangeRow = EventSummary['ranges'][number];
const rangeKey = (r: { start: string; end: string; precision: string } | RangeRow) => (Array.isArray(r) ? `${r[0]}|${r[1]}|${r[2]}` : `${r.start}|${r.end}|${r.precision}`);
const rangeIndex = (rows: RangeRow[]) => new Map(rows.map((r) => [rangeKey(r), r]));

/** Counts a range in the summary's distinct ranges. */
function countRange(rows: RangeRow[], index: Map<string, RangeRow>, r: RangeRow): void {
  const hit = index.get(rangeKey(r));
  if (hit) hit[3] += r[3];
  else {
    const row: RangeRow = [...r];
    rows.push(row);
    index.set(rangeKey(row), row);
  }
}

/** Adds an actor key with its first-seen text, unless it is listed already. */
function addActor(rows: EventSummary['actors'], index: Map<string, EventSummary['actors'][number]>, key: string, name: string): void {
  if (index.has(key)) return;
  const row: EventSummary['actors'][number] = [key, name];
  rows.push(row);
  index.set(key, row);
}

/** Adds mentions (in event order) to a summary, in place; returns it. */
export function addMentions(sum: EventSummary, nodes: Iterable<EventNode>): EventSummary {
  const [ranges, places, actors, ordinals, monthDays] = [rangeIndex(sum.ranges), indexed(sum.places), indexed(sum.actors), indexed(sum.ordinals), indexed(sum.monthDays)];
  for (const n of nodes) {
    sum.count++;
    if (n.range) countRange(sum.ranges, ranges, [n.range.start, n.range.end, n.range.precision, 1]);
    if (n.placeKey) count(sum.places, places, n.placeKey, 1, () => [n.placeKey!, 1, n.place?.text ?? '']);
    for (const k of n.actorKeys) if (n.actorNames.has(k)) addActor(sum.actors, actors, k, n.actorNames.get(k)!);
    if (n.ordinal !== null) count(sum.ordinals, ordinals, n.ordinal, 1, () => [n.ordinal!, 1]);
    const md = monthDayOf(n.time);
    if (md !== null) count(sum.monthDays, monthDays, md, 1, () => [md, 1]);
    const vote = VOTING.indexOf(n.status);
    if (vote >= 0) {
      sum.all[vote]++;
      if (n.range) sum.dated[vote]++;
    }
    if (n.published && (sum.firstReport === null || n.published < sum.firstReport[1])) sum.firstReport = [n.doc, n.published];
  }
  return sum;
}

/** The summary of a group of mentions (in event order). */
export function summaryOf(group: EventNode[]): EventSummary {
  return addMentions(emptySummary(group[0]), group);
}

/** The summary of `a`'s mentions followed by `b`'s: what `summaryOf` gives for the joined group. */
export function joinSummaries(a: EventSummary, b: EventSummary): EventSummary {
  const out: EventSummary = structuredClone(a);
  const ranges = rangeIndex(out.ranges);
  for (const r of b.ranges) countRange(out.ranges, ranges, r);
  const places = indexed(out.places);
  for (const [k, n, text] of b.places) count(out.places, places, k, n, () => [k, n, text]);
  const actors = indexed(out.actors);
  for (const [k, name] of b.actors) addActor(out.actors, actors, k, name);
  const ordinals = indexed(out.ordinals);
  for (const [o, n] of b.ordinals) count(out.ordinals, ordinals, o, n, () => [o, n]);
  const monthDays = indexed(out.monthDays);
  for (const [md, n] of b.monthDays) count(out.monthDays, monthDays, md, n, () => [md, n]);
  out.count += b.count;
  out.dated = out.dated.map((v, i) => v + b.dated[i]);
  out.all = out.all.map((v, i) => v + b.all[i]);
  if (b.firstReport && (out.firstReport === null || b.firstReport[1] < out.firstReport[1])) out.firstReport = b.firstReport;
  return out;
}
