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

/** The source of an "according to" in tokens `[from, to)` outside quotes (`skip`) and outside the attribution's own cue. */
export function sentenceRelay(toks: readonly Tok[], from: number, to: number, att: Attribution, skip: (i: number) => boolean): Range | null {
  for (let i = from; i < to; i++) {
    if (skip(i) || (att.cue && i >= att.cue[0] && i < att.cue[1])) continue;
    const cue = cueAt(toks, i);
    if (cue?.base === 'according to') return sourceAfter(toks, cue.to, to);
  }
  return null;
}
