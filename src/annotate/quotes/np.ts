/**
 * Noun-phrase chunking around a cue, over POS-tagged tokens: the speaker before a verb ("Ukraine
 * foreign minister Dmytro Kuleba said"), after an inverted verb or "according to" ("said one
 * participant", "according to the Associated Press"), through an appositive ("Rustem Umerov, the head
 * of negotiations, said" → "Rustem Umerov"), and the subject of a sentence's first verb (the speaker
 * of a participle cue: "He expressed …, saying that …" is in `subject.ts`).
 */
import { beforeRelative, pastModifiers, restrictiveRelative } from './modifiers.js';
import { collectBack, headed, inNp, MAX_NP, nameLike, POSSESSIVE, type Range } from './phrase.js';
import type { Tok } from './tokens.js';

export type { Range } from './phrase.js';

/** Subject pronouns that can name a speaker. */
export const PRONOUN = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
/** Time words that never name a speaker ("on Friday described", "Tuesday morning said"). */
const TIME_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend|month|year)$/i;
/** Relative pronouns that stand for the noun phrase before their comma ("Beck, who said"). */
export const RELATIVE_PRONOUN = new Set(['who', 'which']);
/** Relative pronouns of a restrictive clause ("a voter who said"; "that" was tried and split PolNeAR's sources evenly). */
export const RESTRICTIVE_PRONOUN = new Set(['who']);
/** How far back an appositive's opening comma may be, in tokens. */
const MAX_APPOSITIVE = 25;
/** How long a parenthesis after a name may be ("(D-Mo.)", "(R-Ohio)"), in tokens. */
const MAX_PAREN = 8;

/** Titles that stand for a named person ("the president", "the minister"); a phrase ending in one is not a name. */
export const TITLE = new Set(
  ('president minister chancellor premier spokesman spokeswoman spokesperson aide adviser advisor leader secretary ' +
    'ambassador negotiator envoy senator governor mayor king queen general commander chief official head diplomat ' +
    'prosecutor judge lawmaker congressman congresswoman candidate nominee').split(' '),
);

/** Tags of words that never stand in a name, capitalised or not ("In other words, said …"). */
const CLOSED_CLASS = new Set(['ADP', 'DET', 'PRON', 'ADV', 'SCONJ', 'CCONJ', 'AUX', 'PART']);

/** Words the tagger calls prepositions that open a clause, whose subject follows ("after Mr. Vell, asked …, said"). */
export const CLAUSE_OPENER = new Set(['after', 'before', 'since', 'as', 'until', 'because', 'although', 'though', 'while', 'once', 'if', 'when']);

/** Emphatic reflexives between a subject and its verb ("Vell himself said"). */
const REFLEXIVE = new Set(['himself', 'herself', 'themselves', 'itself']);

/** Contracted auxiliaries ("He’s claiming", "they're saying"). */
export const CONTRACTED_AUX = /^['’](?:s|re|m|ve|d|ll)$/;

/** The speaker phrase right before token `cue` (skipping adverbs and auxiliaries), or null. */
export function npBefore(toks: readonly Tok[], cue: number, floor: number): Range | null {
  let j = cue - 1;
  // "Dorn, who chaired the session, on Friday described": adverbs, auxiliaries and time phrases stand between
  // (and an emphatic reflexive: "Cruz himself said")
  const skippable = (t: Tok) => t.pos === 'ADV' || t.pos === 'AUX' || t.lower === 'not' || CONTRACTED_AUX.test(t.lower) || TIME_WORD.test(t.text) || REFLEXIVE.has(t.lower);
  while (j >= floor && (skippable(toks[j]) || (['on', 'last', 'this'].includes(toks[j].lower) && TIME_WORD.test(toks[j + 1]?.text ?? '')))) j--;
  if (j < floor) return null;
  if (toks[j].pos === 'PRON' && PRONOUN.has(toks[j].lower)) return [j, j + 1];
  // "Beck, who said …": the relative pronoun is the in-text subject (resolved to "Beck" by antecedent.ts)
  if (RELATIVE_PRONOUN.has(toks[j].lower) && toks[j - 1]?.text === ',' && j - 1 > floor) return [j, j + 1];
  // (and so in a restrictive clause right before the cue: "a Republican who said")
  if (RESTRICTIVE_PRONOUN.has(toks[j].lower) && j - 1 >= floor && ['NOUN', 'PROPN'].includes(toks[j - 1].pos)) return [j, j + 1];
  if (toks[j].text === ')') {
    // "Sen. Claire McCaskill (D-Mo.) said": the parenthesis belongs to the name before it
    let k = j - 1;
    while (k > Math.max(floor, j - MAX_PAREN) && toks[k].text !== '(') k--;
    const name = toks[k]?.text === '(' ? collectBack(toks, k - 1, floor) : null;
    return name ? [name[0], j + 1] : null;
  }
  if (/^[—–]$/.test(toks[j].text)) {
    // "Vell — named by the Courier as the favourite — told": a dash-set appositive after the subject
    let k = j - 1;
    while (k > floor && j - k <= MAX_APPOSITIVE && !/^(?:[—–.;:!?“”"]|'')$/.test(toks[k].text)) k--;
    const name = /^[—–]$/.test(toks[k]?.text ?? '') && k > floor ? collectBack(toks, k - 1, floor) : null;
    return name;
  }
  if (toks[j].text === ',') {
    // "Gov. Ilse Varga (D-Vel.), said": the parenthesis and the name before it
    if (toks[j - 1]?.text === ')' && j - 1 > floor) {
      const named = npBefore(toks, j, floor);
      if (named) return named;
    }
    const relative = beforeRelative(toks, j, floor);
    if (relative) return relative;
    const past = pastModifiers(toks, j, floor);
    // "Sen. Ilse Varga (D-Vel.), noting the vote, said": the parenthesis before the modifiers
    if (past < j && toks[past - 1]?.text === ')' && past - 1 > floor) {
      const named = npBefore(toks, past, floor);
      if (named) return named;
    }
    j = past;
    // an appositive: "Rustem Umerov, the head of negotiations, said" → the name before it
    for (let k = j - 1; k >= Math.max(floor, j - MAX_APPOSITIVE); k--) {
      if (toks[k].text !== ',') continue;
      const name = collectBack(toks, k - 1, floor);
      const appositive = collectBack(toks, j - 1, k + 1);
      // prefer the part that ends in a proper noun: "Russian Defense Ministry spokesman, Igor Konashenkov, said"
      // a name: proper nouns from start to end ("Oren Castell"), not "the foreign minister of Velmar"
      const named = (r: Range | null) =>
        r !== null && toks[r[1] - 1].pos === 'PROPN' && !TITLE.has(toks[r[1] - 1].lower) && (toks[r[0]].pos === 'PROPN' || nameLike(toks[r[0]])) && !toks.slice(r[0], r[1]).some((t) => t.lower === 'of');
      // ("Her partner at Lenox, Oren Castell, said": a name inside a prepositional phrase is not the subject)
      const inPhrase = name !== null && name[0] - 1 > floor && toks[name[0] - 1].pos === 'ADP' && !CLAUSE_OPENER.has(toks[name[0] - 1].lower);
      if (named(name) && !(inPhrase && named(appositive))) return name;
      if (named(appositive)) return appositive;
      // a chain of appositives: "Jean-Marc Ayrault, the foreign minister of France, a member of …, said"
      if (name && name[0] - 1 > floor && toks[name[0] - 1].text === ',') {
        const further = npBefore(toks, name[0], floor);
        if (further && named(further)) return further;
      }
      if (name && toks.slice(name[0], name[1]).some((t) => t.pos === 'PROPN')) return name;
      return appositive ?? name;
    }
    // no opening comma: the phrase before is a subject only if it opens the clause ("Konashenkov, said")
    // (or after capitalised words the tagger left out of it: "De/X Blasio, speaking on the radio, called")
    const np = collectBack(toks, j - 1, floor);
    // (or a subordinator or conjunction opening the clause: "While Mr. Vell, representing the party, laid out …",
    // "But Vell, noting the turnout, said")
    const lead = np ? toks.slice(floor, np[0]) : [];
    return np && lead.every((t, k) => (/^\p{Lu}/u.test(t.text) && !CLOSED_CLASS.has(t.pos)) || (k === 0 && (t.pos === 'SCONJ' || t.pos === 'CCONJ'))) ? np : null;
  }
  const np = collectBack(toks, j, floor);
  const restricted = np ? restrictiveRelative(toks, np[0], floor) : null;
  if (restricted) return restricted;
  // "A source speaking to Velmar Radio said", "A letter obtained by the Post warns": a participle's object is not the subject
  if (np && np[0] - 2 > floor && toks[np[0] - 1].pos === 'ADP' && toks[np[0] - 2].pos === 'VERB' && /(?:ing|ed|en)$/.test(toks[np[0] - 2].lower)) {
    const before = collectBack(toks, np[0] - 3, floor);
    if (before) return before;
  }
  // "Lavrov on Monday said": step over a prepositional phrase to the name before it
  if (np && np[0] - 1 > floor && toks[np[0] - 1].pos === 'ADP' && toks[np[0] - 1].lower !== 'of') {
    const before = collectBack(toks, np[0] - 2, floor);
    if (before && toks.slice(before[0], before[1]).some((t) => t.pos === 'PROPN')) return before;
    // "A survey by the Velmar institute found": the whole phrase is the source
    if (before) return [before[0], np[1]];
  }
  return np;
}

/** The speaker phrase starting at token `i` (after an inverted cue or "according to"), or null. */
export function npAfter(toks: readonly Tok[], i: number, ceil: number): Range | null {
  if (i < ceil && toks[i].pos === 'PRON' && PRONOUN.has(toks[i].lower)) return [i, i + 1];
  // ("said his campaign manager Jeff Weaver": a possessive opens the phrase)
  let j = POSSESSIVE.has(toks[i]?.lower ?? '') && i + 1 < ceil && inNp(toks[i + 1], toks[i + 2]) ? i + 1 : i;
  while (j < ceil && j - i < MAX_NP && inNp(toks[j], toks[j + 1])) j++;
  while (j > i && (toks[j - 1].lower === 'of' || toks[j - 1].pos === 'DET')) j--;
  const r: Range = [i, j];
  return j > i && headed(toks, r) ? r : null;
}
