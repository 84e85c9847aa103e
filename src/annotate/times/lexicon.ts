/**
 * Words the time finders share: number words, calendar units, weekdays, months, seasons and parts of
 * the day, each mapped to what TIMEX3 writes for it. Regular-expression sources are built from these
 * tables so a finder and its normaliser can never disagree.
 */
import type { DayPart, Unit } from './types.js';

/** Number words up to the tens that news uses for counts of time units. */
export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, 'a hundred': 100, 'a dozen': 12, dozen: 12, 'a couple of': 2, 'a couple': 2,
};

/** Vague quantities: the count becomes `X` in the TIMEX3 value (`PXD`). */
export const VAGUE_WORDS = ['several', 'a few', 'few', 'many', 'some', 'numerous', 'the next few', 'a number of'];

/** A count pattern: digits, number words (incl. "twenty-five") or a vague quantity. */
export const COUNT = `(?:\\d+(?:\\.\\d+)?|(?:${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|${VAGUE_WORDS.join('|')})`;

/** Reads a count written as digits or words; null for a vague one. */
export function countValue(text: string): number | null {
  const t = text.toLowerCase().trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t in NUMBER_WORDS) return NUMBER_WORDS[t];
  const [tens, ones] = t.split('-');
  if (ones && tens in NUMBER_WORDS && ones in NUMBER_WORDS) return NUMBER_WORDS[tens] + NUMBER_WORDS[ones];
  return null;
}

/** Duration units: how each is written in a TIMEX3 duration (`T` marks clock units). */
export const DURATION_UNITS: Record<string, { code: string; clock: boolean; factor?: number }> = {
  second: { code: 'S', clock: true }, minute: { code: 'M', clock: true }, hour: { code: 'H', clock: true },
  day: { code: 'D', clock: false }, night: { code: 'D', clock: false }, week: { code: 'W', clock: false },
  month: { code: 'M', clock: false }, year: { code: 'Y', clock: false }, quarter: { code: 'Q', clock: false },
  decade: { code: 'Y', clock: false, factor: 10 }, century: { code: 'Y', clock: false, factor: 100 },
};

/** Calendar units a relative expression counts in ("last week", "a year ago"). */
export const SHIFT_UNITS: Record<string, Unit> = {
  day: 'D', week: 'W', month: 'M', quarter: 'Q', year: 'Y', decade: 'DE', century: 'CE',
};

/** Weekday names and abbreviations, Monday = 1. */
export const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};

/** Full weekday names only (abbreviations are too ambiguous alone: "sun", "sat", "wed"). */
export const WEEKDAY_NAMES = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';

/** Month names and abbreviations, January = 1. */
export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};

/** Full month names, capitalised (a lower-case "may" or "march" is a verb). */
export const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** Seasons, TIMEX3 codes. */
export const SEASONS: Record<string, 'SP' | 'SU' | 'FA' | 'WI'> = {
  spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI',
};

/** Parts of the day, TIMEX3 codes. */
export const DAY_PARTS: Record<string, DayPart> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI',
};

/** Leading words that set a TIMEX3 `mod` and belong to the expression's extent. */
export const MODS: Record<string, string> = {
  early: 'START', earlier: 'START', late: 'END', later: 'END', mid: 'MID', 'the end of': 'END',
  'the beginning of': 'START', 'the start of': 'START', 'the middle of': 'MID',
};
