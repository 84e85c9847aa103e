/**
 * Status refiner: whether the event happened, is planned, or is denied, from cues in the clause
 * around the trigger. Denial beats plan beats past tense; with no cue the status stays `unknown`.
 */
import type { Span } from '../../model/doc.js';
import type { EventStatus } from './types.js';

/** How far (in characters) before and after the trigger a cue may stand; about one clause. */
const WINDOW_BEFORE = 90;
const WINDOW_AFTER = 70;

const DENIED = /\b(?:is|are|was|were) not true\b|\bdenied\b|\bdenies\b|\bdid not take place\b|\bnever (?:took place|happened)\b|\bis false\b|\bcalled off\b|\bcancell?ed\b/i;
/** "X denied (on Wednesday) that a round was planned": the denial governs the clause after it. */
const DENIED_BEFORE = /\b(?:denied|denies|deny|refuted|rejected reports)\s+(?:[^\s,;.]+\s+){0,3}?that\b[^.;]*$/i;
const PLANNED =
  /\b(?:will|shall|'ll|is expected to|are expected to|was expected to|were expected to|is set to|are set to|set to (?:meet|take place|begin|start|resume|be held)|is due to|are due to|is scheduled|are scheduled|scheduled for|planned|plans? to|intend(?:s|ed)? to|to take place|starting on|awaited|upcoming|next round|next meeting|gearing up|are meeting|is meeting|would (?:hold|take place|meet|be held))\b/i;
const HAPPENED =
  /\b(?:took place|was held|were held|held|met|concluded|ended|came to an end|killed|injured|wounded|captured|attacked|agreed|signed|announced|proposed|discussed|presented|rejected|submitted|launched|shelled|destroyed|have been|has been|had been|had|has|have|was|were|did|established|arrived|said|stated|accused|dismissed|ordered|promised)\b/i;

/** The status of the event whose trigger is `trigger`, read from `sentence`. */
export function eventStatus(text: string, sentence: Span, trigger: Span): EventStatus {
  const from = Math.max(sentence.start, trigger.start - WINDOW_BEFORE);
  const to = Math.min(sentence.end, trigger.end + WINDOW_AFTER);
  const clause = text.slice(from, to);
  if (DENIED.test(text.slice(trigger.start, to)) || DENIED_BEFORE.test(text.slice(from, trigger.start))) return 'denied';
  if (PLANNED.test(clause)) return 'planned';
  if (HAPPENED.test(clause)) return 'happened';
  return 'unknown';
}
