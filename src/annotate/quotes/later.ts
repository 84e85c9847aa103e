/**
 * Attribution later in the sentence after a quote, when none follows the closing mark directly
 * (`“…” to drive up the price, she said.`, `“…,” Scott Pruitt, the attorney general, said at a news
 * conference`, `“…” that Vell can win, said Orin Dace.`, `“…,” as a memo put it.`).
 */
import { ADDRESSEE_VERBS, cueAt, isIngCue, RELAY_VERBS, VERB_FORMS, type Cue } from './cues.js';
import type { Attribution } from './attribute.js';
import { npAfter, npBefore } from './np.js';
import { subjectOf } from './subject.js';
import type { Tok } from './tokens.js';

/** Time words that may follow a closing cue ("Vell said Tuesday"). */
export const TIME_AFTER_CUE = /^(?:today|yesterday|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|last|this|earlier|later)$/i;

/** How far into the sentence after a quote a closing attribution may stand, in tokens. */
const MAX_LATE = 30;

/**
 * An attribution later in the sentence after a quote, when none follows it directly:
 * `“…” to drive up the stock price, she said.` (a short subject and cue closing the sentence) or
 * `“…,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said` (a name, then
 * appositives, then the cue).
 */
export function attributeLater(toks: readonly Tok[], from: number, to: number): Attribution | null {
  let i = from;
  while (i < to && /^(?:[,—–-]|['’"”»]+)$/.test(toks[i].text)) i++;
  const first = npAfter(toks, i, to);
  const named = first && first[0] === i && toks[first[1] - 1].pos === 'PROPN' && toks[first[1]]?.text === ',';
  for (let j = i + 1; j < to && j - i <= MAX_LATE; j++) {
    const cue = cueAt(toks, j);
    if (!cue || RELAY_VERBS.has(cue.base) || cue.base === 'according to') continue;
    // the cue closes the clause, perhaps before a place or time phrase ("said at a news conference")
    const closes = cue.to >= to || /^[,.;!?]$/.test(toks[cue.to].text) || ['ADP', 'CCONJ'].includes(toks[cue.to].pos) || TIME_AFTER_CUE.test(toks[cue.to].text);
    if (named && toks[j - 1].text === ',' && closes) return { cue: [cue.from, cue.to], speaker: first, via: null, rule: 'after-appositive' };
    const np = npBefore(toks, cue.from, i);
    // ", she said." / ", the unsigned opinion said." / ", as a memo put it.": a short subject after a comma or "as"
    const shortSubject = np && np[1] - np[0] <= 4 && [',', 'as'].includes(toks[np[0] - 1]?.lower ?? '') && (['PRON', 'DET'].includes(toks[np[0]].pos) || toks[np[1] - 1].pos === 'PROPN');
    if (np && closes && shortSubject)
      return { cue: [cue.from, cue.to], speaker: np, via: null, rule: 'after-late' };
    // "“…” that Vell can win, said Orin Dace, a former aide.": inverted, closing the sentence
    // (not after an addressee verb: "…, told the Courier." names whom the speaker told)
    const after = toks[j - 1].text === ',' && !isIngCue(toks, cue) && !ADDRESSEE_VERBS.has(cue.base) ? npAfter(toks, cue.to, to) : null;
    if (after && (after[1] >= to || /^[,.;]$/.test(toks[after[1]].text)) && toks[after[1] - 1].pos === 'PROPN')
      return { cue: [cue.from, cue.to], speaker: after, via: null, rule: 'after-late' };
  }
  return null;
}

/** How far (in tokens) past the speaker phrase its cue may stand, over appositives and relative clauses. */
const MAX_FAR = 40;

/**
 * A reporting verb after a quote whatever follows it ("…!” Dace shouted to the crowd", though "shout"
 * needs a quote after it elsewhere), or one the tagger took for a name because it is capitalised
 * ("Murphy Tweeted on Friday").
 */
function looseCue(toks: readonly Tok[], j: number): Cue | null {
  const base = VERB_FORMS.get(toks[j].lower);
  const verb = toks[j].pos === 'VERB' ? /^\p{Ll}/u.test(toks[j].text) : /^\p{Lu}\p{Ll}+ed$/u.test(toks[j].text);
  return base && base !== 'continue' && verb ? { from: j, to: j + 1, base } : null;
}

/**
 * After a quote opening its sentence and ending in `,` `?` or `!`, a speaker phrase followed, however
 * far, by its cue: `“…,” Orin Dace, the envoy who led the talks in Velmar last spring, said on Friday`,
 * `“…,” Lina Voss and Ed Marr of the Velmar institute wrote`, `“…,” Dace is quoted as saying`. The
 * speaker phrase must start right after the mark and be followed by a comma, "and", an auxiliary or
 * adverb, or the cue itself; quoted tokens (`skip`) inside the sentence are passed over.
 */
export function attributeFirstSubject(toks: readonly Tok[], from: number, to: number, skip: (i: number) => boolean): Attribution | null {
  let i = from;
  while (i < to && /^(?:[,—–-]|['’"”»]+)$/.test(toks[i].text)) i++;
  const np = npAfter(toks, i, to);
  if (!np || np[0] !== i || np[1] >= to) return null;
  const next = toks[np[1]];
  if (!(next.text === ',' || next.lower === 'and' || next.pos === 'AUX' || next.pos === 'ADV' || VERB_FORMS.has(next.lower))) return null;
  for (let j = np[1]; j < to && j - np[1] <= MAX_FAR; j++) {
    if (skip(j)) continue;
    if (/^[;:]$/.test(toks[j].text)) return null; // (the sentence's end is `to`: "fivethirtyeight.com" is no stop)
    const cue = cueAt(toks, j) ?? looseCue(toks, j);
    if (!cue || RELAY_VERBS.has(cue.base) || cue.base === 'according to' || (isIngCue(toks, cue) && toks[j - 1].lower !== 'as')) continue;
    return { cue: [cue.from, cue.to], speaker: np, via: null, rule: 'after-subject' };
  }
  return null;
}

/**
 * "Acknowledging that Vell “…,” Orsay did suggest …", "Citing their “…,” Dace urged …": a sentence
 * opening with a participle cue quotes for the subject of the main clause after the quote. `from` is
 * the sentence's first token, `close` the first token after the closing mark, `to` the sentence end.
 */
export function openingParticiple(toks: readonly Tok[], from: number, close: number, to: number): Attribution | null {
  const cue = cueAt(toks, from);
  if (!cue || !isIngCue(toks, cue) || close >= to) return null;
  const speaker = subjectOf(toks, close, to);
  return speaker ? { cue: [cue.from, cue.to], speaker, via: null, rule: 'opening-participle' } : null;
}
