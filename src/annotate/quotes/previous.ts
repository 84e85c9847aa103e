/**
 * Attribution from the sentence before a quote: a quotation that makes up its own sentence, with no
 * cue of its own, right after a sentence in the same paragraph that reports someone's words or
 * thoughts ("Vell said he would sign. “We are ready.”", "Orsay distanced himself by saying he would
 * help. “I will support him.”") continues that report, so its speaker is that sentence's speaker.
 */
import type { Span } from '../../model/doc.js';
import { attributeAfterClause } from './after-clause.js';
import { attributeBefore, type Attribution } from './attribute.js';
import { subjectOf } from './np.js';
import { tokenAt, type Tok } from './tokens.js';

/** A sentence of at most this many tokens may be a bare "subject verb." introduction ("Iowa's Dana Bryce agreed."). */
const MAX_BARE_SENTENCE = 8;

/** The attribution of the sentence before `sentence`, when `open` starts `sentence` and both share a paragraph. */
export function previousSentenceAttribution(
  text: string,
  toks: readonly Tok[],
  sentences: readonly Span[],
  sentence: Span | undefined,
  open: number,
  skip: (i: number) => boolean,
): Attribution | null {
  if (!sentence || text.slice(sentence.start, open).trim() !== '') return null;
  const k = sentences.indexOf(sentence);
  const prev = k > 0 ? sentences[k - 1] : undefined;
  if (!prev || text.slice(prev.end, sentence.start).includes('\n')) return null;
  const [from, to] = [tokenAt(toks, prev.start), tokenAt(toks, prev.end)];
  // a bare "Vell agreed." (no cue in the lexicon) is as good as "Vell said."
  const att = attributeBefore(toks, from, to, skip) ?? (to - from <= MAX_BARE_SENTENCE ? attributeAfterClause(toks, from, to) : null);
  return att?.speaker ? { ...att, rule: 'previous-sentence' } : null;
}

/**
 * A quotation inside a sentence with no reporting verb ("Jacobs credited Merkel with holding “…”",
 * "Rubio bemoaned a climate in which people “literally hate each other”"): the words are the sentence
 * subject's, as attribution corpora (PolNeAR, PARC) annotate them. Used only when no cue names a
 * speaker, and not for short quoted stretches (the caller drops those as scare quotes).
 */
export function subjectAttribution(toks: readonly Tok[], sentence: Span | undefined, open: number, skip: (i: number) => boolean): Attribution | null {
  if (!sentence) return null;
  let from = tokenAt(toks, sentence.start);
  const to = tokenAt(toks, open);
  let speaker = to > from ? subjectOf(toks, from, to) : null;
  if (speaker && skip(speaker[0])) {
    for (let i = from; i < to; i++) if (skip(i)) from = i + 1; // never a subject inside an earlier quote
    speaker = to > from ? subjectOf(toks, from, to) : null;
  }
  return speaker ? { cue: null, speaker, via: null, rule: 'subject' } : null;
}
