/**
 * First-character tests, the same answers as `/^\p{L}/u`, `/^\p{Lu}/u` and `/^\p{Ll}/u`: ASCII by
 * character code (most tokens), anything else by the Unicode property. The feature builders ask
 * these of every token, where the regular expressions were a visible share of the tagger's time.
 */

/** `/^\p{L}/u.test(s)` */
export function startsWithLetter(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : /^\p{L}/u.test(s);
}

/** `/^\p{Lu}/u.test(s)` */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(s);
}

/** `/^\p{Ll}/u.test(s)` */
export function startsLower(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(s);
}

/** `/\p{Lu}/u.test(s)`: a capital letter anywhere. */
export function hasUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return /\p{Lu}/u.test(s);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** `s.toLowerCase().replace(/\.$/, '')`: a word as the word lists hold it, without the regular expression (asked many times per name). */
export function lowerWord(s: string): string {
  const l = s.toLowerCase();
  return l.charCodeAt(l.length - 1) === 46 ? l.slice(0, -1) : l;
}
