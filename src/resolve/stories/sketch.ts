/**
 * A story's sketch: what an incremental run reads of a candidate story to tell, without its
 * centroid, that a document cannot join it. As a corpus grows, a document's candidates (stories
 * sharing two index terms) grow to `MAX_CANDIDATES`, and reading each one's centroid (a few
 * kilobytes) was what made adding a document cost more in a bigger corpus; few candidates come
 * anywhere near `STORY_SIMILARITY`. The sketch lists a hash of each centroid term with its weight
 * (divided by the centroid's norm) rounded up to 12 bits, so `bound` is never below the cosine the
 * clusterer computes: a candidate whose bound falls short cannot be chosen, and skipping it changes
 * no decision. Four bytes a term, stored as base64 (little-endian): a seventh of the centroid's size.
 */

/**
 * Bits of a sketch entry kept for the term's hash (the rest, 12, hold its weight): a 20-bit hash
 * collides with one of a story's few hundred terms about once in a few thousand document terms,
 * and a collision only loosens the bound.
 */
const HASH_MASK = 0xfffff000;
/** Steps of a quantised weight: 12 bits loosen the bound by at most 1/4095 per unit of document weight. */
const STEPS = 0xfff;
/**
 * Slack under the similarity within which a candidate is still read: covers the rounding of the
 * bound's sum (≈1e-15), so a bound short of the threshold only by rounding never skips a story.
 */
export const BOUND_SLACK = 1e-9;

/** A story's sketch as read: per centroid term, its hash's top 20 bits and its quantised, norm-divided weight. */
export type Sketch = Buffer;

/** FNV-1a (32 bits) of a term's UTF-16 code units: a collision only loosens the bound. */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The sketch of a centroid of norm `norm`, as stored: 4 bytes a term, in base64. */
export function sketchOf(centroid: Map<string, number>, norm: number): string {
  const out = Buffer.alloc(4 * centroid.size);
  let i = 0;
  for (const [t, w] of centroid) {
    const q = norm > 0 ? Math.min(STEPS, Math.ceil((w / norm) * STEPS)) : STEPS;
    out.writeUInt32LE(((termHash(t) & HASH_MASK) | q) >>> 0, 4 * i++);
  }
  return out.toString('base64');
}

/** A stored sketch, decoded. */
export function readSketch(stored: string): Sketch {
  return Buffer.from(stored, 'base64');
}

/** A document vector by (the sketch's bits of) term hash, weights of terms sharing them summed, for `bound`. */
export function hashedVector(vector: Map<string, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [t, w] of vector) {
    const h = (termHash(t) & HASH_MASK) >>> 0;
    out.set(h, (out.get(h) ?? 0) + w);
  }
  return out;
}

/** An upper bound of the cosine of the document (`hashedVector`) with the sketched centroid. */
export function bound(doc: Map<number, number>, s: Sketch): number {
  let sum = 0;
  for (let i = 0; i < s.length; i += 4) {
    const e = s.readUInt32LE(i);
    const w = doc.get((e & HASH_MASK) >>> 0);
    if (w !== undefined) sum += w * (e & STEPS);
  }
  return sum / STEPS;
}
