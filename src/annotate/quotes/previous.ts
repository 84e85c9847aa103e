/**
 * Attribution from the sentence before a quote: a quotation that makes up its own sentence, with no
 * cue of its own, right after a sentence in the same paragraph that reports someone's words or
 * thoughts ("Vell said he would sign. “We are ready.”", "Orsay distanced himself by saying he would
 * help. “I will support him.”") continues that report, so its speaker is that sentence's speaker.
 */
import { attributeAfterClause } from './after-clause.js';
import type { Attribution, QuoteSite } from './attribute.js';
import { attributeBefore } from './before.js';
import { npBefore, type Range } from './np.js';
import { subjectOf } from './subject.js';
import { blankBefore, tokenAt, type Tok } from './tokens.js';

/** A sentence of at most this many tokens may be a bare "subject verb." introduction ("Iowa's Dana Bryce agreed."). */
const MAX_BARE_SENTENCE = 8;

/** The attribution of the sentence before `sentence`, when `open` starts `sentence` and both share a paragraph. */
export function previousSentenceAttribution({ text, toks, sentences, sentence, open, skip }: QuoteSite): Attribution | null {
  if (!sentence || !blankBefore(text, sentence.start, open)) return null;
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
export function subjectAttribution({ toks, sentence, open, skip }: QuoteSite): Attribution | null {
  if (!sentence) return null;
  let from = tokenAt(toks, sentence.start);
  const to = tokenAt(toks, open);
  let speaker = to > from ? subjectOf(toks, from, to, true) : null;
  if (speaker && skip(speaker[0])) {
    for (let i = from; i < to; i++) if (skip(i)) from = i + 1; // never a subject inside an earlier quote
    speaker = to > from ? subjectOf(toks, from, to, true) : null;
  }
  return speaker ? { cue: null, speaker, via: null, rule: 'subject' } : null;
}

/** A paragraph before a quote introduces it only when its last sentence is at most this long, in tokens (a report, not an essay). */
const MAX_INTRO_SENTENCE = 60;

/**
 * A quotation opening its paragraph with no attribution of its own, after a paragraph whose last
 * sentence introduces someone ("Valastro praised the governor's record.¶“We need someone…”",
 * "The Velmar Council issued a statement on Friday.¶“On behalf of…”"): the words are that sentence's
 * speaker's when it has a cue, else its subject's when that is a name or a personal pronoun. PolNeAR annotates such quotes with that subject.
 * Not used when that paragraph holds a quotation mark (then the quote before it decides: `direct.ts`).
 */
export function paragraphIntroAttribution({ text, toks, sentences, open, skip }: QuoteSite): Attribution | null {
  const lineStart = text.lastIndexOf('\n', open - 1) + 1;
  if (!blankBefore(text, lineStart, open)) return null;
  const prev = sentences.filter((x) => x.end <= lineStart && text.slice(x.start, x.end).trim() !== '').pop();
  const paragraph = prev ? text.slice(text.lastIndexOf('\n', prev.start - 1) + 1, prev.end) : '';
  if (!prev || /[“”"«»„]|''/.test(paragraph) || (text.slice(prev.end, lineStart).match(/\n/g)?.length ?? 0) > 3) return null;
  const [from, to] = [tokenAt(toks, prev.start), tokenAt(toks, prev.end)];
  if (to - from > MAX_INTRO_SENTENCE) return null;
  const att = attributeBefore(toks, from, to, skip);
  const speaker = att?.speaker ?? speakingSubject(toks, from, to);
  return speaker ? { cue: att?.speaker ? att.cue : null, speaker, via: null, rule: 'paragraph-intro' } : null;
}

/** The subject of `[from, to)` when it can speak: a name or a personal pronoun ("The debate opened late." has none). */
function speakingSubject(toks: readonly Tok[], from: number, to: number): Range | null {
  const subject = subjectOf(toks, from, to, true);
  const speaks = subject && (toks[subject[1] - 1].pos === 'PROPN' || (subject[1] - subject[0] === 1 && ['he', 'she', 'they'].includes(toks[subject[0]].lower)));
  return speaks ? subject : null;
}

/**
 * Last resort for a quotation that makes up its own sentence: the name (or personal pronoun) that is
 * the subject of the sentence just before it in the same paragraph, whatever its verb
 * ("Sen. Ilse Varga identified fatigue as the reason. “The younger people are sick of it.”").
 */
export function previousSubjectAttribution({ text, toks, sentences, sentence, open }: QuoteSite): Attribution | null {
  if (!sentence || !blankBefore(text, sentence.start, open)) return null;
  const prev = sentences[sentences.indexOf(sentence) - 1];
  if (!prev || text.slice(prev.end, sentence.start).includes('\n')) return null;
  const speaker = speakingSubject(toks, tokenAt(toks, prev.start), tokenAt(toks, prev.end));
  return speaker ? { cue: null, speaker, via: null, rule: 'previous-subject' } : null;
}

/** Nouns naming someone's words: their owner is the speaker of a quote that follows ("her remark that “…”"). */
const SPEECH_NOUN = new Set(
  ('remark remarks comment comments warning warnings assertion claim claims call promise pledge vow statement words ' +
    'response answer message assumption argument rejection dictum missive letter tweet speech description accusation ' +
    'insistence suggestion plea demand prediction contention').split(' '),
);
/** How far back (in tokens) from the opening mark a speech noun may stand ("her assertion during the debate that “"). */
const MAX_TO_SPEECH_NOUN = 8;

/**
 * "…over her remark that “…”", "Vell's lyrical rejection of “…”", "his call for “…”": a quote after
 * a possessed noun naming words is the possessor's (a pronoun, or the name before "'s").
 */
export function possessorAttribution({ toks, sentence, open }: QuoteSite): Attribution | null {
  if (!sentence) return null;
  const from = tokenAt(toks, sentence.start);
  const mark = tokenAt(toks, open);
  for (let k = mark - 1; k > from && k >= mark - MAX_TO_SPEECH_NOUN; k--) {
    if (['VERB', 'AUX'].includes(toks[k].pos) || (toks[k].pos === 'PUNCT' && !/^['’]$/.test(toks[k].text))) return null;
    if (!SPEECH_NOUN.has(toks[k].lower)) continue;
    let o = k - 1;
    while (o > from && toks[o].pos === 'ADJ') o--;
    if (['his', 'her', 'their'].includes(toks[o].lower)) return { cue: null, speaker: [o, o + 1], via: null, rule: 'possessor' };
    if (!/^['’]s?$/.test(toks[o].lower)) return null;
    const owner = npBefore(toks, o, from);
    return owner ? { cue: null, speaker: owner, via: null, rule: 'possessor' } : null;
  }
  return null;
}
