import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoWeek, isoWeekday, parseYmd } from '../../../src/annotate/times/calendar.js';
import { yearFor, yearForWeekday } from '../../../src/annotate/times/value.js';

describe('calendar arithmetic', () => {
  it.each([
    ['2022-03-02', 3, '2022-W09'],
    ['2021-01-03', 7, '2020-W53'],
    ['2024-12-30', 1, '2025-W01'],
    ['2000-02-29', 2, '2000-W09'],
  ])('%s is weekday %i in %s', (day, wd, week) => {
    expect(isoWeekday(parseYmd(day)!)).toBe(wd);
    expect(isoWeek(parseYmd(day)!)).toBe(week);
  });

  it('adds and counts days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2023-01-01', -1)).toBe('2022-12-31');
    expect(daysBetween('2022-02-24', '2022-03-03')).toBe(7);
  });

  it('chooses a year for a month-day by tense within a bound, else the nearest', () => {
    const pub = parseYmd('1989-10-27')!;
    expect(yearFor(pub, 6, 1, undefined)).toBe(1989);
    expect(yearFor(pub, 6, 1, 'ahead')).toBe(1990);
    expect(yearFor(pub, 2, 1, undefined)).toBe(1990);
    expect(yearFor(pub, 2, 1, 'behind')).toBe(1989);
    expect(yearFor(pub, 12, 1, 'behind')).toBe(1989);
    expect(yearFor(pub, 6, undefined, undefined, -1)).toBe(1989);
    expect(yearFor(pub, 11, undefined, undefined, -1)).toBe(1988);
  });

  it('finds the nearest year in which a date falls on a weekday', () => {
    expect(yearForWeekday(6, 2, 1, 2024)).toBe(2025);
    expect(yearForWeekday(6, 2, 1, 2022, 1)).toBeNull();
  });
});
