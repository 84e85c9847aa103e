/**
 * Turns a TIMEX3 DATE value into a calendar range with a precision: `2022-03-03` → that day,
 * `2022-W09` → Monday to Sunday of ISO week 9, `2022-03` → the month, `2022` → the year.
 * Anything else (durations, PRESENT_REF, seasons) is not a date on the calendar: null.
 */
export interface DateRange {
  start: string;
  end: string;
  precision: 'day' | 'week' | 'month' | 'year';
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function timexRange(value: string): DateRange | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { start: m[0], end: m[0], precision: 'day' };
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const jan4 = new Date(Date.UTC(+m[1], 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (+m[2] - 1) * 7 * 86400000);
    return { start: iso(monday), end: iso(new Date(monday.getTime() + 6 * 86400000)), precision: 'week' };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { start: `${m[0]}-01`, end: iso(new Date(Date.UTC(+m[1], +m[2], 0))), precision: 'month' };
  m = /^(\d{4})$/.exec(value);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' };
  return null;
}

/** True when two ranges share at least one day. */
export function overlaps(a: DateRange, b: DateRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The narrower of two overlapping ranges (a day beats a week beats a month beats a year). */
export function narrower(a: DateRange, b: DateRange): DateRange {
  const rank = { day: 0, week: 1, month: 2, year: 3 };
  return rank[a.precision] <= rank[b.precision] ? a : b;
}
