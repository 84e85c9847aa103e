/**
 * Words next to names that are units of something rather than names: a currency's country letters
 * ("US$ 20,000"), a company's legal form alone ("Inc."), and the ordinal of a military unit, which is
 * part of the unit's name ("3rd Assault Brigade"). Read by the refiners (`refine.ts`) and `combine.ts`.
 */
import { lowerWord } from './chars.js';
import type { Token } from './tokens.js';

/**
 * A country's letters marking a currency ("US$ 20,000", "NZ $ 26 million", "HK$5m"): a unit, no place.
 * On GUM train/dev such spans were never names (3 spurious places).
 */
export function isCurrency(tokens: readonly Token[], last: number): boolean {
  return /\p{Sc}$/u.test(tokens[last].text) || (/^\p{Sc}$/u.test(tokens[last + 1]?.text ?? '') && /^\d/.test(tokens[last + 2]?.text ?? ''));
}

/** A company's legal form, which names nothing alone. */
const LEGAL_FORM = /^(?:inc|ltd|llc|plc|corp|co|gmbh|ag|s\.?a|n\.?v|b\.?v|pty|oao|ooo|pjsc|ojsc|jsc)\.?$/i;

/** A span of a legal form alone: "Inc." after "Atlantic Lottery Corporation," (GUM dev: 2 spurious organisations). */
export function isLegalForm(tokens: readonly Token[], first: number, last: number): boolean {
  return first === last && LEGAL_FORM.test(tokens[first].text);
}

/** An ordinal number: "501st", "3rd", "72nd". */
const ORDINAL = /^\d+(?:st|nd|rd|th)$/i;
/** Last words of military units, which carry their number in their name. Lower case. */
const UNIT_HEADS = new Set(['army', 'corps', 'legion', 'division', 'brigade', 'regiment', 'battalion', 'fleet', 'squadron', 'company', 'guards', 'infantry', 'artillery', 'cavalry']);

/** Whether the name over `[first, last]` is a military unit with its ordinal just before it ("501st Legion"): the ordinal is part of the name. */
export function unitNumber(tokens: readonly Token[], first: number, last: number): boolean {
  return first > 0 && ORDINAL.test(tokens[first - 1].text) && UNIT_HEADS.has(lowerWord(tokens[last].text)) && tokens[first].start - tokens[first - 1].end <= 1;
}
