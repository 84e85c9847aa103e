/**
 * Word tokens with part-of-speech tags and character offsets, from wink-nlp's English lite model
 * (bundled with the package: nothing is downloaded). The quote and claim finders walk these tokens to
 * find reporting verbs and the noun phrases around them. Results are cached per text, because both
 * the `quotes` and the `claims` stage tokenise the same document.
 */
import { createRequire } from 'node:module';
import type { Span } from '../../model/doc.js';

const require = createRequire(import.meta.url);
// wink-nlp ships CommonJS; its model is plain data.
const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
const model = require('wink-eng-lite-web-model') as import('wink-nlp').Model;
const nlp = winkNLP(model, ['pos']);
const its = nlp.its;

/** One token: its offsets into the text, its text, its Universal POS tag, its lower-cased text. */
export interface Tok extends Span {
  text: string;
  lower: string;
  pos: string;
}

let cache: { text: string; toks: Tok[] } | null = null;

/** Tokenises `text` into `Tok`s (cached for the most recent text). */
export function tokenize(text: string): Tok[] {
  if (cache?.text === text) return cache.toks;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const toks: Tok[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const start = text.indexOf(values[i], at);
    if (start < 0) continue; // wink normalises a few characters; such a token is skipped, never misplaced
    at = start + values[i].length;
    toks.push({ start, end: at, text: values[i], lower: values[i].toLowerCase(), pos: tags[i] });
  }
  cache = { text, toks };
  return toks;
}

/** Index of the first token starting at or after `offset` (binary search). */
export function tokenAt(toks: readonly Tok[], offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tokens lying wholly inside `span`, as a half-open index range `[from, to)`. */
export function tokenRange(toks: readonly Tok[], span: Span): [number, number] {
  const from = tokenAt(toks, span.start);
  let to = from;
  while (to < toks.length && toks[to].end <= span.end) to++;
  return [from, to];
}

/**
 * True when only white space stands in `text` between `from` and the opening mark at `open`. A
 * doubled-apostrophe mark (''…'') is two characters and `open` is its second one, so its first is allowed too.
 */
export function blankBefore(text: string, from: number, open: number): boolean {
  return text.slice(from, open).replace(/['`]$/, '').trim() === '';
}
