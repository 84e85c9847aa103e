/**
 * Two kinds of publication evidence that relate the text's dated anchors to the moment of writing:
 * - **month constraints**: "earlier this month" / "this month" in the sentence that states a dated
 *   anchor ("graves found in Bucha earlier this month" + that discovery on 2 April) put publication in
 *   that month ("last month" is left out: on the pubdate bench it more often belonged to another
 *   clause of the sentence than to the anchor);
 * - **recency**: news reports its newest event within days. When the latest past anchor is described
 *   as recent ("a recent attack", "last week", "days ago") and the text reports what happened "on
 *   Monday", publication is the first Monday on or after that anchor (or the day after it). This is
 *   only corroboration: without the cue an old event mentioned as history ("the first round ended
 *   without a deal") does not pull an unrelated weekday onto itself.
 */
import type { Span } from '../../model/doc.js';
import type { Candidate } from '../../annotate/times/types.js';
import { valueOf } from '../../annotate/times/value.js';
import { daysBetween } from '../../annotate/times/calendar.js';
import type { Anchor } from './anchors.js';

/** Publication lies in `month` (`YYYY-MM`). */
export interface MonthConstraint {
  month: string;
  evidence: string;
}

/**
 * Characters either side of an anchor (within its sentence) a recency cue is looked for in: a short
 * phrase ("a recent attack at …", "images taken late last week show a mass grave in …"). The whole
 * sentence is too far: "found four days after talks and with a recent attack at …" would call the
 * talks recent. On the pubdate bench 40 and 60 fire on the same documents, 20 on none.
 */
const CUE_REACH = 40;
/** Words saying an anchor is recent news, looked for near the anchor. */
const RECENT_CUE = /\b(?:recent(?:ly)?|last week|this week|earlier this week|(?:a few|few|several|two|three|four|five|\d) days ago|days earlier|yesterday|last night)\b/i;

/**
 * Days after the latest recent anchor a publication date chosen by recency may lie: a week for the
 * weekday to come round plus one for the report of it (the usual gap). Longer would let an event of a
 * fortnight ago pass as the newest news.
 */
export const RECENT_DAYS = 8;

const sentenceOf = (sentences: readonly Span[], at: Span, text: string): Span =>
  sentences.find((s) => s.start <= at.start && at.start < s.end) ?? { start: 0, end: text.length };

/** Anchors that bound publication from below: past-tense dates and past known events (not alternatives). */
export function lowerBounds(anchors: readonly Anchor[]): Anchor[] {
  return anchors.filter((a) => a.direction === 'behind' && !a.alternative);
}

/**
 * Month constraints: a month-granular expression of the present month ("earlier this month", "this
 * month") in the same sentence as a dated anchor that is not ahead.
 */
export function monthConstraints(text: string, found: readonly Candidate[], anchors: readonly Anchor[], sentences: readonly Span[]): MonthConstraint[] {
  const out: MonthConstraint[] = [];
  for (const c of found) {
    const r = c.recipe;
    if (r.kind !== 'shift' || r.unit !== 'M' || r.n !== 0) continue;
    const s = sentenceOf(sentences, c.span, text);
    const distance = (a: Anchor) => Math.min(...[a.at!, ...(a.also ?? [])].filter((x) => x.start >= s.start && x.end <= s.end).map((x) => Math.abs(x.start - c.span.start)));
    const inside = anchors.filter((a) => a.at && a.direction !== 'ahead' && !a.alternative && distance(a) < Infinity);
    if (inside.length === 0) continue;
    const nearest = inside.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    const month = nearest.date.slice(0, 7);
    out.push({ month, evidence: `"${text.slice(c.span.start, c.span.end)}" with ${nearest.date} in its sentence: published in ${month}` });
  }
  return out;
}

/** The latest lower bound when the words near it call it recent (the newest news of the text), else null. */
export function recentBound(text: string, anchors: readonly Anchor[], sentences: readonly Span[]): Anchor | null {
  const bounds = lowerBounds(anchors);
  if (bounds.length === 0) return null;
  const latest = bounds.map((a) => a.date).sort().pop()!;
  const recent = bounds.find((a) => {
    if (a.date !== latest || !a.at) return false;
    const s = sentenceOf(sentences, a.at, text);
    return RECENT_CUE.test(text.slice(Math.max(s.start, a.at.start - CUE_REACH), Math.min(s.end, a.at.end + CUE_REACH)));
  });
  return recent ?? null;
}

/**
 * Recency (see above): `day` is at most `RECENT_DAYS` after the latest past anchor the text
 * calls recent, a past weekday read from `day` falls on or after that anchor, and every month
 * constraint holds. Returns the number of agreeing month constraints and the evidence, or null.
 * When it holds for the best day, the range keeps only the days it holds for.
 */
export function recencyOf(day: string, text: string, anchors: readonly Anchor[], weekdays: readonly Candidate[], months: readonly MonthConstraint[], sentences: readonly Span[]): { months: number; evidence: string } | null {
  const bound = recentBound(text, anchors, sentences);
  if (!bound || day < bound.date || daysBetween(bound.date, day) > RECENT_DAYS || months.some((m) => !day.startsWith(m.month))) return null;
  const after = weekdays.filter((w) => w.direction === 'behind' && valueOf(w.recipe, { publication: day, lastDay: null, direction: 'behind' }).slice(0, 10) >= bound.date);
  if (after.length === 0) return null;
  const said = after.map((w) => `"${text.slice(w.span.start, w.span.end)}"`).join(', ');
  return { months: months.length, evidence: `recent news: ${said} read from ${day} falls on or after ${bound.date}, the latest past anchor, which the text calls recent` };
}

/**
 * What `day` contradicts: a known event the text tells as past that is after it, a month constraint
 * it misses. (The tense of a written date is too often misread, "… on 3 July, she said", to veto.)
 */
export function conflictsOf(day: string, anchors: readonly Anchor[], months: readonly MonthConstraint[]): string[] {
  const out: string[] = [];
  for (const a of lowerBounds(anchors)) if (a.kind === 'event' && a.date > day) out.push(`past ${a.date}`);
  for (const m of months) if (!day.startsWith(m.month)) out.push(`month ${m.month}`);
  return out;
}
