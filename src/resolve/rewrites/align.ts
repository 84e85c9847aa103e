/**
 * Sentence alignment between two documents, to tell a reworded copy from an independent report:
 * a spun copy's sentences each have a partner in the original with most content words in common but
 * few exact three-word runs; an independent report has few such partners; a verbatim copy's partners
 * share the runs too (that is the near-duplicate resolver's case).
 */
import { splitSentences } from '../../annotate/sentences/stage.js';
import type { NewsDoc } from '../../model/doc.js';
import { BoundedMemo } from '../../memo.js';
import { jaccard, sentenceInitial, shingleSet, tokens } from '../duplicates/tokens.js';
import { contentOf, setJaccard } from './content-words.js';

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
  content: Set<string>;
  anchors: Set<string>;
  shingles: Uint32Array;
}

/**
 * Documents whose alignable sentences are remembered (by text): the original of a group of copies is
 * aligned with each of its copies in turn, and its sentences need splitting and hashing only once.
 */
const memo = new BoundedMemo<Sentence[]>(512);

/** The sentences of a document worth aligning, from its `sentences` layer or split on the spot. */
export function alignableSentences(doc: Pick<NewsDoc, 'text' | 'layers'>): Sentence[] {
  return memo.get(doc.text, () => sentencesOf(doc));
}

function sentencesOf(doc: Pick<NewsDoc, 'text' | 'layers'>): Sentence[] {
  const spans = doc.layers.sentences ?? splitSentences(doc.text);
  return spans
    .map((s) => {
      const text = doc.text.slice(s.start, s.end);
      const toks = tokens(text);
      const anchors = new Set(
        toks.filter((t) => /^\p{N}/u.test(t.norm) || (/^\p{Lu}/u.test(text[t.start]) && !sentenceInitial(text, t.start))).map((t) => t.norm),
      );
      return { text, start: s.start, end: s.end, content: new Set(contentOf(toks).map((t) => t.norm)), anchors, shingles: shingleSet(toks.map((t) => t.norm)) };
    })
    .filter((s) => s.content.size >= MIN_CONTENT_WORDS);
}

/**
 * For each sentence of `copy`, its best partner in `original` when they align (greedy, O(n·m)); a
 * sentence found word for word in the original is paired with it at once (nothing scores higher).
 */
export function alignSentences(copy: Sentence[], original: Sentence[]): AlignedPair[] {
  const out: AlignedPair[] = [];
  const exact = new Map(original.map((o) => [o.text, o]));
  for (const s of copy) {
    const same = exact.get(s.text);
    if (same) {
      out.push({ copy: { start: s.start, end: s.end }, original: { start: same.start, end: same.end }, content: 1, shingles: 1 });
      continue;
    }
    let best: Sentence | null = null;
    let bestScore = ALIGN_CONTENT;
    for (const o of original) {
      if ((s.anchors.size > 0 || o.anchors.size > 0) && setJaccard(s.anchors, o.anchors) < ANCHOR_AGREEMENT) continue;
      const score = setJaccard(s.content, o.content);
      if (score >= bestScore) [best, bestScore] = [o, score];
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
