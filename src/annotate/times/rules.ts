/**
 * The rule runner the regular-expression finders share: each rule is a pattern and a function that
 * builds the anchor-free `Recipe` from a match (or refuses it); the extent is the whole match or one
 * capture group, trimmed of surrounding white space.
 */
import type { Candidate, Recipe, TimexType } from './types.js';

/** One finder rule. */
export interface Rule {
  name: string;
  /** The capture group that is the expression's extent (default: the whole match). */
  group?: number;
  re: RegExp;
  make(m: RegExpExecArray): { type: TimexType; recipe: Recipe; mod?: string } | null;
}

/** Runs `rules` over `text`; each candidate's source is `<prefix>:<rule name>`. */
export function runRules(text: string, rules: readonly Rule[], prefix: string): Candidate[] {
  const found: Candidate[] = [];
  for (const rule of rules) {
    const re = patternOf(rule);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const made = rule.make(m);
      if (!made) continue;
      const [from, to] = rule.group === undefined ? [m.index, m.index + m[0].length] : m.indices![rule.group]!;
      const raw = text.slice(from, to);
      const start = from + raw.length - raw.trimStart().length;
      const end = from + raw.trimEnd().length;
      found.push({ span: { start, end }, ...made, source: `${prefix}:${rule.name}` });
    }
  }
  return found;
}

/**
 * Each rule's own copy of its pattern, made once (not per document), with the `d` flag (match
 * indices, which slow every match down) only where the extent is a capture group. Reset before each
 * run, so a run always starts at the beginning of the text.
 */
const patterns = new WeakMap<Rule, RegExp>();

function patternOf(rule: Rule): RegExp {
  let re = patterns.get(rule);
  if (!re) {
    const flags = rule.group === undefined || rule.re.flags.includes('d') ? rule.re.flags : rule.re.flags + 'd';
    patterns.set(rule, (re = new RegExp(rule.re.source, flags)));
  }
  re.lastIndex = 0;
  return re;
}
