/**
 * The tagger's weights indexed for tagging without building feature strings. Looking up
 * `w-1s=in|Xx` means joining two strings into a new one and hashing it, for 36 templates of every
 * token: that was most of the tagger's time. Here each template has a trie over its columns' values
 * (`in`, then `Xx`), and the lookups use the token's own column strings, whose hashes V8 keeps; the
 * weights found and the order in which they are added are those of the joined strings, so the scores
 * are the same to the last bit.
 */
import { columnAt, TEMPLATE_DEFS, valueAt, type FeatureColumns } from './tagger-features.js';

/** A template's weights by its first column's value, then its second's, …; leaves are weight vectors. */
export type Trie = Map<string, Trie | ArrayLike<number>>;

/**
 * The tries of the templates, from the weights by joined value. A value that does not split into one
 * piece per column (a column held a `|`) has no path in its trie: tokens near a `|` are read through
 * the joined strings instead (`FeatureColumns.bar`).
 */
export function buildTries(weights: Map<string, ArrayLike<number>>[]): Trie[] {
  return TEMPLATE_DEFS.map((t, k) => {
    if (t.parts.length === 1) return weights[k] as Trie;
    const root: Trie = new Map();
    for (const [value, w] of weights[k]) {
      const pieces = value.split('|');
      if (pieces.length !== t.parts.length) continue;
      let node = root;
      for (const piece of pieces.slice(0, -1)) {
        let next = node.get(piece) as Trie | undefined;
        if (!next) node.set(piece, (next = new Map()));
        node = next;
      }
      node.set(pieces[pieces.length - 1], w);
    }
    return root;
  });
}

/**
 * Emission scores `scores[i * labels + y]` of every token inside a stretch, summing the weights of its
 * features in template order (tokens outside get zeros).
 */
export function emissionScores(tries: Trie[], weights: Map<string, ArrayLike<number>>[], f: FeatureColumns, labels: number): Float64Array {
  const scores = new Float64Array(f.n * labels);
  for (let i = 0; i < f.n; i++) {
    if (!f.inside[i]) continue;
    for (let k = 0; k < TEMPLATE_DEFS.length; k++) {
      const t = TEMPLATE_DEFS[k];
      let w: ArrayLike<number> | undefined;
      if (f.bar[i]) {
        const v = valueAt(f, t, i);
        w = v === null ? undefined : weights[k].get(v);
      } else {
        if (t.when && !f[t.when][i]) continue;
        let node: Trie | ArrayLike<number> | undefined = tries[k];
        for (let p = 0; p < t.parts.length && node; p++) node = (node as Trie).get(columnAt(f, t.parts[p][0], i + t.parts[p][1]));
        w = node as ArrayLike<number> | undefined;
      }
      if (w) for (let y = 0; y < labels; y++) scores[i * labels + y] += w[y];
    }
  }
  return scores;
}
