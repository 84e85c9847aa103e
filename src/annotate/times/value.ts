/**
 * Places a `Recipe` on the calendar: the TIMEX3 value of an expression given the publication date
 * (or null when unknown), the day of the last dated expression before it, and its direction. Values
 * keep the expression's granularity ("last week" → `2022-W09`, "in 2014" → `2014`); with no anchor the
 * unknown digits stay `X` (`XXXX-WXX-4`) rather than being guessed.
 */
import type { Direction, Recipe } from './types.js';
import { addMonths, formatYmd, fromDays, isoWeek, isoWeekday, parseYmd, toDays, type Ymd } from './calendar.js';

/** What a value is computed from. */
export interface AnchorInfo {
  /** Publication date `YYYY-MM-DD`, or null when unknown. */
  publication: string | null;
  /** Day of the last fully dated expression before this one, if any. */
  lastDay: string | null;
  direction?: Direction;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const clock = (hh?: number, mi?: number, part?: string) =>
  hh !== undefined ? `T${pad(hh)}:${pad(mi ?? 0)}` : part ? `T${part}` : '';

/**
 * How far (days) from the publication date a tense-chosen year may put a month or day; beyond it the
 * nearest occurrence wins ("payable Dec. 1" in late October is this December even after "said").
 * Chosen on the TBAQ development set: month-day values right of 257 with 120 → 226, 200 → 231,
 * 270 → 235, 300 → 233, 365 (pure tense) → 203.
 */
export const MAX_DIRECTED_DAYS = 270;

/** Year for a month (and day) without a year: the nearest occurrence, or the one in `direction`. */
export function yearFor(anchor: Ymd, m: number, d: number | undefined, direction?: Direction, rel?: number): number {
  const day = d ?? 15;
  const candidates = [anchor.y - 1, anchor.y, anchor.y + 1];
  const a = toDays(anchor);
  if (rel === 0) return anchor.y;
  const dist = (y: number) => toDays({ y, m, d: day }) - a;
  const sameMonth = (y: number) => d === undefined && y === anchor.y && m === anchor.m;
  const nearestOf = (pool: number[]) => pool.reduce((best, y) => (Math.abs(dist(y)) < Math.abs(dist(best)) ? y : best), pool[0] ?? anchor.y);
  const nearest = nearestOf(candidates);
  if (rel === -1) return nearestOf(candidates.filter((y) => dist(y) < 0 && !sameMonth(y)));
  if (rel === 1) return nearestOf(candidates.filter((y) => dist(y) > 0 && !sameMonth(y)));
  const pool =
    direction === 'behind' ? candidates.filter((y) => dist(y) <= 0 || sameMonth(y)) : direction === 'ahead' ? candidates.filter((y) => dist(y) >= 0 || sameMonth(y)) : [];
  const directed = nearestOf(pool.length ? pool : [nearest]);
  return Math.abs(dist(directed)) <= MAX_DIRECTED_DAYS ? directed : nearest;
}

/** Of the years near `around`, the one in which month `m` day `d` falls on ISO weekday `wd` (nearest first). */
export function yearForWeekday(m: number, d: number, wd: number, around: number, reach = 1): number | null {
  for (let k = 0; k <= reach; k++)
    for (const y of k === 0 ? [around] : [around - k, around + k]) if (isoWeekday({ y, m, d }) === wd) return y;
  return null;
}

/** The TIMEX3 value of `recipe` under `info`. */
export function valueOf(recipe: Recipe, info: AnchorInfo): string {
  const pub = parseYmd(info.publication);
  switch (recipe.kind) {
    case 'fixed':
      return recipe.value;
    case 'same': {
      const day = info.lastDay ?? info.publication;
      const t = recipe.part ? `T${recipe.part}` : '';
      return day ? `${formatYmd(fromDays(toDays(parseYmd(day)!) + (recipe.offset ?? 0)))}${t}` : `XXXX-XX-XX${t}`;
    }
    case 'date': {
      const { m, d, wd, hh, mi, part } = recipe;
      if (m === undefined && d === undefined && recipe.y === undefined) {
        const day = info.lastDay ?? info.publication;
        return `${day ?? 'XXXX-XX-XX'}${clock(hh, mi, part)}`;
      }
      let y: number | undefined = recipe.y;
      if (y === undefined && pub && m !== undefined) {
        y = yearFor(pub, m, d, info.direction, recipe.rel);
        if (d !== undefined && wd !== undefined && isoWeekday({ y, m, d }) !== wd) y = yearForWeekday(m, d, wd, pub.y) ?? y;
      }
      const ys = y === undefined ? 'XXXX' : pad(y, 4);
      if (m === undefined) return ys;
      if (d === undefined) return `${ys}-${pad(m)}`;
      return `${ys}-${pad(m)}-${pad(d)}${clock(hh, mi, part)}`;
    }
    case 'weekday': {
      const t = clock(recipe.hh, recipe.mi, recipe.part);
      if (!pub) return `XXXX-WXX-${recipe.wd}${t}`;
      const today = isoWeekday(pub);
      const back = (today - recipe.wd + 7) % 7;
      const fwd = (recipe.wd - today + 7) % 7;
      const offset =
        recipe.strict === -1 ? -(back || 7) : recipe.strict === 1 ? fwd || 7 : info.direction === 'ahead' ? fwd : info.direction === 'behind' ? -back : back <= fwd ? -back : fwd;
      return formatYmd(fromDays(toDays(pub) + offset)) + t;
    }
    case 'shift':
      return shiftValue(pub, recipe.unit, recipe.n) + (recipe.part ? `T${recipe.part}` : '');
    case 'season': {
      const y = pub ? pub.y + (recipe.yearShift ?? 0) : null;
      return `${y === null ? 'XXXX' : pad(y, 4)}-${recipe.season}`;
    }
    case 'quarter': {
      if (!pub) return `XXXX-Q${recipe.q}`;
      const current = Math.ceil(pub.m / 3);
      const y = recipe.yearShift !== null ? pub.y + recipe.yearShift : recipe.q <= current || info.direction === 'ahead' ? pub.y : pub.y - 1;
      return `${pad(y, 4)}-Q${recipe.q}`;
    }
  }
}

function shiftValue(pub: Ymd | null, unit: string, n: number): string {
  if (!pub) return { D: 'XXXX-XX-XX', W: 'XXXX-WXX', WE: 'XXXX-WXX-WE', M: 'XXXX-XX', Q: 'XXXX-QX', Y: 'XXXX', DE: 'XXX', CE: 'XX' }[unit] ?? 'XXXX';
  switch (unit) {
    case 'D':
      return formatYmd(fromDays(toDays(pub) + n));
    case 'W':
      return isoWeek(fromDays(toDays(pub) + 7 * n));
    case 'WE':
      return `${isoWeek(fromDays(toDays(pub) + 7 * n))}-WE`;
    case 'M': {
      const t = addMonths({ ...pub, d: 1 }, n);
      return `${pad(t.y, 4)}-${pad(t.m)}`;
    }
    case 'Q': {
      const index = pub.y * 4 + Math.floor((pub.m - 1) / 3) + n;
      return `${pad(Math.floor(index / 4), 4)}-Q${(index % 4) + 1}`;
    }
    case 'Y':
      return pad(pub.y + n, 4);
    case 'DE':
      return String(Math.floor(pub.y / 10) + n);
    default:
      return String(Math.floor(pub.y / 100) + n);
  }
}
