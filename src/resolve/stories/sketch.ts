/**
 * A story's sketch: what an incremental run reads of a candidate story to tell, without its
 * centroid, that a document cannot join it. As a corpus grows, a document's candidates (stories
 * sharing two index terms) grow to `MAX_CANDIDATES`, and reading each one's centroid (a few
 * kilobytes) was what made adding a document cost more in a bigger corpus; few candidates come
 * anywhere near `STORY_SIMILARITY`. The sketch lists a hash of each centroid term with its weight
 * (divided by the centroid's norm) rounded up to 16 bits, so `bound` is never below the cosine the
 * clusterer computes: a candidate whose bound falls short cannot be chosen, and skipping it changes
 * no decision. Stored as base64 (little-endian), about a fifth of the centroid's size.
 */

/** Steps of a quantised weight: 16 bits loosen the bound by at most 1/65535 per unit of document weight. */
const STEPS = 65_535;
/**
 * Slack under the similarity within which a candidate is still read: covers the rounding of the
 * bound's sum (≈1e-15), so a bound short of the threshold only by rounding never skips a story.
 */
export const BOUND_SLACK = 1e-9;

/** A story's sketch as read: term hashes and their quantised, norm-divided weights. */
export interface Sketch {
  hashes: Buffer;
  weights: Buffer;
}

/** FNV-1a (32 bits) of a term's UTF-16 code units: a collision only loosens the bound. */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The sketch of a centroid of norm `norm`, as stored: `[hashes, weights]` in base64. */
export function sketchOf(centroid: Map<string, number>, norm: number): [string, string] {
  const hashes = Buffer.alloc(4 * centroid.size);
  const weights = Buffer.alloc(2 * centroid.size);
  let i = 0;
  for (const [t, w] of centroid) {
    hashes.writeUInt32LE(termHash(t), 4 * i);
    weights.writeUInt16LE(norm > 0 ? Math.min(STEPS, Math.ceil((w / norm) * STEPS)) : STEPS, 2 * i);
    i++;
  }
  return [hashes.toString('base64'), weights.toString('base64')];
}

/** A stored sketch, decoded. */
export function readSketch([hashes, weights]: [string, string]): Sketch {
  return { hashes: Buffer.from(hashes, 'base64'), weights: Buffer.from(weights, 'base64') };
}

/** A document vector by term hash (weights of terms sharing a hash summed), for `bound`. */
export function hashedVector(vector: Map<string, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [t, w] of vector) {
    const h = termHash(t);
    out.set(h, (out.get(h) ?? 0) + w);
  }
  return out;
}

/** An upper bound of the cosine of the document (`hashedVector`) with the sketched centroid. */
export function bound(doc: Map<number, number>, s: Sketch): number {
  let sum = 0;
  for (let i = 0; i < s.weights.length / 2; i++) {
    const w = doc.get(s.hashes.readUInt32LE(4 * i));
    if (w !== undefined) sum += w * s.weights.readUInt16LE(2 * i);
  }
  return sum / STEPS;
}
