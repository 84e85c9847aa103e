/**
 * What the name tagger's features read of one word, memoised (the same words recur across a corpus):
 * its shape, its lexicon and gazetteer classes, its affixes.
 */
import { gazetteer } from './gazetteer.js';
import { foldName } from './key.js';
import { ORG_HEADS, OUTLET_HEADS, PLACE_HEADS, SAID, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon.js';

/** Word shape with runs collapsed: "Kyiv" → "Xx", "NATO" → "X", "U.S." → "X.X.", "2022" → "d". Memoised. */
export function shape(word: string): string {
  let out = shapeCache.get(word);
  if (out !== undefined) return out;
  out = '';
  let prev = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    const c = code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd' : code < 128 ? ch
      : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== prev) out += c;
    prev = c;
    if (out.length >= 6) break;
  }
  if (shapeCache.size >= CACHE_LIMIT) shapeCache.clear();
  shapeCache.set(word, out);
  return out;
}

/** Memo size bound for word shapes and classes (cleared when reached; a few MB at most). */
const CACHE_LIMIT = 50_000;
const shapeCache = new Map<string, string>();
const classCache = new Map<string, string>();

/** Lexicon and gazetteer classes of one word: `fn` given name, `pl` place, `co` country, … */
export function classes(word: string): string {
  const known = classCache.get(word);
  if (known !== undefined) return known;
  if (classCache.size >= CACHE_LIMIT) classCache.clear();
  const c = classesOf(word);
  classCache.set(word, c);
  return c;
}

function classesOf(word: string): string {
  const g = gazetteer();
  const low = word.toLowerCase().replace(/\.$/, '');
  const key = foldName(word);
  let c = '';
  if (g.firstNames.has(key)) c += 'fn,';
  if (g.countries.has(key)) c += 'co,';
  else if (g.places.has(key)) c += 'pl,';
  if (g.organizations.has(key)) c += 'or,';
  if (g.demonyms.has(key) || g.demonyms.has(key.replace(/s$/, ''))) c += 'dm,';
  if (TITLE_HEADS.has(low)) c += 'th,';
  else if (TITLE_MODIFIERS.has(low)) c += 'tm,';
  if (ORG_HEADS.has(low)) c += 'oh,';
  if (PLACE_HEADS.has(low)) c += 'ph,';
  if (OUTLET_HEADS.has(low)) c += 'nh,';
  if (SAID.has(low)) c += 'sd,';
  return c;
}

/** Lower-case affixes of a word: its first 3 letters, last 3, last 2 and last 4. Memoised (the same words recur). */
export function affixes(w: string): [string, string, string, string] {
  let a = affixCache.get(w);
  if (a !== undefined) return a;
  a = [w.slice(0, 3), w.slice(-3), w.slice(-2), w.slice(-4)];
  if (affixCache.size >= CACHE_LIMIT) affixCache.clear();
  affixCache.set(w, a);
  return a;
}
const affixCache = new Map<string, [string, string, string, string]>();
