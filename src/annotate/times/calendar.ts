/**
 * Pure proleptic-Gregorian calendar arithmetic on `YYYY-MM-DD` strings, with no `Date` object and no
 * clock: days are counted from 1970-01-01 (H. Hinnant's civil-from-days algorithm), so every result is
 * the same on every machine and time zone.
 */

/** A calendar day as numbers (month 1–12). */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Days since 1970-01-01 for a calendar day. */
export function toDays({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar day `days` after 1970-01-01. */
export function fromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** Parses `YYYY-MM-DD` (anything after the day is ignored); null when it is not one. */
export function parseYmd(s: string | null | undefined): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Formats a day as `YYYY-MM-DD`. */
export function formatYmd({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(date: string, n: number): string {
  return formatYmd(fromDays(toDays(parseYmd(date)!) + n));
}

/** Signed number of days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return toDays(parseYmd(b)!) - toDays(parseYmd(a)!);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(day: Ymd): number {
  return ((((toDays(day) + 3) % 7) + 7) % 7) + 1;
}

/** Number of days in a month. */
export function monthLength(y: number, m: number): number {
  return toDays({ y: m === 12 ? y + 1 : y, m: m === 12 ? 1 : m + 1, d: 1 }) - toDays({ y, m, d: 1 });
}

/** ISO 8601 week of a day, as `YYYY-Www`. */
export function isoWeek(day: Ymd): string {
  const days = toDays(day);
  const thursday = fromDays(days - isoWeekday(day) + 4);
  const week = Math.floor((days - isoWeekday(day) + 4 - toDays({ y: thursday.y, m: 1, d: 1 })) / 7) + 1;
  return `${pad(thursday.y, 4)}-W${pad(week)}`;
}

/** Adds months, clamping the day to the month's length. */
export function addMonths({ y, m, d }: Ymd, n: number): Ymd {
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return { y: ny, m: nm, d: Math.min(d, monthLength(ny, nm)) };
}
