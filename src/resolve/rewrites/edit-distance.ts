/**
 * Edit distance and spelling skeletons for names. A small helper of our own (the entity resolver has
 * its own spelling logic; the two only meet through data).
 */
import { BoundedMemo } from '../../memo.js';

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped at `max + 1`. */
export function osaDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  // Three rows of the table, rotating: the one before last, the last, the current.
  let [prev2, prev, cur] = [0, width, 2 * width];
  for (let j = 0; j < width; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[prev + j] + 1, rows[cur + j - 1] + 1, rows[prev + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[prev2 + j - 2] + 1);
      rows[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return rows[prev + b.length];
}

/** The rows `osaDistance` fills, reused from call to call. */
let rows = new Int32Array(96);

/**
 * A transliteration skeleton: accents dropped, y/j → i, kh → h, doubled letters collapsed. Two
 * spellings with the same skeleton are accepted transliterations (Sergey/Sergei, Zelensky/Zelenskyy),
 * not misspellings.
 */
export function skeleton(name: string): string {
  return skeletons.get(name, () => skeletonOf(name));
}

/** Skeletons of the names seen (a name's neighbours are compared with it in every document that has it). */
const skeletons = new BoundedMemo<string>(16384);

function skeletonOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/kh/g, 'h')
    .replace(/[yj]/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** All strings obtained by deleting up to `n` characters (the SymSpell key set), including `s`. */
export function deletions(s: string, n = 2): Set<string> {
  let layer = new Set([s]);
  const all = new Set([s]);
  for (let k = 0; k < n; k++) {
    const next = new Set<string>();
    for (const w of layer) for (let i = 0; i < w.length; i++) next.add(w.slice(0, i) + w.slice(i + 1));
    for (const w of next) all.add(w);
    layer = next;
  }
  return all;
}

/**
 * Whether `d` is in `deletions(w, n)` (a subsequence of `w` at most `n` characters shorter), without
 * building that set: ordering a name's close names asks it of many pairs.
 */
export function isDeletion(d: string, w: string, n = 2): boolean {
  const extra = w.length - d.length;
  if (extra < 0 || extra > n) return false;
  let i = 0;
  for (let j = 0; j < w.length && i < d.length; j++) if (w.charCodeAt(j) === d.charCodeAt(i)) i++;
  return i === d.length;
}
