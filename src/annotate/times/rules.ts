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
    const re = new RegExp(rule.re.source, rule.re.flags.includes('d') ? rule.re.flags : rule.re.flags + 'd');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const made = rule.make(m);
      if (!made) continue;
      const [from, to] = m.indices![rule.group ?? 0]!;
      const raw = text.slice(from, to);
      const start = from + raw.length - raw.trimStart().length;
      const end = from + raw.trimEnd().length;
      found.push({ span: { start, end }, ...made, source: `${prefix}:${rule.name}` });
    }
  }
  return found;
}
