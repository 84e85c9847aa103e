/**
 * Candidate finder: every trigger-lexicon match in a sentence, overlapping matches resolved to the
 * longest (then the earlier rule), and at most one mention per event type per sentence — news
 * prose names one event several times in a sentence ("talks … the negotiations").
 */
import type { Span } from '../../model/doc.js';
import { TRIGGERS, type TriggerRule } from './lexicon.js';

export interface TriggerHit {
  span: Span;
  rule: TriggerRule;
}

/** Trigger hits inside `sentence` of `text`, in text order. */
export function findTriggers(text: string, sentence: Span, rules: TriggerRule[] = TRIGGERS): TriggerHit[] {
  const slice = text.slice(sentence.start, sentence.end);
  const any = anyTrigger(rules);
  if (any && !any.test(slice)) return [];
  const hits: (TriggerHit & { rank: number })[] = [];
  rules.forEach((rule, rank) => {
    const re = rule.pattern;
    if (!re.global) throw new TypeError(`trigger pattern /${re.source}/${re.flags} needs the g flag`);
    // exec on the pattern itself rather than matchAll, which copies the pattern on every call
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const start = sentence.start + m.index;
      hits.push({ span: { start, end: start + m[0].length }, rule, rank });
      if (m[0].length === 0) re.lastIndex++;
    }
  });
  hits.sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.rank - b.rank);
  const unique: TriggerHit[] = [];
  for (const hit of hits)
    if (!unique.some((k) => k.span.start < hit.span.end && hit.span.start < k.span.end)) unique.push({ span: hit.span, rule: hit.rule });
  unique.sort((a, b) => a.span.start - b.span.start);
  const types = new Set(unique.map((h) => h.rule.type));
  const firstOfType = unique.filter((h, i) => unique.findIndex((o) => o.rule.type === h.rule.type) === i);
  // A meeting of delegations in a sentence about talks is the talks themselves.
  return firstOfType.filter((h) => !(h.rule.type === 'meeting' && types.has('talks')));
}

/**
 * One pattern matching where any rule matches (their alternation, with the same flags), so a
 * sentence without a trigger (about half of a news corpus's) is scanned once instead of once per rule. None when the
 * rules' flags differ or a pattern refers to its own groups by number or name (alternation renumbers them).
 */
const unions = new WeakMap<TriggerRule[], RegExp | null>();

function anyTrigger(rules: TriggerRule[]): RegExp | null {
  let union = unions.get(rules);
  if (union === undefined) {
    const flags = new Set(rules.map((r) => r.pattern.flags.replace(/[gyd]/g, '')));
    const selfReferring = rules.some((r) => /\\[1-9]|\\k<|\(\?<[^=!]/.test(r.pattern.source));
    union = rules.length === 0 || flags.size !== 1 || selfReferring ? null : new RegExp(rules.map((r) => `(?:${r.pattern.source})`).join('|'), [...flags][0]);
    unions.set(rules, union);
  }
  return union;
}
