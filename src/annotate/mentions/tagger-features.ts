/**
 * Features of the name tagger (`tagger.ts`), shared by tagging and by training
 * (`scripts/train-tagger.ts`) so the two can never drift apart. Each token gets a list of feature
 * strings built once: its word, shape, affixes and wink POS; its neighbours; hits in the open
 * gazetteers and the title/organisation/place word lists; and the rule-based reading of the same
 * text (the span and type the rule finders gave it), so the tagger learns when to trust the rules;
 * and the types the rules gave the same word elsewhere in the document (`doc`: "Norton" alone after
 * "Joshua Norton"), which raised the tagger's own dev strict F1 from 0.668 to 0.695.
 */
import { titleCase } from './stretches.js';
import { affixes, classes, shape } from './tagger-words.js';
import type { Token } from './tokens.js';
import { startsLower, startsUpper, startsWithLetter } from './chars.js';

/** A rule-based name over tokens `[first, last]` with its type and the rule that typed it. */
export interface RuleSpan {
  first: number;
  last: number;
  type: string;
  rule: string;
}

export { shape };

/** A per-token column a template reads (`none` is the empty string, for the bias). */
export type Column = 'none' | 'low' | 'text' | 'shape' | 'pos' | 'p3' | 's3' | 's2' | 's4' | 'cls' | 'rule' | 'ruleName' | 'glued' | 'seen' | 'doc';

/** A feature template: the columns it joins with `|`, each at an offset from the token, and when it applies. */
export interface Template {
  name: string;
  parts: [Column, number][];
  when?: 'start' | 'headline';
}

/**
 * The feature templates: name, then the columns joined (`low-1 shape` is the previous token's lower-case
 * word, `|`, this token's shape), then when it applies (at a sentence start, in a title-case sentence).
 * A feature is a template and a value, written `template=value` in the model file. The order is the
 * order in which the tagger adds weights: keep it.
 */
const SPECS: [string, string, Template['when']?][] = [
  ['b', 'none'], ['w', 'low'], ['W', 'text'], ['s', 'shape'], ['p', 'pos'], ['p3', 'p3'], ['s3', 's3'], ['s2', 's2'],
  ['w-1', 'low-1'], ['w+1', 'low+1'], ['w-2', 'low-2'], ['w+2', 'low+2'],
  ['s-1s', 'shape-1 shape'], ['ss+1', 'shape shape+1'], ['s-1ss+1', 'shape-1 shape shape+1'], ['p-1p', 'pos-1 pos'], ['pp+1', 'pos pos+1'],
  ['w-1s', 'low-1 shape'], ['sw+1', 'shape low+1'], ['c', 'cls shape'], ['c-1', 'cls-1'], ['c+1', 'cls+1'], ['r', 'rule'], ['rn', 'ruleName'],
  ['r-1r+1', 'rule-1 rule+1'], ['rs', 'rule shape'], ['g', 'glued'], ['s4', 's4'], ['w-1w', 'low-1 low'], ['ww+1', 'low low+1'], ['d', 'seen shape'],
  ['S', 'shape', 'start'], ['Sw', 'low', 'start'], ['h', 'shape', 'headline'], ['hr', 'rule', 'headline'], ['hrn', 'ruleName', 'headline'],
  ['D', 'doc'], ['Dr', 'doc rule'],
];

/** The templates, parsed from `SPECS`. */
export const TEMPLATE_DEFS: readonly Template[] = SPECS.map(([name, parts, when]) => ({
  name,
  parts: parts.split(' ').map((p): [Column, number] => {
    const m = /^(\w+?)([+-]\d)?$/.exec(p)!;
    return [m[1] as Column, Number(m[2] ?? 0)];
  }),
  ...(when ? { when } : {}),
}));

/** The template names, in the order of `tokenValues`. */
export const TEMPLATES = TEMPLATE_DEFS.map((t) => t.name);

/**
 * What the templates read, per token: one string column each (`''` where a token is too far from
 * any stretch for a feature to read it), the sentence-start and title-case flags, which tokens are
 * inside a stretch or near one, and `bar`: tokens near a column value holding `|`, where the joined value is
 * ambiguous (`tagger-weights.ts` reads those tokens through the joined strings).
 */
export interface FeatureColumns {
  n: number;
  cols: Record<Column, string[]>;
  start: boolean[];
  headline: boolean[];
  inside: Uint8Array;
  /** Tokens a feature may read: inside a stretch or two tokens from one. */
  near: Uint8Array;
  bar: Uint8Array;
}

/** Column `col` at token `j`, with sentence-boundary markers outside the document. */
export function columnAt(f: FeatureColumns, col: Column, j: number): string {
  return j < 0 ? '<s>' : j >= f.n ? '</s>' : f.cols[col][j];
}

/** The value of template `t` at token `i` (its columns joined with `|`), or null where it does not apply. */
export function valueAt(f: FeatureColumns, t: Template, i: number): string | null {
  if (t.when && !f[t.when][i]) return null;
  return t.parts.length === 1 ? columnAt(f, t.parts[0][0], i + t.parts[0][1]) : t.parts.map(([c, o]) => columnAt(f, c, i + o)).join('|');
}

/** Per-token features of the tokens inside `segs` as `template=value` strings (for training). */
export function tokenFeatures(tokens: readonly Token[], sentenceStart: boolean[], rules: RuleSpan[], segs: [number, number][]): string[][] {
  return tokenValues(tokens, sentenceStart, rules, segs).map((values) => values.flatMap((v, k) => (v === null ? [] : [`${TEMPLATES[k]}=${v}`])));
}

/** Per-token feature values (one per template, null where it does not apply) inside `segs`; tokens outside get none. */
export function tokenValues(tokens: readonly Token[], sentenceStart: boolean[], rules: RuleSpan[], segs: [number, number][]): (string | null)[][] {
  const f = featureColumns(tokens, sentenceStart, rules, segs);
  return tokens.map((_, i) => (f.inside[i] ? TEMPLATE_DEFS.map((t) => valueAt(f, t, i)) : []));
}

/** The columns of `FeatureColumns` for one document's tokens. */
export function featureColumns(tokens: readonly Token[], sentenceStart: boolean[], rules: RuleSpan[], segs: [number, number][]): FeatureColumns {
  const n = tokens.length;
  const inside = new Uint8Array(n);
  for (const [a, b] of segs) inside.fill(1, a, b);
  // shapes and classes only where a feature reads them: inside a stretch or two tokens from one
  const near = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (inside[i]) near.fill(1, Math.max(0, i - 2), Math.min(n, i + 3));
  const low = new Array<string>(n);
  const text = new Array<string>(n);
  const pos = new Array<string>(n);
  const shapes = new Array<string>(n).fill('');
  const cls = new Array<string>(n).fill('');
  const glued = new Array<string>(n).fill('');
  const hasBar = new Uint8Array(n);
  // document evidence: a capitalised word also written in lower case is a common word; one capitalised
  // inside a sentence elsewhere is a name even where it opens a sentence
  const lowerSeen = new Set<string>();
  const capSeen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    text[i] = t.text;
    low[i] = t.text.toLowerCase();
    pos[i] = t.pos;
    if (i > 0 && tokens[i - 1].end === t.start) glued[i] = 'g';
    if (near[i]) {
      shapes[i] = shape(t.text);
      if (startsWithLetter(t.text)) cls[i] = classes(t.text);
      if (t.text.includes('|')) hasBar[i] = 1;
    }
    if (startsLower(t.text)) lowerSeen.add(low[i]);
    else if (!sentenceStart[i] && startsUpper(t.text)) capSeen.add(low[i]);
  }
  const rule: string[] = new Array(n).fill('O');
  const ruleName: string[] = new Array(n).fill('O');
  for (const r of rules) {
    for (let i = r.first; i <= r.last; i++) {
      const pos = r.first === r.last ? 'U' : i === r.first ? 'B' : i === r.last ? 'L' : 'I';
      rule[i] = `${pos}-${r.type}`;
      ruleName[i] = `${pos}-${r.rule}`;
      if (r.type.includes('|') || r.rule.includes('|')) hasBar[i] = 1;
    }
  }
  // document evidence: the types the rules gave the same word elsewhere in the document ("Norton" of "Joshua Norton")
  const docTypes = new Map<string, Set<string>>();
  for (const r of rules) {
    if (r.type === 'other') continue;
    for (let i = r.first; i <= r.last; i++) (docTypes.get(low[i]) ?? docTypes.set(low[i], new Set()).get(low[i])!).add(r.type);
  }
  const doc = new Array<string>(n).fill('');
  for (let i = 0; i < n; i++) {
    const types = near[i] ? docTypes.get(low[i]) : undefined;
    if (types) doc[i] = [...types].sort().join(',');
  }
  const none = new Array<string>(n).fill('');
  const [p3, s3, s2, s4, seen] = [[...none], [...none], [...none], [...none], [...none]];
  const bar = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!inside[i]) continue;
    [p3[i], s3[i], s2[i], s4[i]] = affixes(low[i]);
    seen[i] = `${lowerSeen.has(low[i]) ? 'l' : ''}${capSeen.has(low[i]) ? 'c' : ''}`;
    for (let j = Math.max(0, i - 2); j <= Math.min(n - 1, i + 2); j++) if (hasBar[j]) bar[i] = 1;
  }
  const cols: Record<Column, string[]> = { none, low, text, shape: shapes, pos, p3, s3, s2, s4, cls, rule, ruleName, glued, seen, doc };
  return { n, cols, start: sentenceStart, headline: titleCase(tokens, sentenceStart), inside, near, bar };
}
