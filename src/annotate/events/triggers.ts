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
  const hits: (TriggerHit & { rank: number })[] = [];
  rules.forEach((rule, rank) => {
    rule.pattern.lastIndex = 0;
    for (const m of slice.matchAll(rule.pattern)) {
      const start = sentence.start + m.index!;
      hits.push({ span: { start, end: start + m[0].length }, rule, rank });
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
