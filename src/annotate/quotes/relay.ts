/**
 * A relay anywhere in a quote's sentence: "According to Velmar Radio, Dace said the port was “…”",
 * "Dace said the port was “…,” according to Velmar Radio." The words reach the reader through that
 * source, which attribution corpora (PolNeAR's outermost Source) treat as the quote's source; the
 * speaker is kept, and the source becomes `via`.
 */
import { sourceAfter, type Attribution } from './attribute.js';
import { cueAt } from './cues.js';
import type { Range } from './np.js';
import type { Tok } from './tokens.js';

/**
 * The source of an "according to" in tokens `[from, to)` outside quotes (`skip`) and outside the
 * attribution's own cue. One between the cue and the quote's opening mark (`open`) is the reported
 * clause's own source, not a relay: "Htein said that according to its count, the party won, but “…”".
 */
export function sentenceRelay(toks: readonly Tok[], from: number, to: number, att: Attribution, skip: (i: number) => boolean, open = to): Range | null {
  for (let i = from; i < to; i++) {
    if (skip(i) || (att.cue && i >= att.cue[0] && i < att.cue[1])) continue;
    if (att.cue && i >= att.cue[1] && i < open) continue;
    const cue = cueAt(toks, i);
    if (cue?.base === 'according to') return sourceAfter(toks, cue.to, to);
  }
  return null;
}
