/**
 * Word tokens, 32-bit string hashes and word shingles: the shared vocabulary of the duplicate,
 * rewrite and story resolvers. Everything here is deterministic (no random seeds, no clock).
 */
import { BoundedMemo } from '../../memo.js';
import { scanWords } from './word-scan.js';

/** A word token with its offsets in the text it came from. */
export interface Token {
  /** The word, case-folded, with typographic apostrophes folded to `'`. */
  norm: string;
  start: number;
  end: number;
}

/** What a word is: letters and digits of any script, joined by apostrophes before letters (`scanWords` finds its matches without it). */
export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * Texts whose tokens are remembered. The duplicate, rewrite and story resolvers each read every
 * document's words, and deciding a copy's direction reads a pair's words again, so the same long text
 * is tokenised many times per resolution; the memo makes that once. Only whole documents are worth
 * remembering (`MEMO_MIN_LENGTH`); sentences are tokenised once each anyway.
 */
const memo = new BoundedMemo<readonly Token[]>(4096);
const MEMO_MIN_LENGTH = 1000;

/**
 * Forgets the remembered tokens: a resolution ends with it (`resolveCorpus`), so the whole documents'
 * tokens it read (~300 MB for 4,096 articles) are not kept alive while the next batch is ingested.
 */
export function forgetTokens(): void {
  memo.clear();
}

/** The words of `text` with their offsets, case-folded (`norm`). The result is shared: do not mutate it. */
export function tokens(text: string): readonly Token[] {
  return text.length >= MEMO_MIN_LENGTH ? memo.get(text, () => scanWords(text)) : scanWords(text);
}

/** FNV-1a, 32 bits: a fast, well-spread, deterministic string hash. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Words per shingle. Three words keep one changed word from spoiling more than three shingles (so a
 * copy with a few edits keeps a high Jaccard) while two independent articles on the same event share
 * few three-word runs (Broder 1997 used 4–10 words for web pages; news copies are shorter).
 */
export const SHINGLE_WORDS = 3;

/** The sorted, distinct hashes of the `k`-word shingles of `words` (one shingle for a shorter text). */
export function shingleSet(words: readonly string[], k = SHINGLE_WORDS): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  if (words.length < k) return Uint32Array.of(fnv1a(words.join(' ')));
  // every hash, sorted, then each kept once (a typed-array sort is much cheaper than a Set of numbers)
  const all = new Uint32Array(words.length - k + 1);
  for (let i = 0; i < all.length; i++) all[i] = joinedHash(words, i, i + k);
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (n === 0 || all[i] !== all[n - 1]) all[n++] = all[i];
  return n === all.length ? all : all.slice(0, n);
}

/** `fnv1a(words.slice(from, to).join(' '))`, without building the string (shingling hashes millions). */
function joinedHash(words: readonly string[], from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let w = from; w < to; w++) {
    if (w > from) h = Math.imul(h ^ 32, 0x01000193);
    const s = words[w];
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** Exact Jaccard similarity of two sorted distinct lists (hash sets, words), by a linear merge. */
export function jaccard<T extends number | string>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * True when the word at `start` opens a sentence or line (only spaces, quotes or brackets between it
 * and the text's start, a line break or a sentence-ending mark): its capital says nothing about it
 * being a name. `from`: where the text to consider starts (a sentence inside a document).
 */
export function sentenceInitial(text: string, start: number, from = 0): boolean {
  let i = start - 1;
  while (i >= from && /[\s"“”‘’'(\[—–-]/.test(text[i]) && text[i] !== '\n') i--;
  return i < from || /[.!?:\n]/.test(text[i]);
}
