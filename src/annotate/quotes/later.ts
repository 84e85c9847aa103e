/**
 * Attribution later in the sentence after a quote, when none follows the closing mark directly
 * (`“…” to drive up the price, she said.`, `“…,” Scott Pruitt, the attorney general, said at a news
 * conference`, `“…” that Vell can win, said Orin Dace.`, `“…,” as a memo put it.`).
 */
import { cueAt, isIngCue, RELAY_VERBS } from './cues.js';
import type { Attribution } from './attribute.js';
import { npAfter, npBefore } from './np.js';
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
    const after = toks[j - 1].text === ',' && !isIngCue(toks, cue) ? npAfter(toks, cue.to, to) : null;
    if (after && (after[1] >= to || /^[,.;]$/.test(toks[after[1]].text)) && toks[after[1] - 1].pos === 'PROPN')
      return { cue: [cue.from, cue.to], speaker: after, via: null, rule: 'after-late' };
  }
  return null;
}
