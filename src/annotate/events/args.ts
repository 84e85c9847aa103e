/**
 * Argument finders: the time, place, ordinal and actors of an event mention, all taken from its own
 * sentence. Time and typed names come from the `times` and `mentions` layers when they exist;
 * without them, place and actors fall back to capitalised names in the sentence.
 */
import type { NewsDoc, Span } from '../../model/doc.js';
import { ORDINALS } from './lexicon.js';
import type { Arg } from './types.js';

/** What this stage reads of the `times` and `mentions` layers (whatever else they hold). */
interface TimeLike { span: Span; value: string }
interface MentionLike { span: Span; type: string }

const inside = (s: Span, outer: Span) => s.start >= outer.start && s.end <= outer.end;
const arg = (doc: NewsDoc, span: Span): Arg => ({ span, text: doc.text.slice(span.start, span.end) });

/** A time right after a reporting verb dates the report ("denied on Wednesday that…"), not the event. */
const REPORT_TIME = /\b(?:said|says|told|denied|denies|announced|stated|reported|added|claimed|confirmed|insisted)\s+(?:on\s+|late\s+|early\s+)?$/i;

/**
 * The time expression of the sentence closest to the trigger, passing over times that date a
 * reporting verb when the sentence has another.
 */
export function findTime(doc: NewsDoc, sentence: Span, trigger: Span): (Arg & { value: string }) | null {
  const times = ((doc.layers as Record<string, unknown>).times as TimeLike[] | undefined) ?? [];
  const dated = times.filter((t) => inside(t.span, sentence) && /^(?:\d{4}|XXXX-\d{2})/.test(t.value));
  const ofEvent = dated.filter((t) => !REPORT_TIME.test(doc.text.slice(Math.max(sentence.start, t.span.start - 20), t.span.start)));
  const candidates = ofEvent.length > 0 ? ofEvent : dated;
  if (candidates.length === 0) return null;
  const distance = (t: TimeLike) => Math.min(Math.abs(t.span.start - trigger.end), Math.abs(trigger.start - t.span.end));
  const best = candidates.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  return { ...arg(doc, best.span), value: best.value };
}

/** "second round", "the third session" → the ordinal just before the trigger. */
export function findOrdinal(doc: NewsDoc, trigger: Span): number | null {
  const before = doc.text.slice(Math.max(0, trigger.start - 30), trigger.end);
  const m = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+(?:new\s+)?(?:round|session|meeting|phase)\b/i.exec(before);
  if (!m) return null;
  const word = m[1].toLowerCase();
  return ORDINALS[word] ?? parseInt(word, 10);
}

const NAME = /\b[A-Z][\p{L}'’-]+(?:\s+(?:of\s+the\s+|of\s+|de\s+)?[A-Z][\p{L}'’-]+)*/gu;
/** Capitalised words that are calendar or function words, not names. */
const CALENDAR = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
const FUNCTION_WORD = /^(?:I|We|You|He|She|It|They|If|The|This|That|These|Those|A|An|In|On|At|But|And|Or|So|As|When|While|After|Before|Our|My|His|Her|Their|Its|There|Here|What|Who|Why|How|Not|No|Yes)$/;

/** Capitalised words the document also writes capitalised mid-sentence: names, not sentence starts. */
function midSentenceWords(doc: NewsDoc): Set<string> {
  const out = new Set<string>();
  for (const m of doc.text.matchAll(/[\p{Ll},;]\s+([A-Z][\p{L}'’-]+)/gu)) out.add(m[1]);
  return out;
}
/** "the western region of " before a name: the kind of place it is, after a preposition. */
const KIND_OF = String.raw`(?:(?:[\p{L}-]+\s+){0,3}(?:region|city|town|village|capital|province|district|resort)\s+of\s+)?`;
/** "in Kessel", "at the Lorn palace", "in the western region of Dask". */
const PLACE_CUE = new RegExp(String.raw`\b(?:in|at|near)\s+(?:the\s+)?${KIND_OF}$`, 'u');
/** Demonyms and other adjectives that follow "in" without being places ("in Ukrainian territory"). */
const ADJECTIVE = /(?:ian|ean|ish|ese|ic)$/;

/**
 * The last sentence's names: `findPlace` and `findActors` ask for them for every trigger of a sentence.
 * Read-only for the callers (they filter and copy), so handing out the same array is safe.
 */
let lastNames: { doc: NewsDoc; sentence: Span; names: readonly (Arg & { type: string })[] } | null = null;

/** Names of the sentence: typed mentions when the layer exists, else capitalised runs (remembered for the last sentence asked). */
function names(doc: NewsDoc, sentence: Span): readonly (Arg & { type: string })[] {
  if (lastNames?.doc === doc && lastNames.sentence === sentence) return lastNames.names;
  const found = findNames(doc, sentence);
  lastNames = { doc, sentence, names: found };
  return found;
}

function findNames(doc: NewsDoc, sentence: Span): (Arg & { type: string })[] {
  const mentions = (doc.layers as Record<string, unknown>).mentions as MentionLike[] | undefined;
  // (the same object as `{ ...arg(doc, m.span), type: m.type }`, without the spread's generic copy)
  if (mentions) return mentions.filter((m) => inside(m.span, sentence)).map((m) => ({ span: m.span, text: doc.text.slice(m.span.start, m.span.end), type: m.type }));
  const out: (Arg & { type: string })[] = [];
  const slice = doc.text.slice(sentence.start, sentence.end);
  const known = midSentenceWords(doc);
  for (const m of slice.matchAll(NAME)) {
    const words = m[0].split(/\s+/).filter((w) => !CALENDAR.test(w) && !FUNCTION_WORD.test(w));
    if (words.length === 0 || words.length < m[0].split(/\s+/).length) continue;
    let start = sentence.start + m.index!;
    let text = m[0].replace(/['’]s$/, '');
    // At the sentence start, a capitalised word the document never capitalises elsewhere is not a name.
    if (m.index === 0 && !known.has(words[0])) {
      const rest = /^\S+\s+(?:of\s+(?:the\s+)?)?/.exec(text);
      if (!rest || rest[0].length >= text.length) continue;
      start += rest[0].length;
      text = text.slice(rest[0].length);
    }
    out.push({ ...arg(doc, { start, end: start + text.length }), type: 'unknown' });
  }
  return out;
}

/** The place: a place name introduced by "in/at/near", preferring one after the trigger. */
export function findPlace(doc: NewsDoc, sentence: Span, trigger: Span): Arg | null {
  const cued = names(doc, sentence).filter(
    (n) =>
      (n.type === 'place' || (n.type === 'unknown' && !ADJECTIVE.test(n.text))) &&
      PLACE_CUE.test(doc.text.slice(Math.max(sentence.start, n.span.start - 60), n.span.start)),
  );
  const after = cued.filter((n) => n.span.start >= trigger.end);
  const best = after[0] ?? cued[cued.length - 1];
  return best ? { span: best.span, text: best.text } : null;
}

/**
 * A place named as where something is or happens ("in Dornach", "at the Virel station", "near Kessel",
 * "the city of Brask"): a location of the sentence, not a party to its event.
 */
const LOCATION_CUE = new RegExp(String.raw`\b(?:in|at|near|outside|around|from|to)\s+(?:the\s+)?${KIND_OF}$|\b(?:city|town|village|region|province|district)\s+of\s+$`, 'u');

/**
 * The actors: every name in the sentence but outlets, the place, and other names the sentence gives
 * as locations (an untyped name may well be a party; a typed person or organisation always is).
 */
export function findActors(doc: NewsDoc, sentence: Span, place: Arg | null): Arg[] {
  const located = (n: Arg & { type: string }) =>
    n.type !== 'person' && n.type !== 'organization' && LOCATION_CUE.test(doc.text.slice(Math.max(sentence.start, n.span.start - 60), n.span.start));
  return names(doc, sentence)
    .filter((n) => n.type !== 'outlet' && !(place && n.span.start === place.span.start) && !located(n))
    .filter((n) => n.type === 'person' || n.type === 'organization' || n.type === 'place' || !ADJECTIVE.test(n.text))
    .map((n) => ({ span: n.span, text: n.text }));
}
