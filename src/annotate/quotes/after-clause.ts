/**
 * Attribution by a short clause after a quote that ends in a comma, question or exclamation mark
 * (`“…,” Vell shot back.`, `“…?” an angry Orsay retaliated.`, `“…,” he went on.`,
 * `“…,” the statement read.`). Written that way, the clause after the closing mark is the attribution
 * whatever its verb, so the verb need not be in the cue lexicon (and the tagger often calls it a noun:
 * "Vell notes", "Vell shot back"). A clause of a subject and one verb, optionally followed by a
 * particle and a prepositional or time phrase, names the subject as the speaker; an inverted clause
 * (`“…,” wrote Vell.`) names the phrase after the verb.
 */
import type { Attribution } from './attribute.js';
import { TIME_AFTER_CUE } from './later.js';
import { VERB_FORMS } from './cues.js';
import { npAfter, npBefore, PRONOUN, type Range } from './np.js';
import type { Tok } from './tokens.js';

/** The longest attribution clause accepted, in tokens (subject, verb, particle). */
const MAX_CLAUSE = 9;
/** Particles that complete a speech verb ("shot back", "went on", "chimed in"). */
export const PARTICLE = new Set(['back', 'on', 'in', 'up', 'out', 'off', 'again']);
/** Words that end the clause's core: what follows is a prepositional or time phrase ("said at a rally", "said Tuesday"). */
const TAIL = new Set(['ADP', 'SCONJ', 'CCONJ', 'PUNCT']);

/**
 * True for a verb-like word at `v`: tagged a verb, a reporting-verb form, a past participle the tagger
 * called an adjective after its subject ("she elaborated"), or a word it called a noun that can only be
 * a verb here: a past tense ("retaliated"), one before a particle ("shot back"),
 * or a third-person form right after a name or pronoun ("Vell notes").
 */
export function verbLike(toks: readonly Tok[], v: number): boolean {
  const t = toks[v];
  if (!/^\p{Ll}/u.test(t.text) || t.lower.endsWith('ing')) return false;
  if (t.pos === 'VERB' || VERB_FORMS.has(t.lower)) return true;
  if (t.pos === 'ADJ') return /ed$/.test(t.lower) && ['PRON', 'PROPN', 'NOUN'].includes(toks[v - 1]?.pos ?? ''); // "she elaborated,"
  if (t.pos !== 'NOUN') return false;
  return /ed$/.test(t.lower) || PARTICLE.has(toks[v + 1]?.lower ?? '') || (/s$/.test(t.lower) && ['PROPN', 'PRON'].includes(toks[v - 1]?.pos ?? ''));
}

/** True when the clause core `[from, to)` may end before token `j`: the sentence ends, or a tail phrase starts. */
const closes = (toks: readonly Tok[], j: number, end: number) =>
  j >= end || TAIL.has(toks[j].pos) || TIME_AFTER_CUE.test(toks[j].text);

/** The subject phrase `[from, to)` when it is one noun phrase or a subject pronoun. */
function subject(toks: readonly Tok[], from: number, to: number): Range | null {
  if (to - from === 1 && toks[from].pos === 'PRON') return PRONOUN.has(toks[from].lower) ? [from, to] : null;
  const np = npAfter(toks, from, to);
  return np && np[1] === to && !toks.slice(from, to).some((t) => t.pos === 'PRON') ? np : null;
}

/**
 * The attribution in tokens `[from, to)` after a closing mark, when the quote ended with `,`, `?` or
 * `!` (the caller checks); null unless the tokens start with a short subject–verb or verb–subject clause.
 */
export function attributeAfterClause(toks: readonly Tok[], from: number, to: number): Attribution | null {
  let i = from;
  while (i < to && /^(?:,|['’"”»]+)$/.test(toks[i].text)) i++;
  if (i >= to || !['DET', 'PROPN', 'NOUN', 'PRON', 'ADJ', 'NUM', 'VERB'].includes(toks[i].pos)) return null;
  // inverted: "wrote Vell."
  if (verbLike(toks, i)) {
    const np = npAfter(toks, i + 1, to);
    return np && closes(toks, np[1], to) ? { cue: [i, i + 1], speaker: np, via: null, rule: 'after-clause' } : null;
  }
  for (let v = i + 1; v < to && v - i < MAX_CLAUSE; v++) {
    if (!verbLike(toks, v)) continue;
    let k = v + 1;
    if (k < to && PARTICLE.has(toks[k].lower) && closes(toks, k + 1, to)) k++;
    // an adverb or the person addressed before the clause closes ("asked rhetorically", "assured Jones,")
    if (k < to && !closes(toks, k, to) && toks[k].pos === 'ADV' && closes(toks, k + 1, to)) k++;
    else if (k < to && !closes(toks, k, to) && ['PROPN', 'PRON'].includes(toks[k].pos) && toks[k + 1]?.text === ',') k++;
    if (!closes(toks, k, to)) continue; // "the leader shot a video": not a bare attribution
    const speaker = subject(toks, i, v);
    if (speaker) return { cue: [v, k], speaker, via: null, rule: 'after-clause' };
  }
  return null;
}

/**
 * "Hillary shot back, “…”", "Vell boasted: “…”": a clause of a subject and a verb (whatever the verb,
 * as after a quote) ending in a comma or colon right before the opening mark at token `mark`.
 */
export function attributeClauseBefore(toks: readonly Tok[], from: number, mark: number): Attribution | null {
  const p = mark - 1;
  if (p <= from || !/^[,:]$/.test(toks[p].text)) return null;
  let v = p - 1;
  while (v > from && toks[v].pos === 'ADV' && !PARTICLE.has(toks[v].lower)) v--; // "fired back forcefully:"
  if (PARTICLE.has(toks[v].lower)) v--;
  if (v <= from || !verbLike(toks, v)) return null;
  const speaker = npBefore(toks, v, from);
  return speaker && ['PROPN', 'NOUN', 'PRON'].includes(toks[speaker[1] - 1].pos) ? { cue: [v, p], speaker, via: null, rule: 'before-clause' } : null;
}
