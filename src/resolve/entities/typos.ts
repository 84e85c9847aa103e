/**
 * Typos in names other than persons' (persons have their own similarity rule in `names.ts`): two
 * adjacent letters swapped, "Chrylser" for "Chrysler". Blocked by the sorted letters of the key (a
 * swap keeps them), so finding them is near-linear.
 */
import type { Node } from './cross-doc.js';

/**
 * Shortest name (letters, spaces aside) in which two swapped adjacent letters are read as a typo:
 * below it, a swap makes another real name too often; "Chrylser" (8) and "Bieing" (6) are long enough.
 */
export const MIN_TYPO_LENGTH = 6;

/** Whether `b` is `a` with two adjacent letters swapped ("chrilser"/"chrisler"). */
export function transposed(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * Pairs [typo, right] of in-document nodes (indexes into `nodes`) of one type whose keys differ by a
 * swap, the typo being the spelling used by fewer groups; when both are as common, neither is known
 * to be the typo and no pair is given.
 */
export function transposedPairs(nodes: readonly Node[]): [number, number][] {
  const blocks = new Map<string, number[]>();
  const uses = new Map<string, number>();
  const use = (n: Node) => uses.get(`${n.type}|${n.keys[0]}`) ?? 0;
  nodes.forEach((n, i) => {
    if (n.type === 'person' || (!n.group && !n.uses)) return;
    const k = n.keys[0];
    uses.set(`${n.type}|${k}`, use(n) + (n.uses ?? 1));
    if (k.replace(/ /g, '').length < MIN_TYPO_LENGTH) return;
    const letters = `${n.type}|${[...k].sort().join('')}`;
    (blocks.get(letters) ?? blocks.set(letters, []).get(letters)!).push(i);
  });
  const out: [number, number][] = [];
  for (const members of blocks.values()) {
    for (const x of members) {
      for (const y of members) {
        if (transposed(nodes[x].keys[0], nodes[y].keys[0]) && use(nodes[x]) < use(nodes[y])) out.push([x, y]);
      }
    }
  }
  return out;
}
