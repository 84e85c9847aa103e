/**
 * Sentence sketches: a document's alignable sentences (`alignableSentences`) reduced to 16-bit hashes
 * of their content words, kept in the incremental state (`a:<doc>`, about 1 KB) so that a candidate
 * pair is ruled out without loading the stored document or building its sentences.
 *
 * Why it is exact: `tryLink(copy, orig)` needs at least `MIN_REWORDED` aligned pairs and
 * `MIN_COVERAGE` of the copy's sentences aligned, and a sentence aligns only with a partner of
 * content-word Jaccard ≥ `ALIGN_CONTENT`. Counting shared hashes never undercounts shared words (a
 * shared word has the same hash on both sides; a collision only adds), so the Jaccard computed here
 * is never below the true one, and the sentences of each side that may align are never fewer than
 * those that do. A pair ruled out here is one `tryLink` rejects in both directions. On the synthetic
 * benchmark no candidate pair that does not link gets a quarter of its sentences past this test.
 */
import type { NewsDoc } from '../../model/doc.js';
import { fnv1a } from '../duplicates/tokens.js';
import { ALIGN_CONTENT, alignableContent } from './align.js';
import { MIN_COVERAGE, MIN_REWORDED } from './reworded-copies.js';

/** Per alignable sentence, the hashes of its distinct content words (one per word: collisions kept). */
export type Sketch = readonly Uint16Array[];

/** The sketch of a document's alignable sentences. */
export function sketchOf(doc: Pick<NewsDoc, 'text' | 'layers'>): Sketch {
  return alignableContent(doc).map((words) => Uint16Array.from(words, hash16));
}

const hash16 = (w: string) => {
  const h = fnv1a(w);
  return (h ^ (h >>> 16)) & 0xffff;
};

/** The sketch as stored: base64 of [sentences, each one's length, then the hashes]; null when too large for 16 bits. */
export function packSketch(sketch: Sketch): string | null {
  const total = sketch.reduce((n, s) => n + s.length, 0);
  if (sketch.length > 0xffff || sketch.some((s) => s.length > 0xffff)) return null;
  const out = new Uint16Array(1 + sketch.length + total);
  out[0] = sketch.length;
  let at = 1 + sketch.length;
  sketch.forEach((s, i) => {
    out[1 + i] = s.length;
    out.set(s, at);
    at += s.length;
  });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('base64');
}

/** The sketch `packSketch` stored. */
export function unpackSketch(text: string): Sketch {
  const b = Buffer.from(text, 'base64');
  const all = new Uint16Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  const out: Uint16Array[] = [];
  let at = 1 + all[0];
  for (let i = 0; i < all[0]; i++) {
    out.push(all.subarray(at, at + all[1 + i]));
    at += all[1 + i];
  }
  return out;
}

/** Each sketch's hash → the sentences (by position) that have it, built once per sketch. */
const indexes = new WeakMap<Sketch, Map<number, number[]>>();

function indexOf(sketch: Sketch): Map<number, number[]> {
  let index = indexes.get(sketch);
  if (!index) {
    index = new Map();
    sketch.forEach((s, i) => s.forEach((h) => (index!.get(h) ?? index!.set(h, []).get(h)!).push(i)));
    indexes.set(sketch, index);
  }
  return index;
}

/** Whether `tryLink` can link `a` as a copy of `b` (`forward`), and `b` as a copy of `a` (`backward`). */
export function mayLink(a: Sketch, b: Sketch): { forward: boolean; backward: boolean } {
  const index = indexOf(b);
  const shared = new Int32Array(b.length);
  const paired = new Uint8Array(b.length);
  let inA = 0;
  let inB = 0;
  const touched: number[] = [];
  for (const s of a) {
    for (const h of s) for (const j of index.get(h) ?? []) if (shared[j]++ === 0) touched.push(j);
    let hit = false;
    for (const j of touched) {
      const n = Math.min(shared[j], s.length, b[j].length);
      shared[j] = 0;
      if (n / (s.length + b[j].length - n) < ALIGN_CONTENT) continue;
      hit = true;
      if (paired[j] === 0) [paired[j], inB] = [1, inB + 1];
    }
    touched.length = 0;
    if (hit) inA++;
  }
  return { forward: enough(inA, a.length), backward: enough(inB, b.length) };
}

/** Whether `aligned` of a copy's `alignable` sentences can pass `tryLink`'s thresholds. */
const enough = (aligned: number, alignable: number) => aligned >= MIN_REWORDED && !(aligned < MIN_COVERAGE * alignable);
