/**
 * Name normalisation shared by the mentions stage and entity resolution. `foldName` removes what never
 * distinguishes two names (case, diacritics, punctuation, possessives); `translitKey` also removes
 * what only distinguishes transliterations (Sergey/Sergei, Zelenskyy/Selenskyj, Wołodymyr/Volodymyr,
 * Kiev/Kyiv is NOT covered: that needs the pack), so equal keys mean "the same spelling family".
 */

import { BoundedMemo } from '../../memo.js';

const SPECIAL: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', ß: 'ss', ı: 'i', æ: 'ae', œ: 'oe', đ: 'd' };

/**
 * Names repeat across a corpus, so folded forms are memoised; 50,000 entries bound memory (a few MB)
 * while keeping hit rates high (measured on GUM: >90%).
 */
const CACHE_LIMIT = 50_000;
const folded = new BoundedMemo<string>(CACHE_LIMIT);
const translit = new BoundedMemo<string>(CACHE_LIMIT);

/** Lower case, no diacritics, no possessive, words separated by single spaces. */
export function foldName(s: string): string {
  return folded.get(s, () => fold(s));
}

function fold(s: string): string {
  return s
    .replace(/[łŁøØßıæœđ]/g, (c) => SPECIAL[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Ordered rewrites from German/Polish/English spellings of Slavic names to one neutral form. */
const TRANSLIT: [RegExp, string][] = [
  [/tsch/g, 'ch'],
  [/sch/g, 'sh'],
  [/cz/g, 'ch'],
  [/sz/g, 'sh'],
  [/kh/g, 'h'],
  [/zh/g, 'j'],
  [/dzh|dj/g, 'j'],
  [/w/g, 'v'],
  [/ff\b/g, 'v'],
  [/x/g, 'ks'],
  [/ou/g, 'u'],
  [/(?<=[a-z])(?:iy|yy|ij|yj|ii|yi|iyy)\b/g, 'i'],
  [/(?<=[aeo])j\b/g, 'i'],
  [/j(?=[aeiou])/g, 'y'],
  [/y/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** One word in its transliteration-neutral form: "Zelenskyy", "Selenskyj" → "selenski" / "zelenski". */
export function translitWord(word: string): string {
  return translit.get(word, () => translitUncached(word));
}

function translitUncached(word: string): string {
  let w = foldName(word).replace(/ /g, '');
  for (const [re, to] of TRANSLIT) w = w.replace(re, to);
  return w;
}

/** A whole name in transliteration-neutral form, word by word. */
export function translitKey(name: string): string {
  return foldName(name).split(' ').filter(Boolean).map(translitWord).join(' ');
}
