/**
 * Sentence alignment between two documents, to tell a reworded copy from an independent report:
 * a spun copy's sentences each have a partner in the original with most content words in common but
 * few exact three-word runs; an independent report has few such partners; a verbatim copy's partners
 * share the runs too (that is the near-duplicate resolver's case).
 */
import { splitSentences } from '../../annotate/sentences/stage.js';
import type { NewsDoc } from '../../model/doc.js';
import { jaccard, sentenceInitial, shingleSet, tokens, type Token } from '../duplicates/tokens.js';
import { isContentWord } from './content-words.js';

/**
 * Content-word Jaccard for two sentences to count as the same sentence. A spinner swaps a third to a
 * half of the content words ("said"→"stated", "demands"→"needs"), which leaves 0.35–0.6; two
 * independent reports of one fact rarely reach 0.4 with sentences of 5+ content words.
 */
export const ALIGN_CONTENT = 0.4;
/** Three-word-shingle Jaccard below which an aligned sentence pair is reworded rather than copied. */
export const REWORDED_SHINGLES = 0.5;
/** Sentences with fewer content words are not aligned (datelines, "Read more", one-word lines). */
export const MIN_CONTENT_WORDS = 5;

/**
 * Share of anchors (numbers and mid-sentence capitalised words) two sentences must have in common to
 * align. A spinner swaps ordinary words but leaves names and figures alone, while two sentences of a
 * common pattern ("About 680 people were affected in Kessel") differ exactly there.
 */
export const ANCHOR_AGREEMENT = 0.5;

/** One aligned sentence pair. */
export interface AlignedPair {
  copy: { start: number; end: number };
  original: { start: number; end: number };
  content: number;
  shingles: number;
}

interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Distinct content words, sorted (compact, and compared by a merge). */
  content: string[];
  /** Distinct anchors, sorted. */
  anchors: string[];
  shingles: Uint32Array;
}

/**
 * Documents whose alignable sentences are remembered (by text): a new document is aligned with up
 * to `MAX_ALIGNED` candidates, which are mostly earlier reports of its story spread over the corpus,
 * and each of them is aligned with many others. Two generations of `MEMO_DOCS` (the recently used
 * survive a turnover): with one generation of 512, emptied when full, each document's sentences
 * were built 3.3 times per 1,000-document incremental step on the synthetic benchmark; with two of
 * 1,024, 1.5 times (about 20 KB a document).
 */
const MEMO_DOCS = 1024;
let young = new Map<string, Sentence[]>();
let old = new Map<string, Sentence[]>();

/**
 * Forgets the remembered sentences: a resolution ends with it (`resolveCorpus`), as with the tokens
 * (`forgetTokens`), so ~2,000 documents' sentences (~55 MB) are not kept alive between resolutions.
 */
export function forgetSentences(): void {
  young = new Map();
  old = new Map();
}

/** The sentences of a document worth aligning, from its `sentences` layer or split on the spot. */
export function alignableSentences(doc: Pick<NewsDoc, 'text' | 'layers'>): Sentence[] {
  let got = young.get(doc.text);
  if (got) return got;
  got = old.get(doc.text) ?? sentencesOf(doc);
  if (young.size >= MEMO_DOCS) [old, young] = [young, new Map()];
  young.set(doc.text, got);
  return got;
}

function sentencesOf(doc: Pick<NewsDoc, 'text' | 'layers'>): Sentence[] {
  return partsOf(doc).map(({ start, end, toks, content }) => {
    const anchors = toks.filter((t) => isDigit(t.norm) || (isUpper(doc.text[t.start]) && !sentenceInitial(doc.text, t.start, start))).map((t) => t.norm);
    return { text: doc.text.slice(start, end), start, end, content, anchors: distinct(anchors), shingles: shingleSet(toks.map((t) => t.norm)) };
  });
}

/** `/^\p{N}/u`, answered without the pattern for an ASCII first character. */
const isDigit = (s: string) => {
  const c = s.charCodeAt(0);
  return c < 0x80 ? c >= 0x30 && c <= 0x39 : /^\p{N}/u.test(s);
};
/** `/^\p{Lu}/u`, answered without the pattern for an ASCII first character. */
const isUpper = (s: string) => {
  const c = s.charCodeAt(0);
  return c < 0x80 ? c >= 0x41 && c <= 0x5a : /^\p{Lu}/u.test(s);
};

/** An alignable sentence's span, tokens and distinct content words (sorted). */
interface Part {
  start: number;
  end: number;
  toks: readonly Token[];
  content: string[];
}

/** The sentences with at least `MIN_CONTENT_WORDS` distinct content words, before anchors and shingles are taken. */
function partsOf(doc: Pick<NewsDoc, 'text' | 'layers'>): Part[] {
  const spans = doc.layers.sentences ?? splitSentences(doc.text);
  const all = tokens(doc.text);
  return spans
    .map((s) => {
      const toks = tokensWithin(all, s.start, s.end) ?? tokens(doc.text.slice(s.start, s.end)).map((t) => ({ ...t, start: t.start + s.start, end: t.end + s.start }));
      const words = new Set<string>();
      for (const t of toks) if (isContentWord(t.norm)) words.add(t.norm);
      return { start: s.start, end: s.end, toks, content: [...words].sort() };
    })
    .filter((s) => s.content.length >= MIN_CONTENT_WORDS);
}

/**
 * The content words of each sentence `alignableSentences` gives, in order: from its memo when the
 * document's sentences are there, else without building their anchors and shingles (a third of the
 * cost), for a caller that only needs the words (the sketches of `sketch.ts`).
 */
export function alignableContent(doc: Pick<NewsDoc, 'text' | 'layers'>): string[][] {
  const got = young.get(doc.text) ?? old.get(doc.text);
  return (got ?? partsOf(doc)).map((s) => s.content);
}

/**
 * The document's tokens inside `[start, end)`: what tokenising that slice gives (with offsets in the
 * document), or null when a token crosses either end (then the slice is tokenised on its own).
 */
function tokensWithin(all: readonly Token[], start: number, end: number): Token[] | null {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < all.length && all[i].start < end; i++) {
    if (all[i].start < start || all[i].end > end) return null;
    out.push(all[i]);
  }
  return out;
}

const distinct = (words: string[]) => [...new Set(words)].sort();

/** Each document's content words → the sentences (by position) that have them, built once per sentence list. */
const wordIndexes = new WeakMap<Sentence[], Map<string, number[]>>();

function wordIndex(sentences: Sentence[]): Map<string, number[]> {
  let index = wordIndexes.get(sentences);
  if (!index) {
    index = new Map();
    sentences.forEach((o, i) => o.content.forEach((w) => (index!.get(w) ?? index!.set(w, []).get(w)!).push(i)));
    wordIndexes.set(sentences, index);
  }
  return index;
}

/**
 * For each sentence of `copy`, its best partner in `original` when they align (greedy, ties to the
 * later one); a sentence found word for word in the original is paired with it at once (nothing
 * scores higher). Only the original's sentences sharing a content word with it can reach
 * `ALIGN_CONTENT`, so only those are scored (found through the original's word index, in order).
 */
export function alignSentences(copy: Sentence[], original: Sentence[]): AlignedPair[] {
  const out: AlignedPair[] = [];
  const exact = new Map(original.map((o) => [o.text, o]));
  const index = wordIndex(original);
  const shared = new Int32Array(original.length);
  for (const s of copy) {
    const same = exact.get(s.text);
    if (same) {
      out.push({ copy: { start: s.start, end: s.end }, original: { start: same.start, end: same.end }, content: 1, shingles: 1 });
      continue;
    }
    const touched: number[] = [];
    for (const w of s.content) for (const i of index.get(w) ?? []) if (shared[i]++ === 0) touched.push(i);
    let best: Sentence | null = null;
    let bestScore = ALIGN_CONTENT;
    for (const i of touched.sort((a, b) => a - b)) {
      const o = original[i];
      const score = shared[i] / (s.content.length + o.content.length - shared[i]);
      shared[i] = 0;
      if (score < bestScore) continue;
      if ((s.anchors.length > 0 || o.anchors.length > 0) && jaccard(s.anchors, o.anchors) < ANCHOR_AGREEMENT) continue;
      [best, bestScore] = [o, score];
    }
    if (best) {
      out.push({
        copy: { start: s.start, end: s.end },
        original: { start: best.start, end: best.end },
        content: bestScore,
        shingles: jaccard(s.shingles, best.shingles),
      });
    }
  }
  return out;
}

/** Pairs whose exact wording differs: the rewritten ones. */
export function reworded(pairs: AlignedPair[]): AlignedPair[] {
  return pairs.filter((p) => p.shingles < REWORDED_SHINGLES);
}
