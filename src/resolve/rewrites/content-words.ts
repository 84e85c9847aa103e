/**
 * Content words: the words that carry a sentence's meaning (function words removed). A spun copy
 * keeps most of them — names, numbers, places — while its exact word sequences are broken.
 */
import { BoundedMemo } from '../../memo.js';
import { tokens, type Token } from '../duplicates/tokens.js';

/** English function words and reporting filler (a short, fixed list; it never needs to be complete). */
const STOP = new Set(
  `a an the and or but if of to in on at by for with from into onto over under about after before between during
  as than then that this these those there here it its it's he him his she her they them their we us our you your
  i me my is are was were be been being am has have had do does did will would shall should can could may might must
  not no nor so too very also just only even still yet all any both each few more most other some such own same
  who whom whose which what when where why how while because although though since until up down out off again
  further once said says say told according however meanwhile moreover furthermore nevertheless therefore thus
  instead indeed`.split(/\s+/),
);

/** Content-word tokens of `text` (case-folded, function words and one-letter words dropped). */
export function contentTokens(text: string): Token[] {
  return contentOf(tokens(text));
}

/** The content-word tokens among `toks` (for a caller that has the text's tokens already). */
export function contentOf(toks: readonly Token[]): Token[] {
  return toks.filter((t) => t.norm.length > 1 && !STOP.has(t.norm));
}

/** Whether a case-folded word is a content word (`contentOf` keeps its tokens). */
export function isContentWord(norm: string): boolean {
  return norm.length > 1 && !STOP.has(norm);
}

/**
 * Texts whose content-word sets are remembered: a resolution reads each document's set for the word
 * frequencies of `duplicates` and of `rewrites`, for its LSH entry, and again for each direction vote
 * it takes part in (`spinVote`). Whole documents only (`MEMO_MIN_LENGTH`), as `tokens` remembers.
 */
const memo = new BoundedMemo<ReadonlySet<string>>(2048);
const MEMO_MIN_LENGTH = 1000;

/** The distinct content words of `text`, in order of first use. Shared: do not mutate. */
export function contentSet(text: string): ReadonlySet<string> {
  const build = () => new Set(contentTokens(text).map((t) => t.norm));
  return text.length >= MEMO_MIN_LENGTH ? memo.get(text, build) : build();
}

/** Jaccard similarity of two sets. */
export function setJaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
