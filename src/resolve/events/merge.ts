/**
 * Cross-document event merging by blocking keys, never all-pairs:
 * 1. `(type, ordinal)` — "the second round of talks" in two sources; dates must not conflict.
 * 2. `(type, day)` — same type on the same day, sharing an actor or the place.
 * 3. within one document, an undated mention with no ordinal joins the closest earlier mention of the
 *    same type that has a date or an ordinal ("the talks" after "the second round of talks on Monday").
 * Undated mentions of a numbered event join only when the block's dated mentions agree on one event.
 */
import { overlaps } from './date-range.js';
import type { EventNode } from './nodes.js';
import { UnionFind } from './union-find.js';

/** Most nodes compared within one block: keeps a huge block (a long war's "talks") near-linear. */
const MAX_BLOCK_COMPARISONS = 200;

const sharesActor = (a: EventNode, b: EventNode) =>
  a.actorKeys.length === 0 || b.actorKeys.length === 0 || a.actorKeys.some((k) => b.actorKeys.includes(k));
/**
 * Two reports of the same numbered event may give different days (a source is wrong, or a time zone
 * shifts a day); a week apart is still one event in dispute, while "the second round" of another
 * year's process is a different event. Chosen as the shortest gap between distinct rounds seen in
 * real negotiation series (a few days to weeks) rounded up.
 */
const DATE_DISPUTE_DAYS = 7;
const DAY = 86_400_000;
const datesAgree = (a: EventNode, b: EventNode) =>
  !a.range ||
  !b.range ||
  overlaps(a.range, b.range) ||
  Math.abs(Date.parse(a.range.start) - Date.parse(b.range.start)) <= DATE_DISPUTE_DAYS * DAY;

function blocks(nodes: EventNode[], key: (n: EventNode) => string | null): Map<string, number[]> {
  const out = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const k = key(n);
    if (k !== null) out.set(k, [...(out.get(k) ?? []), i]);
  });
  return out;
}

/** Groups of node indices, each group one real event. */
export function mergeEventNodes(nodes: EventNode[]): number[][] {
  const uf = new UnionFind(nodes.length);
  const ordinalKey = (n: EventNode) => (n.mention.ordinal !== null ? `${n.mention.type}#${n.mention.ordinal}` : null);
  for (const members of blocks(nodes, ordinalKey).values()) {
    const dated = members.filter((i) => nodes[i].range);
    for (let x = 0; x < dated.length; x++)
      for (let y = x + 1; y < Math.min(dated.length, x + MAX_BLOCK_COMPARISONS); y++)
        if (datesAgree(nodes[dated[x]], nodes[dated[y]]) && sharesActor(nodes[dated[x]], nodes[dated[y]])) uf.union(dated[x], dated[y]);
    const datedRoots = new Set(dated.map((i) => uf.find(i)));
    const undated = members.filter((i) => !nodes[i].range);
    const target = datedRoots.size === 1 ? [...datedRoots][0] : undated[0];
    for (const i of undated) if (target !== undefined && sharesActor(nodes[i], nodes[target])) uf.union(i, target);
  }
  const dayKey = (n: EventNode) => (n.range?.precision === 'day' ? `${n.mention.type}@${n.range.start}` : null);
  for (const members of blocks(nodes, dayKey).values())
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < Math.min(members.length, x + MAX_BLOCK_COMPARISONS); y++) {
        const [a, b] = [nodes[members[x]], nodes[members[y]]];
        const samePlace = a.placeKey !== null && a.placeKey === b.placeKey;
        if (samePlace || (a.actorKeys.length > 0 && b.actorKeys.some((k) => a.actorKeys.includes(k)))) uf.union(members[x], members[y]);
      }
  attachWithinDocuments(nodes, uf);
  return uf.groups();
}

/** Something reported as done is not the same event as something still planned or denied. */
const statusesAgree = (a: EventNode, b: EventNode) =>
  (a.mention.status === 'happened') === (b.mention.status === 'happened') || a.mention.status === 'unknown' || b.mention.status === 'unknown';

function attachWithinDocuments(nodes: EventNode[], uf: UnionFind): void {
  const anchored = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const key = `${n.doc.id}|${n.mention.type}`;
    const earlier = anchored.get(key) ?? [];
    if (n.range || n.mention.ordinal !== null) anchored.set(key, [...earlier, i]);
    else {
      const target = earlier.reverse().find((j) => statusesAgree(n, nodes[j]));
      if (target !== undefined) uf.union(i, target);
    }
  });
}
