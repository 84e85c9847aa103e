/**
 * Subjects of clauses, for the speakers of subject-less cues: whether a verb has a subject of its own
 * ("…, saying", "and emphasized", "when asked" have none), and the subject of a sentence's first verb
 * that has one (the speaker of a participle cue: "He expressed …, saying that …").
 */
import { CLAUSE_OPENER, CONTRACTED_AUX, npBefore, RESTRICTIVE_PRONOUN, type Range } from './np.js';
import type { Tok } from './tokens.js';

/** Subordinators that open a subject-less clause before a participle ("when asked", "if pressed"). */
const ELLIPTIC = new Set(['when', 'if', 'once', 'unless', 'until', 'while']);

/** True for a verb token that has no subject of its own ("…, saying", "and emphasized"). */
export function lacksSubject(toks: readonly Tok[], cue: number, floor: number): boolean {
  let j = cue - 1;
  if (toks[cue].lower.endsWith('ing')) return !(toks[j]?.pos === 'AUX' || CONTRACTED_AUX.test(toks[j]?.lower ?? '')); // "He's claiming" has one
  while (j >= floor && toks[j].pos === 'ADV' && !ELLIPTIC.has(toks[j].lower)) j--;
  // "when asked about it": an elliptic clause of a past participle has no subject of its own
  if (j >= floor && ELLIPTIC.has(toks[j].lower) && /ed$|^told$/.test(toks[cue].lower)) return true;
  return j < floor || ['and', 'but', 'or', ',', 'to'].includes(toks[j].lower) || toks[j].pos === 'CCONJ';
}

/**
 * The subject of the first verb of the token range `[from, to)` that has one: the clause's subject.
 * `loose`: when no verb has a subject, also a verb the tagger took for a plural noun or a copula (for
 * quotes with no cue at all; the cue-based finders keep the strict reading).
 */
export function subjectOf(toks: readonly Tok[], from: number, to: number, loose = false): Range | null {
  // "In a statement released Thursday, Rep. Jan Dorn reacted": an opening prepositional or participial
  // phrase ends at its comma and holds no subject
  // (and so does an opening subordinate clause: "When Wallace died in 1998, Clinton released …")
  if (toks[from] && (toks[from].pos === 'ADP' || CLAUSE_OPENER.has(toks[from].lower) || /^\p{Lu}\p{Ll}+ing$/u.test(toks[from].text)) && toks[from].lower !== 'of') {
    const comma = toks.slice(from, to).findIndex((t) => t.text === ',');
    // (a subordinate clause has its verb before the comma: not "While Mr. Vell, representing the party, laid out …")
    const clause = !CLAUSE_OPENER.has(toks[from].lower) || toks.slice(from, from + comma).some((t) => t.pos === 'VERB');
    if (comma > 0 && comma < to - from - 1 && clause) from += comma + 1;
  }
  for (let v = from; v < to; v++) {
    // ("is once again questioning": adverbs may stand between the auxiliary and the participle)
    let a = v - 1;
    while (a > from && toks[a].pos === 'ADV') a--;
    if (toks[v].pos !== 'VERB' || (toks[v].lower.endsWith('ing') && toks[a]?.pos !== 'AUX')) continue;
    // "Vell was quick to add": an infinitive's subject is that of the auxiliary before it
    const aux = toks[v - 1]?.lower === 'to' ? toks.slice(from, v).findIndex((t) => t.pos === 'AUX') : -1;
    const np = npBefore(toks, v, from) ?? (aux >= 0 ? npBefore(toks, from + aux, from) : null);
    // (a restrictive relative's verb is not the clause's: "Whitman, a candidate who now runs HP, labeled")
    if (np && np[1] - np[0] === 1 && RESTRICTIVE_PRONOUN.has(toks[np[0]].lower) && toks[np[0] - 1]?.text !== ',') continue;
    if (np) return np;
  }
  // no verb with a subject: a verb the tagger took for a plural noun ("The ad claims “…”", "Vell lobbies for"),
  // or a copula ("Vell was far less bubbly:")
  for (let v = from + 1; loose && v < to; v++) {
    const t = toks[v];
    const nounVerb = t.pos === 'NOUN' && /^\p{Ll}+s$/u.test(t.text) && ['NOUN', 'PROPN'].includes(toks[v - 1].pos) && ['DET', 'SCONJ', 'ADP', 'PRON', 'PROPN', 'PUNCT'].includes(toks[v + 1]?.pos ?? '');
    if (!nounVerb && t.pos !== 'AUX') continue;
    const np = npBefore(toks, v, from);
    if (np) return np;
  }
  return null;
}
