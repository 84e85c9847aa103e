/**
 * Candidate finder built on chrono-node (casual English) for what it reads well: calendar dates in
 * every common format ("March 22, 2013", "Feb. 28", "2013-03-21", "3rd of March", "Monday, June 2"),
 * month–year, clock times ("15:00 GMT", "8 PM") and weekdays with a time. Its relative readings are
 * dropped ("for a second", "four days after", "now"): the other finders own those, with granularity
 * and direction. Only fields chrono *knows* become the recipe; nothing it merely implied from the
 * reference date survives, so the value is anchored later by tense, not by chrono's nearest guess.
 */
import * as chrono from 'chrono-node';
import type { Candidate, Recipe } from './types.js';

const parser = chrono.casual.clone();

/** Tags of chrono results that come from its relative or casual readings, which other finders replace. */
const DROPPED_TAGS = /relativeDate|casualReference|CasualDateParser|CasualTimeParser|TimeUnit/;
/** A leading preposition chrono includes in its text but TIMEX3 extents leave out. */
const LEADING_WORD = /^(?:at|on|in|by|from|of|since|until|the)\s+/i;
/** A chrono result is kept only if it has a digit, a month name or a full weekday name ("Sun" is a newspaper). */
const WORTH_KEEPING = /\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
/** A clock time must look like one ("8 PM", "15:00", "10 a.m."), not a price ("1.25 a share"). */
const CLOCK = /\d{1,2}:\d{2}|\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|noon|midnight/i;
const isClockOnly = (r: chrono.ParsedResult) => !r.start.isCertain('day') && !r.start.isCertain('month') && !r.start.isCertain('weekday') && !r.start.isCertain('year');
const RANGE_SPLIT = /\s*(?:–|—|-|\bto\b|\buntil\b|\bthrough\b|\band\b)\s*/i;

type Component = chrono.ParsedComponents;

/** chrono needs an instant to fill implied fields; a fixed one (never the clock), since implied fields are discarded. */
const FIXED_INSTANT = new Date(0);

function recipeOf(c: Component): Recipe | null {
  const known = (k: chrono.Component) => c.isCertain(k);
  const hh = known('hour') ? (c.get('hour') ?? undefined) : undefined;
  const mi = hh !== undefined && known('minute') ? (c.get('minute') ?? undefined) : undefined;
  if (known('day') || known('month') || known('year')) {
    return {
      kind: 'date',
      y: known('year') ? c.get('year')! : undefined,
      m: known('month') ? c.get('month')! : undefined,
      d: known('day') ? c.get('day')! : undefined,
      wd: known('weekday') ? isoWd(c.get('weekday')!) : undefined,
      hh,
      mi,
    };
  }
  if (known('weekday')) return { kind: 'weekday', wd: isoWd(c.get('weekday')!), hh, mi };
  if (hh !== undefined) return { kind: 'date', hh, mi };
  return null;
}

/** chrono counts Sunday as 0; TIMEX3 and ISO as 7. */
const isoWd = (w: number) => (w === 0 ? 7 : w);

/** Finds the calendar dates and clock times of `text` that chrono reads without guessing. */
export function findChrono(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const r of parser.parse(text, { instant: FIXED_INSTANT, timezone: 0 })) {
    const tags = [...(r.tags?.() ?? [])].join(',');
    if (DROPPED_TAGS.test(tags)) continue;
    if (/SlashDateFormat/.test(tags) && !r.start.isCertain('year')) continue;
    if (!WORTH_KEEPING.test(r.text)) continue;
    if (isClockOnly(r) && (!CLOCK.test(r.text) || /\d[.,]$/.test(text.slice(Math.max(0, r.index - 2), r.index)))) continue;
    const lead = LEADING_WORD.exec(r.text)?.[0].length ?? 0;
    const start = r.index + lead;
    const body = r.text.slice(lead).replace(/[\s,.;:]+$/, (t) => (/^\.$/.test(t) && /(?:\b[A-Za-z]{2,4}|[ap]\.m)\.$/i.test(r.text) ? t : ''));
    const pieces = r.end ? splitRange(body) : null;
    const first = recipeOf(r.start);
    if (!first) continue;
    const type = (r: Recipe) => ('hh' in r && r.hh !== undefined ? 'TIME' : 'DATE');
    if (pieces && r.end) {
      const endRecipe = recipeOf(r.end);
      found.push({ span: { start, end: start + pieces[0].length }, type: type(first), recipe: first, source: 'chrono:range-start' });
      if (endRecipe) {
        const endStart = start + body.length - pieces[1].length;
        found.push({ span: { start: endStart, end: start + body.length }, type: type(endRecipe), recipe: endRecipe, source: 'chrono:range-end' });
      }
      continue;
    }
    found.push({ span: { start, end: start + body.length }, type: type(first), recipe: first, source: `chrono:${first.kind}` });
  }
  return found;
}

function splitRange(body: string): [string, string] | null {
  const m = RANGE_SPLIT.exec(body);
  if (!m || m.index === 0) return null;
  return [body.slice(0, m.index), body.slice(m.index + m[0].length)];
}
