import { describe, expect, it } from 'vitest';
import { shownPrecision } from '../../src/export/precision.js';

describe('shownPrecision', () => {
  it.each([
    [{ start: '2031-04-07', end: '2031-04-13', precision: 'day' as const }, 'week'],
    [{ start: '2031-04-07', end: '2031-04-09', precision: 'day' as const }, 'days'],
    [{ start: '2031-04-07', end: '2031-04-07', precision: 'day' as const }, 'day'],
    [{ start: '2031-04-07', end: null, precision: 'day' as const }, 'day'],
    [{ start: '2031-04-01', end: '2031-04-30', precision: 'month' as const }, 'month'],
    [{ start: null, end: null, precision: 'unknown' as const }, 'unknown'],
  ])('%j → %s', (date, shown) => expect(shownPrecision(date)).toBe(shown));
});
