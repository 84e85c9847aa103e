/**
 * Turns a text's time expressions and pack hints into absolute dated anchors for publication-date
 * inference, without knowing the publication date: full dates as written, dated events the text
 * mentions, and weekday–date agreement ("Monday, June 2" → a year in which June 2 is a Monday, the
 * latest such year the window allows; ambiguous when several fit and no hint narrows them).
 */
import type { Candidate, Direction } from '../../annotate/times/types.js';
import { formatYmd, isoWeekday, parseYmd, toDays, fromDays } from '../../annotate/times/calendar.js';
import type { HintMatch } from './hints.js';

/** A day the text refers to, with the direction it is seen from the publication date. */
export interface Anchor {
  date: string;
  direction?: Direction;
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

/** Absolute anchors from `found` (times of the text) and `events` (event hints mentioned). */
export function anchorsOf(text: string, found: readonly Candidate[], events: readonly HintMatch[], window: Window): Anchor[] {
  const anchors: Anchor[] = [];
  const quote = (c: Candidate) => `"${text.slice(c.span.start, c.span.end)}"`;
  for (const c of found) {
    const r = c.recipe;
    if (r.kind !== 'date' || r.m === undefined || r.d === undefined) continue;
    if (r.y !== undefined) {
      anchors.push({ date: formatYmd({ y: r.y, m: r.m, d: r.d }), direction: c.direction, evidence: `${quote(c)} is written in full` });
      continue;
    }
    if (r.wd === undefined) continue;
    const years = agreeingYears(r.m, r.d, r.wd, window);
    if (years.length === 0) continue;
    const date = formatYmd({ y: years[0], m: r.m, d: r.d });
    anchors.push({
      date,
      direction: c.direction,
      ambiguous: years.length > 1,
      evidence: `${quote(c)}: the weekday agrees with the date in ${years.length > 1 ? years.slice(0, 3).join(', ') + '…' : years[0]}`,
    });
  }
  for (const e of events) anchors.push({ date: e.hint.from, evidence: `mentions ${e.hint.what} (${e.hint.from})` });
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

/** Month-day mentions without a year, placed in the year nearest to `near` (once other evidence gives a year). */
export function fillYears(text: string, found: readonly Candidate[], near: string): Anchor[] {
  const base = parseYmd(near)!;
  const out: Anchor[] = [];
  for (const c of found) {
    const r = c.recipe;
    if (r.kind !== 'date' || r.y !== undefined || r.m === undefined || r.d === undefined || r.wd !== undefined) continue;
    const options = [base.y - 1, base.y, base.y + 1].map((y) => ({ y, m: r.m!, d: r.d! }));
    const best = options.reduce((a, b) => (Math.abs(toDays(b) - toDays(base)) < Math.abs(toDays(a) - toDays(base)) ? b : a));
    out.push({ date: formatYmd(best), direction: c.direction, evidence: `"${text.slice(c.span.start, c.span.end)}" read in ${best.y}` });
  }
  return out;
}
