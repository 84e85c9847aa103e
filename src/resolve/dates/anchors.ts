/**
 * Turns a text's time expressions and pack hints into absolute dated anchors for publication-date
 * inference, without knowing the publication date: full dates as written, dated events the text
 * mentions, and weekday–date agreement ("Monday, June 2" → a year in which June 2 is a Monday, the
 * latest such year the window allows; ambiguous when several fit and no hint narrows them).
 */
import type { Candidate, Direction } from '../../annotate/times/types.js';
import { formatYmd, isoWeekday, parseYmd, toDays, fromDays } from '../../annotate/times/calendar.js';
import type { HintMatch } from './hints.js';
import type { PastYear } from './past-year.js';
import type { Span } from '../../model/doc.js';
import { directionOf } from '../../annotate/times/direction.js';

/** A day the text refers to, with the direction it is seen from the publication date. */
export interface Anchor {
  date: string;
  /** `written`: a date the text states (bounds publication by its tense); `event`: a known event it mentions (a target for weekdays in its sentence and, told as past, a lower bound). */
  kind: 'written' | 'event';
  direction?: Direction;
  /**
   * For an event: the sentence naming it; only weekdays inside it may land on it ("the first round
   * concluded on Monday"). Its direction is the tense read from the end of its words, so the verbs
   * inside them count ("bodies were found in Bucha").
   */
  near?: Span;
  /** Where the text states it (the date expression, or the words naming the event). */
  at?: Span;
  /** For an event: where the text names it again. */
  also?: Span[];
  /**
   * For an event: another known event matched by the same words comes earlier ("talks in Istanbul" in
   * 2022 and in 2025), so this one neither bounds publication nor gives a year.
   */
  alternative?: boolean;
  /** The text gives the weekday with the date ("Monday, June 2"): news does so only within a week of publication. */
  weekdayWritten?: boolean;
  /** True when the year was chosen among several that fit (weekday–date agreement without a hint). */
  ambiguous?: boolean;
  evidence: string;
}

/** Years back from the window's end that weekday–date agreement searches (a news archive's span). */
export const AGREEMENT_YEARS = 30;

/** The window publication is known to lie in (roles, the reference date). */
export interface Window {
  from: string | null;
  to: string;
}

/**
 * Absolute anchors from `found` (times of the text) and `events` (event hints mentioned). `pastYear`,
 * the latest year the text tells as past, settles a weekday–date agreement that fits several years
 * when exactly one of them is that year or the next.
 */
export function anchorsOf(text: string, found: readonly Candidate[], events: readonly HintMatch[], window: Window, sentences: readonly Span[] = [], pastYear: PastYear | null = null): Anchor[] {
  const anchors: Anchor[] = [];
  const quote = (c: Candidate) => `"${text.slice(c.span.start, c.span.end)}"`;
  for (const c of found) {
    const r = c.recipe;
    if (r.kind !== 'date' || r.m === undefined || r.d === undefined) continue;
    if (r.y !== undefined) {
      const agrees = r.wd !== undefined && isoWeekday({ y: r.y, m: r.m, d: r.d }) === r.wd;
      anchors.push({ date: formatYmd({ y: r.y, m: r.m, d: r.d }), kind: 'written', direction: c.direction, at: c.span, weekdayWritten: agrees, evidence: `${quote(c)} is written in full` });
      continue;
    }
    if (r.wd === undefined) continue;
    const all = agreeingYears(r.m, r.d, r.wd, window);
    const settled = pastYear && all.length > 1 ? all.filter((y) => y === pastYear.y || y === pastYear.y + 1) : [];
    const years = settled.length === 1 ? settled : all;
    if (years.length === 0) continue;
    const date = formatYmd({ y: years[0], m: r.m, d: r.d });
    anchors.push({
      date,
      kind: 'written',
      direction: c.direction,
      at: c.span,
      weekdayWritten: true,
      ambiguous: years.length > 1,
      evidence: `${quote(c)}: the weekday agrees with the date in ${years.length > 1 ? years.slice(0, 3).join(', ') + '…' : years[0]}${settled.length === 1 ? ` (of ${all.slice(0, 3).join(', ')}…: the one in or after ${pastYear!.y}, ${pastYear!.evidence})` : ''}`,
    });
  }
  const seen = new Set<string>();
  const earliestAt = new Map<number, string>();
  for (const e of events) if (!earliestAt.has(e.span.start) || e.hint.from < earliestAt.get(e.span.start)!) earliestAt.set(e.span.start, e.hint.from);
  for (const e of events) {
    if ((window.from && (e.hint.to ?? e.hint.from) < window.from) || e.hint.from > window.to || seen.has(e.hint.what)) continue;
    seen.add(e.hint.what);
    const near = sentences.find((x) => x.start <= e.span.start && e.span.start < x.end) ?? { start: 0, end: text.length };
    const direction = directionOf(text, near, { start: e.span.end, end: e.span.end });
    const alternative = e.hint.from > earliestAt.get(e.span.start)!;
    anchors.push({ date: e.hint.from, kind: 'event', near, at: e.span, ...(e.also ? { also: e.also } : {}), ...(direction ? { direction } : {}), ...(alternative ? { alternative } : {}), evidence: `mentions ${e.hint.what} (${e.hint.from})${direction === 'behind' && !alternative ? ' as past' : ''}` });
  }
  return anchors;
}

/** Years (latest first) inside the window where month `m` day `d` is ISO weekday `wd`. */
export function agreeingYears(m: number, d: number, wd: number, window: Window): number[] {
  const end = parseYmd(window.to)!;
  const start = window.from ? parseYmd(window.from)! : { y: end.y - AGREEMENT_YEARS, m: 1, d: 1 };
  const years: number[] = [];
  for (let y = end.y + 1; y >= start.y; y--) {
    if (d > 28 && fromDays(toDays({ y, m, d })).m !== m) continue;
    const day = toDays({ y, m, d });
    if (day < toDays(start) - 14 || day > toDays(end) + 14) continue;
    if (isoWeekday({ y, m, d }) === wd) years.push(y);
  }
  return years;
}

/**
 * Month-day mentions without a year, once other evidence gives one: the year of a mentioned event on
 * the same month and day ("talks in Istanbul on March 29" + that event in 2022), else the one nearest
 * to the latest written anchor (or, with none, the latest mentioned event that no other event shares
 * words with), else the window's when it spans a single year; otherwise left out. A year taken from an
 * event is a weaker reading: only weekdays of the date's own sentence may land on it (on the pubdate
 * bench, "on 26 April" read from an event drew every "Tuesday" of a later week onto itself).
 */
export function fillYears(text: string, found: readonly Candidate[], anchors: readonly Anchor[], window: Window, sentences: readonly Span[] = []): Anchor[] {
  const written = anchors.filter((a) => a.kind === 'written').map((a) => a.date).sort().pop();
  const event = written ? undefined : anchors.filter((a) => a.kind === 'event' && !a.alternative).map((a) => a.date).sort().pop();
  const windowYear = window.from && window.from.slice(0, 4) === window.to.slice(0, 4) ? window.from : null;
  const out: Anchor[] = [];
  for (const c of found) {
    const r = c.recipe;
    if (r.kind !== 'date' || r.y !== undefined || r.m === undefined || r.d === undefined || r.wd !== undefined) continue;
    const quoted = `"${text.slice(c.span.start, c.span.end)}"`;
    const md = `-${String(r.m).padStart(2, '0')}-${String(r.d).padStart(2, '0')}`;
    const same = anchors.find((a) => a.kind === 'event' && a.date.endsWith(md));
    if (same) {
      out.push({ date: same.date, kind: 'written', direction: c.direction, at: c.span, evidence: `${quoted} is the day of a mentioned event (${same.date})` });
      continue;
    }
    const near = written ?? event ?? windowYear;
    if (!near) continue;
    const own = near === event ? sentences.find((x) => x.start <= c.span.start && c.span.start < x.end) : undefined;
    const base = parseYmd(near)!;
    const options = [base.y - 1, base.y, base.y + 1].map((y) => ({ y, m: r.m!, d: r.d! }));
    const best = options.reduce((a, b) => (Math.abs(toDays(b) - toDays(base)) < Math.abs(toDays(a) - toDays(base)) ? b : a));
    out.push({ date: formatYmd(best), kind: 'written', direction: c.direction, at: c.span, ...(own ? { near: own } : {}), evidence: `${quoted} read in ${best.y}` });
  }
  return out;
}
