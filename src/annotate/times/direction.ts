/**
 * Which way an under-specified expression ("Thursday", "June", "the fourth quarter") points from the
 * publication date, read from tense and cues in its sentence: future markers ("will", "is expected to",
 * "starting on", "are meeting", "next") → ahead; past-tense verbs ("said", "met", "was") → behind.
 * A possessive ("Thursday's ruling") and a reporting verb right before it ("said on Wednesday") are
 * behind. Otherwise the cue nearest to the expression wins, except that a reporting verb elsewhere
 * ("talks will resume Thursday, she said") yields to a future cue; with no cue it stays undecided.
 */
import type { Span } from '../../model/doc.js';
import type { Direction } from './types.js';

/** Future cues: modal, scheduled and progressive-as-future forms. */
const AHEAD =
  /\b(?:will|won't|shall|'ll|going to|(?:is|are|was|were) (?:expected|scheduled|set|due|slated|planned|poised|likely) to|plans? to|planning to|intends? to|to be held|to take place|to (?:meet|visit|hold|resume|begin|start|vote|travel|arrive|attend|sign|announce|decide|address|host|speak)|would|planned|planning|as soon as|starting|beginning|upcoming|next|(?:is|are) (?:meeting|holding|travell?ing|visiting|heading|hosting|flying|due))\b/gi;
/** Past cues: reporting verbs, past auxiliaries and regular past forms. */
const BEHIND =
  /\b(?:said|told|says|met|was|were|had|did|made|took|gave|went|came|held|began|left|saw|spoke|wrote|announced|reported|ago|last|earlier|previously|(?!(?:expected|scheduled|planned|slated|poised|need|speed|feed|seed|bed|red|shed|proceed|exceed|succeed|indeed|embed)\b)[a-z]{2,}ed)\b/gi;

/** A reporting verb right before the expression dates the report itself: "said on Wednesday". */
const REPORTED_AT = /\b(?:said|says|told|announced|reported|stated|added|wrote|confirmed|declared)(?:\s+(?:on|late|early))?\s+$/i;
/** Reporting verbs elsewhere in the clause say when it was reported, not when the event is: they yield to a future cue. */
const REPORTING = /^(?:said|says|told|announced|reported)$/i;

/** Characters either side of the expression that cues are looked for in (about a clause). */
const WINDOW = 80;

function nearest(re: RegExp, text: string, from: number, to: number, span: Span, skip: RegExp | null = null): number {
  let best = Infinity;
  re.lastIndex = 0;
  const part = text.slice(from, to);
  for (let m = re.exec(part); m; m = re.exec(part)) {
    if (skip?.test(m[0])) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    if (end > span.start && start < span.end) continue;
    const distance = end <= span.start ? span.start - end : start - span.end;
    best = Math.min(best, distance);
  }
  return best;
}

/** The direction of the expression at `span` within `sentence`, or undefined when no cue decides it. */
export function directionOf(text: string, sentence: Span, span: Span): Direction | undefined {
  if (/^['’]s\b/.test(text.slice(span.end, span.end + 3))) return 'behind';
  const from = Math.max(sentence.start, span.start - WINDOW);
  const to = Math.min(sentence.end, span.end + WINDOW);
  if (REPORTED_AT.test(text.slice(Math.max(from, span.start - 16), span.start))) return 'behind';
  const ahead = nearest(AHEAD, text, from, to, span);
  const behind = nearest(BEHIND, text, from, to, span, ahead === Infinity ? null : REPORTING);
  if (ahead === Infinity && behind === Infinity) return undefined;
  return ahead < behind ? 'ahead' : 'behind';
}
