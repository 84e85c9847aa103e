/**
 * Features of the name tagger (`tagger.ts`), shared by tagging and by training
 * (`scripts/train-tagger.ts`) so the two can never drift apart. Each token gets a list of feature
 * strings built once: its word, shape, affixes and wink POS; its neighbours; hits in the open
 * gazetteers and the title/organisation/place word lists; and the rule-based reading of the same
 * text (the span and type the rule finders gave it), so the tagger learns when to trust the rules.
 */
import { gazetteer } from './gazetteer.js';
import { foldName } from './key.js';
import { ORG_HEADS, OUTLET_HEADS, PLACE_HEADS, SAID, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon.js';
import { titleCase } from './stretches.js';
import type { Token } from './tokens.js';

/** A rule-based name over tokens `[first, last]` with its type and the rule that typed it. */
export interface RuleSpan {
  first: number;
  last: number;
  type: string;
  rule: string;
}

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
function classes(word: string): string {
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

/**
 * The feature templates, in the order of `tokenValues`. A feature is a template and a value, written
 * `template=value` in the model file; the tagger looks values up per template, so that words shared by
 * neighbouring tokens are hashed once.
 */
export const TEMPLATES = ['b', 'w', 'W', 's', 'p', 'p3', 's3', 's2', 'w-1', 'w+1', 'w-2', 'w+2', 's-1s', 'ss+1', 's-1ss+1', 'p-1p', 'pp+1',
  'w-1s', 'sw+1', 'c', 'c-1', 'c+1', 'r', 'rn', 'r-1r+1', 'rs', 'g', 's4', 'w-1w', 'ww+1', 'd', 'S', 'Sw', 'h', 'hr', 'hrn'];

/** Per-token features of the tokens inside `segs` as `template=value` strings (for training). */
export function tokenFeatures(tokens: Token[], sentenceStart: boolean[], rules: RuleSpan[], segs: [number, number][]): string[][] {
  return tokenValues(tokens, sentenceStart, rules, segs).map((values) => values.flatMap((v, k) => (v === null ? [] : [`${TEMPLATES[k]}=${v}`])));
}

/** Per-token feature values (one per template, null where it does not apply) inside `segs`; tokens outside get none. */
export function tokenValues(tokens: Token[], sentenceStart: boolean[], rules: RuleSpan[], segs: [number, number][]): (string | null)[][] {
  const n = tokens.length;
  const inside = new Uint8Array(n);
  for (const [a, b] of segs) inside.fill(1, a, b);
  // shapes and classes only where a feature reads them: inside a stretch or two tokens from one
  const near = (i: number) => inside[i] === 1 || inside[i - 1] === 1 || inside[i + 1] === 1 || inside[i - 2] === 1 || inside[i + 2] === 1;
  const low = tokens.map((t) => t.text.toLowerCase());
  const shapes = tokens.map((t, i) => (near(i) ? shape(t.text) : ''));
  const cls = tokens.map((t, i) => (near(i) && /^\p{L}/u.test(t.text) ? classes(t.text) : ''));
  const rule: string[] = new Array(n).fill('O');
  const ruleName: string[] = new Array(n).fill('O');
  for (const r of rules) {
    for (let i = r.first; i <= r.last; i++) {
      const pos = r.first === r.last ? 'U' : i === r.first ? 'B' : i === r.last ? 'L' : 'I';
      rule[i] = `${pos}-${r.type}`;
      ruleName[i] = `${pos}-${r.rule}`;
    }
  }
  const at = (a: string[], i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : a[i]);
  const pos = tokens.map((t) => t.pos);
  // document evidence: a capitalised word also written in lower case is a common word; one capitalised
  // inside a sentence elsewhere is a name even where it opens a sentence
  const lowerSeen = new Set<string>();
  const capSeen = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (/^\p{Ll}/u.test(tokens[i].text)) lowerSeen.add(low[i]);
    else if (!sentenceStart[i] && /^\p{Lu}/u.test(tokens[i].text)) capSeen.add(low[i]);
  }
  const headline = titleCase(tokens, sentenceStart);
  const out: (string | null)[][] = [];
  for (let i = 0; i < n; i++) {
    if (!inside[i]) {
      out.push([]);
      continue;
    }
    const w = low[i];
    const glued = i > 0 && tokens[i - 1].end === tokens[i].start ? 'g' : '';
    // one value per template of TEMPLATES, in its order; null where the template does not apply
    out.push([
      '', w, tokens[i].text, shapes[i], pos[i], w.slice(0, 3), w.slice(-3), w.slice(-2),
      at(low, i - 1), at(low, i + 1), at(low, i - 2), at(low, i + 2),
      `${at(shapes, i - 1)}|${shapes[i]}`, `${shapes[i]}|${at(shapes, i + 1)}`, `${at(shapes, i - 1)}|${shapes[i]}|${at(shapes, i + 1)}`,
      `${at(pos, i - 1)}|${pos[i]}`, `${pos[i]}|${at(pos, i + 1)}`, `${at(low, i - 1)}|${shapes[i]}`, `${shapes[i]}|${at(low, i + 1)}`,
      `${cls[i]}|${shapes[i]}`, at(cls, i - 1), at(cls, i + 1), rule[i], ruleName[i], `${at(rule, i - 1)}|${at(rule, i + 1)}`,
      `${rule[i]}|${shapes[i]}`, glued, w.slice(-4), `${at(low, i - 1)}|${w}`, `${w}|${at(low, i + 1)}`,
      `${lowerSeen.has(w) ? 'l' : ''}${capSeen.has(w) ? 'c' : ''}|${shapes[i]}`,
      sentenceStart[i] ? shapes[i] : null, sentenceStart[i] ? w : null,
      headline[i] ? shapes[i] : null, headline[i] ? rule[i] : null, headline[i] ? ruleName[i] : null,
    ]);
  }
  return out;
}

