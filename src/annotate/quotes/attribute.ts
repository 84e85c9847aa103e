/**
 * Attribution refiners: given the tokens around a quotation, find its cue, speaker and relay.
 * - after the quote: `“…,” Lavrov said`, `“…,” said one participant`, `“…,” he added, according to
 *   Reuters` (relay), `“…,” reported Reuters` (a relay only: the speaker comes from before);
 * - the speaker of any cue (`speakerOf`), shared with the finders before the quote (`before.ts`) and
 *   of indirect speech (`indirect.ts`): its subject, the clause subject for participles, the phrase
 *   after an inverted cue or "according to", a passive's agent, a poll framing its respondents.
 */
import { ADDRESSEE_VERBS, cueAt, isIngCue, RELAY_VERBS, type Cue } from './cues.js';
import { npAfter, npBefore, type Range } from './np.js';
import { lacksSubject, subjectOf } from './subject.js';
import { POSSESSIVE } from './phrase.js';
import { pollFrame } from './poll.js';
import type { Span } from '../../model/doc.js';
import type { Tok } from './tokens.js';

/**
 * Where a quote opens, with what the attribution rules outside its own clause read: the text, its
 * tokens and sentences, the sentence the opening mark stands in (if any), the mark's offset, and
 * which tokens lie inside earlier quotes (`skip`: never a speaker).
 */
export interface QuoteSite {
  text: string;
  toks: readonly Tok[];
  sentences: readonly Span[];
  sentence: Span | undefined;
  open: number;
  skip: (i: number) => boolean;
}

/** What was found: token ranges of the cue, the speaker and the relay. */
export interface Attribution {
  cue: Range | null;
  speaker: Range | null;
  via: Range | null;
  rule: string;
}

/** Relative and interrogative words that open a new clause after a quote, never a speaker. */
const RELATIVE = new Set(['who', 'which', 'that', 'what', 'when', 'where', 'whose', 'whom']);

/** How many tokens may stand between a closing mark and its cue ("…,” Ukraine foreign minister Dmytro Kuleba said). */
const MAX_AFTER_GAP = 12;

/** A relay after the speaker: ", according to the Associated Press" or ", reported Reuters" (also used by `before.ts`). */
export function relayAfter(toks: readonly Tok[], from: number, to: number): Range | null {
  for (let i = from; i < to && i < from + 6; i++) {
    const cue = cueAt(toks, i);
    // (set off by a comma: "said that according to its count, …" opens the reported clause's own source)
    if (cue && (cue.base === 'according to' || RELAY_VERBS.has(cue.base)) && toks[i - 1]?.text === ',') return npAfter(toks, cue.to, to);
  }
  return null;
}

/** The longest source an "according to" may name, in tokens ("early results of exit polls conducted for … by …"; 25 kept the long sources of PolNeAR train whole). */
const MAX_SOURCE = 25;

/**
 * The source after "according to": everything up to the next comma or the end of the sentence
 * ("the conservative-leaning Tax Foundation", "exit polls"), which taggers often split oddly.
 */
export function sourceAfter(toks: readonly Tok[], from: number, to: number): Range | null {
  let j = from;
  while (j < to && j - from < MAX_SOURCE && !/^(?:[,.;:!?—–"“”]|'')$/.test(toks[j].text)) j++;
  if (j - from >= MAX_SOURCE) return npAfter(toks, from, to);
  const r: Range = [from, j];
  return j > from && toks.slice(from, j).some((t) => ['NOUN', 'PROPN', 'PRON'].includes(t.pos)) ? r : null;
}

/** The speaker of `cue`, looking at its subject, the clause subject for participles, or the phrase after. */
export function speakerOf(toks: readonly Tok[], cue: Cue, from: number, to: number, earlier: Range | null): Range | null {
  const speaker = cueSpeaker(toks, cue, from, to, earlier);
  return pollFrame(toks, from, speaker) ?? speaker; // "In a Courier poll, 31% of voters said …": the poll
}

/** The cue's own speaker phrase (see `speakerOf`). */
function cueSpeaker(toks: readonly Tok[], cue: Cue, from: number, to: number, earlier: Range | null): Range | null {
  if (cue.base === 'according to') return sourceAfter(toks, cue.to, to);
  // "Vell was asked by host Ana Dorn whether …": a passive cue's agent is the speaker
  if (toks[cue.to]?.lower === 'by' && PASSIVE_AUX.has(toks[cue.from - 1]?.lower ?? '') && cue.to + 1 < to) {
    const agent = npAfter(toks, cue.to + 1, to);
    if (agent) return agent;
  }
  if (toks[cue.from - 1]?.text === ',' && cue.from - 1 >= from) {
    // inverted after a clause: "…, said Lavrov, a decision was made"
    // "Dever, who was on the slate, told POLITICO, “…”": the phrase after an addressee verb is its object
    const after = isIngCue(toks, cue) || ADDRESSEE_VERBS.has(cue.base) ? null : npAfter(toks, cue.to, to);
    if (after && after[1] < to && (/^[,.;]$/.test(toks[after[1]].text) || ['who', 'whose'].includes(toks[after[1]].lower))) return after;
    // an appositive subject: "Igor Konashenkov, the spokesman, said"
    const before = isIngCue(toks, cue) ? null : npBefore(toks, cue.from, from);
    if (before) return before;
  }
  if (isIngCue(toks, cue) && toks[cue.from - 1]?.text !== ',') {
    // "footage of Hillary Clinton asking, “…”": a name right before the participle is its subject
    const np = npBefore(toks, cue.from, from);
    if (np && toks[np[1] - 1].pos === 'PROPN') return np;
  }
  if (lacksSubject(toks, cue.from, from) && !(cue.from === from)) {
    // (the phrase after a subject-less verb is its subject only when inverted, never a possessed object: "to explain his view")
    const after = isIngCue(toks, cue) || POSSESSIVE.has(toks[cue.to]?.lower ?? '') ? null : npAfter(toks, cue.to, to);
    return earlier ?? coordinatedSubject(toks, cue, from) ?? subjectOf(toks, from, cue.from) ?? (isIngCue(toks, cue) ? openingName(toks, from, cue.from) : after);
  }
  const inverted = cue.from === from || /^(?:[,“”"«»:']|'')$/.test(toks[cue.from - 1]?.text ?? '');
  return npBefore(toks, cue.from, from) ?? (inverted ? npAfter(toks, cue.to, to) : subjectOf(toks, from, cue.from));
}

/** "Vell shot back in a statement, saying …": a name opening the clause, when the tagger found no verb after it. */
function openingName(toks: readonly Tok[], from: number, to: number): Range | null {
  let j = from;
  while (j < to && toks[j].pos === 'PROPN') j++;
  return j > from ? [from, j] : null;
}

/** "I laughed and said": the subject of the verb just before the conjunction. */
function coordinatedSubject(toks: readonly Tok[], cue: Cue, from: number): Range | null {
  let j = cue.from - 1;
  while (j >= from && toks[j].pos === 'ADV') j--;
  if (j < from || !(toks[j].pos === 'CCONJ' || toks[j].lower === 'and' || toks[j].lower === 'but')) return null;
  for (let v = j - 1; v >= from && v >= j - 4; v--) if (toks[v].pos === 'VERB') return npBefore(toks, v, from);
  return null;
}

/** True for a token that may stand in a speaker phrase written between a quote and its cue. */
const speakerToken = (t: Tok) =>
  t.pos !== 'VERB' || /^\p{Lu}/u.test(t.text) ? !(t.pos === 'PUNCT' && !/^[,().'’-]$/.test(t.text)) : false;

/** Attribution in the tokens `[from, to)` after a closing mark. */
export function attributeAfter(toks: readonly Tok[], from: number, to: number): Attribution | null {
  let i = from;
  while (i < to && /^(?:[,—–-]|['’"”»]+)$/.test(toks[i].text)) i++;
  // "…” when he said", "…” to him, engaging…": a new clause, not this quote's attribution
  if (i < to && !cueAt(toks, i) && !['DET', 'PROPN', 'NOUN', 'PRON', 'ADJ', 'NUM'].includes(toks[i].pos) && !/^\p{Lu}/u.test(toks[i].text)) return null;
  if (i < to && RELATIVE.has(toks[i].lower)) return null; // "…” who feel that way
  for (let j = i; j < to && j - i <= MAX_AFTER_GAP; j++) {
    const cue = cueAt(toks, j);
    if (!cue) {
      // ("the conservative-leaning paper wrote": a participle after a hyphen is part of the phrase)
      if (!speakerToken(toks[j]) && toks[j - 1]?.text !== '-') return null;
      continue;
    }
    if (j === i) {
      // "…,” saying the city …", "…,” telling reporters …": a participle's object is never an inverted speaker
      // (its subject is the clause's, before the quote: direct.ts looks for it)
      if (isIngCue(toks, cue)) return { cue: [cue.from, cue.to], speaker: null, via: null, rule: 'after-participle' };
      const speaker = npAfter(toks, cue.to, to);
      if (!speaker) return null;
      // "…” said they would …": a pronoun opening a clause is that clause's subject ("…,” said he." is inverted)
      // (and so is any phrase followed by an auxiliary: "…,” said the candidate could win"; a participle may
      // modify an inverted speaker: "said a man calling himself Paul")
      // (the verb's subject then stands before the quote: "Vell, citing “…,” said the deal could …")
      const next = toks[speaker[1]];
      const clause = next !== undefined && ((speaker[1] - speaker[0] === 1 && toks[speaker[0]].pos === 'PRON' && !/^[,.;!?]$/.test(next.text)) || (/^\p{Ll}/u.test(next.text) && next.pos === 'AUX'));
      if (speaker[1] < to && clause) return { cue: [cue.from, cue.to], speaker: null, via: null, rule: 'after-participle' };
      const relay = RELAY_VERBS.has(cue.base);
      return {
        cue: [cue.from, cue.to],
        speaker: relay ? null : speaker,
        via: relay ? speaker : relayAfter(toks, speaker[1], to),
        rule: relay ? 'relay' : 'after-inverted',
      };
    }
    // everything between the quote and the cue is the speaker ("a narrator in the Clinton ad asks")
    let end = cue.from;
    while (end > i && (toks[end - 1].pos === 'ADV' || toks[end - 1].pos === 'AUX' || toks[end - 1].text === ',')) end--;
    const last = end > i ? toks[end - 1] : null;
    const speaker: Range | null = last && (!['ADP', 'VERB', 'DET', 'PART', 'SCONJ', 'CCONJ'].includes(last.pos) || /^\p{Lu}/u.test(last.text)) ? [i, end] : null;
    if (!speaker || !toks.slice(i, end).some((t) => ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(t.pos) || /^\p{Lu}/u.test(t.text))) return null;
    if (RELAY_VERBS.has(cue.base)) return { cue: [cue.from, cue.to], speaker: null, via: speaker, rule: 'relay' };
    return { cue: [cue.from, cue.to], speaker, via: relayAfter(toks, cue.to, to), rule: 'after' };
  }
  return null;
}

/** Auxiliaries of a passive ("was asked by"). */
const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be']);
