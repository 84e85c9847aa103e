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

/** Each sketch's entries `hash << 16 | sentence`, sorted (so two sketches meet by a merge), built once per sketch. */
const entries = new WeakMap<Sketch, Uint32Array>();

function entriesOf(sketch: Sketch): Uint32Array {
  let out = entries.get(sketch);
  if (!out) {
    out = new Uint32Array(sketch.reduce((n, s) => n + s.length, 0));
    let k = 0;
    for (let i = 0; i < sketch.length; i++) for (const h of sketch[i]) out[k++] = ((h << 16) | i) >>> 0;
    entries.set(sketch, out.sort());
  }
  return out;
}

/** Shared-hash counts of every sentence pair, reused from call to call (grown when needed, left zeroed). */
let counts = new Int32Array(4096);
/**
 * Sentence pairs counted at most (16 MB of counts): two news articles have some 40 alignable
 * sentences each (1,600 pairs); a pair of giant documents is not ruled out here but aligned.
 */
const MAX_CELLS = 1 << 22;

/** Whether `tryLink` can link `a` as a copy of `b` (`forward`), and `b` as a copy of `a` (`backward`). */
export function mayLink(a: Sketch, b: Sketch): { forward: boolean; backward: boolean } {
  const cells = a.length * b.length;
  if (cells > MAX_CELLS) return { forward: true, backward: true };
  if (counts.length < cells) counts = new Int32Array(Math.max(cells, 2 * counts.length));
  const ea = entriesOf(a);
  const eb = entriesOf(b);
  const width = b.length;
  // Each hash both have: one count for each pair of sentences having it.
  for (let i = 0, j = 0; i < ea.length && j < eb.length; ) {
    const h = ea[i] >>> 16;
    const g = eb[j] >>> 16;
    if (h < g) i++;
    else if (h > g) j++;
    else {
      let i2 = i + 1;
      while (i2 < ea.length && ea[i2] >>> 16 === h) i2++;
      let j2 = j + 1;
      while (j2 < eb.length && eb[j2] >>> 16 === h) j2++;
      for (let x = i; x < i2; x++) {
        const row = (ea[x] & 0xffff) * width;
        for (let y = j; y < j2; y++) counts[row + (eb[y] & 0xffff)]++;
      }
      i = i2;
      j = j2;
    }
  }
  // The sentences of each side with a partner that may reach `ALIGN_CONTENT` (counts zeroed on the way).
  const pairedB = new Uint8Array(width);
  let inA = 0;
  let inB = 0;
  for (let x = 0, at = 0; x < a.length; x++) {
    const la = a[x].length;
    let hit = false;
    for (let y = 0; y < width; y++, at++) {
      if (counts[at] === 0) continue;
      const lb = b[y].length;
      const n = Math.min(counts[at], la, lb);
      counts[at] = 0;
      if (n / (la + lb - n) < ALIGN_CONTENT) continue;
      hit = true;
      if (pairedB[y] === 0) {
        pairedB[y] = 1;
        inB++;
      }
    }
    if (hit) inA++;
  }
  return { forward: enough(inA, a.length), backward: enough(inB, b.length) };
}

/** Whether `aligned` of a copy's `alignable` sentences can pass `tryLink`'s thresholds. */
const enough = (aligned: number, alignable: number) => aligned >= MIN_REWORDED && !(aligned < MIN_COVERAGE * alignable);
