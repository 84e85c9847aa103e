import { describe, expect, it } from 'vitest';
import { dateFromName, dateFromUrlPath, normalisePublished } from '../../src/ingest/dates.js';

describe('normalisePublished', () => {
  const cases: [input: unknown, expected: string | undefined][] = [
    ['2022-03-03', '2022-03-03'],
    ['2022-03-03T10:15:00Z', '2022-03-03T10:15:00Z'],
    ['2022-03-03T10:15:00.123+03:00', '2022-03-03T10:15:00+03:00'],
    ['2022-03-03 01:05', '2022-03-03T01:05:00'],
    ['2022-03-03T01:00:00+0300', '2022-03-03T01:00:00+03:00'],
    ['20220303T101500Z', '2022-03-03T10:15:00Z'],
    ['Thu, 03 Mar 2022 10:15:00 +0300', '2022-03-03T10:15:00+03:00'],
    ['Thu, 3 Mar 2022 10:15:00 GMT', '2022-03-03T10:15:00Z'],
    ['03 March 2022 10:15 EST', '2022-03-03T10:15:00-05:00'],
    ['Wed, 02 Mar 2022', '2022-03-02'],
    ['March 3, 2022', '2022-03-03'],
    ['3 March 2022', '2022-03-03'],
    ['  2022-03-03  ', '2022-03-03'],
    ['03.04.2022', '2022-04-03'],
    ['13/04/2022', '2022-04-13'],
    ['04/13/2022', '2022-04-13'],
    ['03/03/2022', '2022-03-03'],
    ['03/04/2022', undefined],
    // left out, never an error
    ['2022-02-30', undefined],
    ['2022-13-01', undefined],
    ['0001-01-01', undefined],
    ['March 3', undefined],
    ['yesterday', undefined],
    ['soon, according to officials', undefined],
    ['', undefined],
    [20220303, undefined],
    [null, undefined],
  ];
  it.each(cases)('%j → %s', (input, expected) => {
    expect(normalisePublished(input)).toBe(expected);
  });
});

describe('dateFromName', () => {
  const cases: [string, string | undefined][] = [
    ['20220303T101500Z_ostrava-talks.txt', '2022-03-03T10:15:00Z'],
    ['20220303T101500_ostrava.txt', '2022-03-03T10:15:00'],
    ['2022-03-03_ostrava.html', '2022-03-03'],
    ['talks-2022-03-03.html', '2022-03-03'],
    ['20220303_brief.txt', '2022-03-03'],
    ['000_5291d0a6826b4d16.txt', undefined],
    ['report-12345678.txt', undefined],
    ['20221399_bad.txt', undefined],
    ['a20220303_glued.txt', undefined],
  ];
  it.each(cases)('%s → %s', (name, expected) => {
    expect(dateFromName(name)).toBe(expected);
  });
});

describe('dateFromUrlPath', () => {
  const cases: [string, string | undefined][] = [
    ['https://news.example/world/2022/03/03/talks-resume', '2022-03-03'],
    ['https://news.example/2022/3/3/', '2022-03-03'],
    ['https://news.example/world/2022-03-03_talks.html', '2022-03-03'],
    ['https://news.example/world/20220303T101500Z_talks', '2022-03-03T10:15:00Z'],
    ['https://news.example/world/2022/03/', undefined],
    ['https://news.example/story?date=2022/03/03', undefined],
    ['not a url', undefined],
  ];
  it.each(cases)('%s → %s', (url, expected) => {
    expect(dateFromUrlPath(url)).toBe(expected);
  });
});
