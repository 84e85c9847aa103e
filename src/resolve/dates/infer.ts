/**
 * Publication-date inference from a document's content: role hints bound a window; dated anchors
 * (full dates, weekday–date agreement, dated events) and the weekdays the text uses then score every
 * candidate day. A day scores for each anchor its tense allows (a past date or known event on or
 * before it, a future one on or after), for each month constraint it meets ("earlier this month"
 * beside a dated anchor), for each anchor a weekday lands on when read from that day ("talks
 * Thursday" + the second round on 2022-03-03), and for a date written with its weekday ("Monday,
 * June 2") when within the week of it, as news writes weekdays only then; past weekdays prefer being
 * the day before (news reports yesterday). Confidence comes from weekdays landing on anchors, or from
 * recency (the first past weekday after the latest anchor the text calls recent), and is capped when
 * the best day contradicts a past known event or a month constraint. The result is the best day, the
 * range of days scoring as well, a confidence and the evidence — or null with source `none` when
 * nothing dates the text.
 */
import type { Span } from '../../model/doc.js';
import type { Candidate } from '../../annotate/times/types.js';
import { valueOf } from '../../annotate/times/value.js';
import { addDays, daysBetween } from '../../annotate/times/calendar.js';
import { anchorsOf, fillYears, type Anchor, type Window } from './anchors.js';
import type { HintMatch } from './hints.js';
import type { PublicationInference } from './types.js';
import { latestPastYear } from './past-year.js';
import { conflictsOf, lowerBounds, monthConstraints, recencyOf, type MonthConstraint } from './recency.js';

/** Days before the earliest / after the latest anchor a publication day is searched in. */
const SEARCH_BEFORE = 14;
const SEARCH_AFTER = 30;
/** At most this many days before the latest anchor are searched (a 1945 date in a 2022 story must not make a 77-year search). */
const MAX_SEARCH_DAYS = 120;
/** Usual gap (days) between a past weekday and publication: news reports the previous day. */
const USUAL_GAP = 1;
/** Cost per day of a past weekday's gap beyond the usual one, and per day past the latest anchor. */
const GAP_COST = 0.1;
const DRIFT_COST = 0.01;
/**
 * Weight of a written date whose tense is unknown, as a lower bound (a past-tense one weighs 1).
 * On the pubdate bench 0 and 0.25 give the same shares except exact day on NYT/Guardian with the
 * pack (2.5% vs 2.7%); 0.5 outweighs the weekday-gap cost and drags a text announcing "talks on
 * Monday, June 2" onto that Monday.
 */
const UNDIRECTED_WEIGHT = 0.25;
/** Days scoring within this of the best form the reported range (0.3 = one past weekday three days off its usual gap). */
const RANGE_SLACK = 0.3;
/**
 * Confidence of a day chosen by recency alone (no weekday landing on an anchor): the first past
 * weekday on or after the latest anchor the text calls recent; each agreeing month constraint adds
 * `MONTH_BONUS`. Set at `MIN_CONFIDENCE` so that recency alone dates a text only with a range of at
 * most two days (see `confidenceOf`).
 */
const RECENT_CONFIDENCE = 0.5;
const MONTH_BONUS = 0.1;
/** Highest confidence of a day that contradicts some of the evidence (`conflictsOf`): never trusted. */
const CONFLICT_CAP = 0.4;
/** Below this confidence no date is given (only the evidence and range). Chosen so confidently wrong stays ≤ 3% on GDELT. */
export const MIN_CONFIDENCE = 0.5;

/** The empty inference: nothing in the text dates it. */
export const UNDATED: PublicationInference = { date: null, source: 'none', confidence: 0, evidence: [], range: null };

/** Infers when `text` was published; `found` are its time expressions, `hints` the pack facts it mentions. */
export function inferPublication(text: string, found: readonly Candidate[], hints: readonly HintMatch[], referenceDate: string, sentences: readonly Span[] = []): PublicationInference {
  const evidence: string[] = [];
  const window: Window = { from: null, to: referenceDate };
  for (const { hint } of hints.filter((h) => h.hint.kind === 'role')) {
    const from = window.from && window.from > hint.from ? window.from : hint.from;
    const to = hint.to && hint.to < window.to ? hint.to : window.to;
    if (from > to) {
      evidence.push(`ignored ${hint.what} (${hint.from}…${hint.to ?? 'now'}): conflicts with other evidence`);
      continue;
    }
    Object.assign(window, { from, to });
    evidence.push(`mentions ${hint.what} (${hint.from}…${hint.to ?? 'now'})`);
  }
  const pastYear = latestPastYear(text, found, sentences, Number(window.to.slice(0, 4)));
  let anchors = anchorsOf(text, found, hints.filter((h) => h.hint.kind === 'event'), window, sentences, pastYear);
  anchors = [...anchors, ...fillYears(text, found, anchors, window, sentences)];
  if (anchors.length === 0) return { ...UNDATED, evidence: [...evidence, 'no dated anchor in the text'] };
  const weekdays = found.filter((c) => c.recipe.kind === 'weekday' && c.recipe.hh === undefined);
  const months = monthConstraints(text, found, anchors, sentences);
  const bounding = [...anchors.filter((a) => a.kind === 'written'), ...lowerBounds(anchors).filter((a) => a.kind === 'event')];
  const dates = (bounding.length > 0 ? bounding : anchors).map((a) => a.date).sort();
  const start = maxDate(maxDate(addDays(dates[0], -SEARCH_BEFORE), addDays(dates[dates.length - 1], -MAX_SEARCH_DAYS)), window.from);
  const end = minDate(addDays(dates[dates.length - 1], SEARCH_AFTER), window.to);
  const scored: { day: string; score: number; coref: number }[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) scored.push({ day, ...scoreDay(day, anchors, weekdays, months) });
  if (scored.length === 0) return { ...UNDATED, evidence: [...evidence, `anchors ${dates.join(', ')} fall outside the possible window`] };
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score >= best - 1e-9);
  const pick = top[0];
  const recentAt = (day: string) => recencyOf(day, text, anchors, weekdays, months, sentences);
  const recent = recentAt(pick.day);
  const tied = scored.filter((s) => s.score >= best - RANGE_SLACK && (!recent || recentAt(s.day) !== null));
  const range = { from: tied[0].day, to: tied[tied.length - 1].day };
  const width = daysBetween(range.from, range.to);
  const conflicts = conflictsOf(pick.day, anchors, months);
  const confidence = Math.min(confidenceOf(pick.coref, width, anchors.some((a) => a.ambiguous), recent), conflicts.length > 0 ? CONFLICT_CAP : 1);
  evidence.push(...anchors.map((a) => a.evidence), ...months.map((m) => m.evidence));
  if (pick.coref > 0) evidence.push(`${pick.coref} weekday mention(s) agree with dated anchors when published ${pick.day}`);
  if (recent) evidence.push(recent.evidence);
  if (conflicts.length > 0) evidence.push(`conflicts with ${conflicts.join(', ')} when published ${pick.day}`);
  evidence.push(`possible ${range.from}…${range.to}`);
  if (confidence < MIN_CONFIDENCE) return { date: null, source: 'none', confidence, evidence: [...evidence, `best guess ${pick.day} not trusted (confidence ${confidence})`], range };
  return { date: pick.day, source: 'content', confidence, evidence, range };
}

function scoreDay(day: string, anchors: readonly Anchor[], weekdays: readonly Candidate[], months: readonly MonthConstraint[]): { score: number; coref: number } {
  let score = 0;
  for (const a of anchors) {
    if (a.alternative) continue;
    if (a.direction === 'behind' && a.date <= day) score += 1;
    if (a.direction === 'ahead' && a.date >= day) score += 1;
    if (a.kind === 'written' && a.direction === undefined && a.date <= day) score += UNDIRECTED_WEIGHT;
  }
  for (const m of months) if (day.startsWith(m.month)) score += 1;
  /** Anchors a written weekday-date keeps within its week, and weekday mentions landing on an anchor (each counted once). */
  const landed = new Set<string>();
  const latest = anchors.map((a) => a.date).sort().pop()!;
  let cost = Math.max(0, daysBetween(latest, day)) * DRIFT_COST;
  for (const a of anchors) {
    if (!a.weekdayWritten) continue;
    const d = daysBetween(day, a.date);
    if (a.direction === 'ahead' ? d >= 0 && d < 7 : a.direction === 'behind' ? d <= 0 && d > -7 : Math.abs(d) < 7) landed.add(a.date);
  }
  for (const w of weekdays) {
    const value = valueOf(w.recipe, { publication: day, lastDay: null, direction: w.direction }).slice(0, 10);
    if (anchors.some((a) => a.date === value && (!a.near || (a.near.start <= w.span.start && w.span.end <= a.near.end)))) landed.add(`${value}@${w.span.start}`);
    if (w.direction === 'behind') cost += Math.abs(daysBetween(value, day) - USUAL_GAP) * GAP_COST;
  }
  return { score: score + landed.size - Math.min(cost, 0.99), coref: landed.size };
}

/**
 * Confidence from how many weekdays corroborate (or recency with its month constraints), how wide the
 * range is, and whether a year was ambiguous. A written date alone only bounds publication (an
 * anniversary piece quotes 24 February 2022 for years), so without a weekday landing on an anchor or
 * recency the date stays below `MIN_CONFIDENCE`.
 */
function confidenceOf(coref: number, width: number, ambiguous: boolean, recent: { months: number } | null): number {
  let c = coref === 0 ? 0.3 : Math.min(0.9, 0.6 + 0.1 * (coref - 1));
  if (recent) c = Math.max(c, Math.min(0.9, RECENT_CONFIDENCE + MONTH_BONUS * recent.months));
  if (width > 7) c -= 0.3;
  else if (width > 2) c -= 0.1;
  if (ambiguous) c = Math.min(c, 0.4);
  return Math.round(c * 100) / 100;
}

const maxDate = (a: string, b: string | null) => (b && b > a ? b : a);
const minDate = (a: string, b: string) => (b < a ? b : a);
