/**
 * Links merged events to the domain pack's known events (dated negotiation rounds, summits), so a
 * round that no article dates still lands on the right day, and two reports that the text alone
 * cannot tie together ("the second round" here, "talks in Belovezhskaya Pushcha" there) become one.
 *
 * A candidate must have the event's type and a compatible date (any, when the event is undated) and
 * is scored on the evidence the text gives: the same ordinal (+2; a different one rules it out), the
 * same month and day when the text leaves out the year ("on March 29", +2; a different one rules it out), the
 * same venue (+2) or a place containing it (+1, "in Belarus" for a round in the Gomel region), and
 * a shared party (+1). An undated event that happened cannot be a known event later than the first
 * report of it (ruled out), and one a few weeks before that report is what the news means by an
 * undated "the attack at the station" (+1). A dated event needs a score of 1, an undated one 3 — and
 * only a unique best candidate is taken.
 */
import type { Context } from '../../context.js';
import type { PackEvent } from '../../packs/schema.js';
import type { Event } from './build.js';

/** Days either side of a known date still taken as that event (reports a day off, time zones). */
const DATE_SLACK_DAYS = 1;
const DAY = 86_400_000;
const MIN_SCORE_DATED = 1;
const MIN_SCORE_UNDATED = 3;
/**
 * Days before a report within which an undated past event it names counts as recent news: a month,
 * the span in which articles mention an event without dating it ("the attack on the station").
 */
const RECENT_DAYS = 31;

/** What linking needs to know about entities: their pack ids, and which place lies within which. */
export interface PackView {
  packIdOf(entityId: string): string | null;
  /** The place and every place containing it, by pack id. */
  placeChain(packId: string): string[];
  /** A document's publication date (`YYYY-MM-DD`), when known. */
  published(docId: string): string | null;
  /** The earliest publication date of the event's documents, when known without reading its mentions. */
  firstReport?(event: Event): string | null;
}

export function packView(ctx: Context, packOf: (entityId: string) => string | null, published: (docId: string) => string | null = () => null): PackView {
  const within = new Map((ctx.pack.entities ?? []).map((e) => [e.id, e.within ?? null]));
  return {
    published,
    packIdOf: packOf,
    placeChain(id) {
      const chain: string[] = [];
      for (let p: string | null | undefined = id; p && !chain.includes(p); p = within.get(p)) chain.push(p);
      return chain;
    },
  };
}

const shift = (date: string, days: number) => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);

function score(event: Event, known: PackEvent & { ordinal?: number }, view: PackView): number | null {
  if (known.type !== event.type) return null;
  if (event.date.start && event.date.end) {
    const [from, to] = [shift(known.date, -DATE_SLACK_DAYS), shift(known.end ?? known.date, DATE_SLACK_DAYS)];
    if (event.date.end < from || event.date.start > to) return null;
  }
  let s = 0;
  const reported = firstReport(event, view);
  if (!event.date.start && event.status === 'happened' && reported) {
    if (known.date > reported) return null;
    if (Date.parse(reported) - Date.parse(known.date) <= RECENT_DAYS * DAY) s += 1;
  }
  if (!event.date.start && event.monthDay) {
    if (event.monthDay !== known.date.slice(5)) return null;
    s += 2;
  }
  if (event.ordinal !== null && known.ordinal !== undefined) {
    if (event.ordinal !== known.ordinal) return null;
    s += 2;
  }
  const place = event.place ? view.packIdOf(event.place) : null;
  if (place && known.place) {
    if (place === known.place) s += 2;
    else if (view.placeChain(known.place).includes(place)) s += 1;
  }
  const parties = event.actors.map((a) => view.packIdOf(a)).filter((p): p is string => p !== null);
  if (parties.some((p) => known.parties.includes(p))) s += 1;
  return s;
}

/** The earliest publication date of the documents that mention `event`, or null when none is dated. */
function firstReport(event: Event, view: PackView): string | null {
  if (view.firstReport) return view.firstReport(event);
  const dates = event.mentions.map((m) => view.published(m.doc)).filter((d): d is string => d !== null);
  return dates.length > 0 ? dates.reduce((a, b) => (a < b ? a : b)) : null;
}

/** The known event each event is, by event id, when the evidence picks exactly one. */
export function matchKnownEvents(events: Event[], ctx: Context, view: PackView): Map<string, PackEvent> {
  const known = (ctx.pack.events ?? []) as (PackEvent & { ordinal?: number })[];
  const out = new Map<string, PackEvent>();
  for (const event of events) {
    const need = event.date.start ? MIN_SCORE_DATED : MIN_SCORE_UNDATED;
    const scored = known.map((k) => ({ k, s: score(event, k, view) })).filter((x): x is { k: PackEvent; s: number } => x.s !== null && x.s >= need);
    const best = Math.max(...scored.map((x) => x.s));
    const top = scored.filter((x) => x.s === best);
    if (top.length === 1) out.set(event.id, top[0].k);
  }
  return out;
}
