/**
 * Cross-document event merging by blocking keys, never all-pairs:
 * 1. `(type, ordinal)` — "the second round of talks" in two sources, sharing an actor.
 * 2. `(type, day)` — same type on the same day, sharing an actor or the place.
 * 3. `(type, actors)` — same type with the same set of resolved actors (entity ids), same status,
 *    and no two different venues.
 * 4. within one document, a mention with no time, no ordinal and no other venue joins the closest
 *    earlier mention of the same type that has a date or an ordinal ("the talks" after "the second
 *    round of talks on Monday").
 * 5. a denial naming a venue and no time joins the one event anchored at that venue.
 * Every join is guarded at group level: two groups whose dates conflict never merge, so an undated
 * mention cannot chain two differently dated events together; and an event no mention dates stops
 * growing at `MAX_UNDATED_MENTIONS`, so undated reports cannot chain into one event as large as the
 * corpus.
 */
import { narrower, overlaps, type DateRange } from './date-range.js';
import type { EventNode } from './nodes.js';
import { UnionFind } from './union-find.js';

/** Most nodes compared within one block: keeps a huge block (a long war's "talks") near-linear. */
const MAX_BLOCK_COMPARISONS = 200;

/**
 * Two reports of the same numbered event may give different days (a source is wrong, or a time zone
 * shifts a day); a week apart is still one event in dispute, while "the second round" of another
 * year's process is a different event. Chosen as the shortest gap between distinct rounds seen in
 * real negotiation series (a few days to weeks) rounded up. Only the ordinal block allows it.
 */
const DATE_DISPUTE_DAYS = 7;

/**
 * Most mentions an event may gather while none of them dates it. Nothing but its type and actors (or
 * an ordinal) holds such an event together, and the same actors meet, strike or speak again and
 * again: without this bound every undated "Bankers insisted" or "talks between A and B" of a
 * growing corpus chained into one event (4,544 mentions in 1,161 of 10k synthetic undated articles) that no
 * analyst wants, and whose facts every incremental step that re-keyed it read whole. Chosen well above
 * what real coreference needs: MEANTIME's largest gold chain has 8 mentions and Parley's largest
 * undated group there 4 (so no MEANTIME decision changes), while an event read in full stays small.
 * A dated mention lifts the bound (dates then guard the event).
 */
export const MAX_UNDATED_MENTIONS = 32;
const DAY = 86_400_000;

const near = (a: DateRange, b: DateRange) => Math.abs(Date.parse(a.start) - Date.parse(b.start)) <= DATE_DISPUTE_DAYS * DAY;
const sharesActor = (a: EventNode, b: EventNode) =>
  a.actorKeys.length === 0 || b.actorKeys.length === 0 || a.actorKeys.some((k) => b.actorKeys.includes(k));
/** Something reported as done is not the same event as something still planned or denied. */
const statusesAgree = (a: EventNode, b: EventNode) =>
  (a.status === 'happened') === (b.status === 'happened') || a.status === 'unknown' || b.status === 'unknown';

function blocks(nodes: EventNode[], key: (n: EventNode) => string | null): number[][] {
  const out = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const k = key(n);
    if (k === null) return;
    const block = out.get(k);
    if (block) block.push(i);
    else out.set(k, [i]);
  });
  return [...out.values()];
}

/**
 * The date range of two joined groups, from theirs: the narrower when they overlap, else the first's
 * (groups joined whatever their dates keep the first's). Folded over a group's mentions in order, it
 * is the range an incremental run keeps for a stored event (`foldRanges`).
 */
export function joinRanges(a: DateRange | null, b: DateRange | null): DateRange | null {
  return a && b ? (overlaps(a, b) ? narrower(a, b) : a) : a ?? b;
}

/** The range of a group whose mentions (in order) were joined one by one. */
export const foldRanges = (ranges: (DateRange | null)[]): DateRange | null => ranges.reduce(joinRanges, null);

/** Union-find over nodes that keeps each group's date range and refuses joins whose dates conflict. */
class Merger {
  private readonly uf: UnionFind;
  private readonly range = new Map<number, DateRange>();
  /** Mentions of each root's group (a stored event's count when only some of its mentions are given). */
  private readonly size: number[];
  /** Nodes of given groups: two of them were compared when their groups were made. */
  private readonly old: boolean[];
  constructor(
    private readonly nodes: EventNode[],
    given: number[][],
    givenRanges: (DateRange | null | undefined)[],
    givenSizes: (number | undefined)[] = [],
  ) {
    this.uf = new UnionFind(nodes.length);
    this.size = nodes.map(() => 1);
    nodes.forEach((n, i) => n.range && this.range.set(i, n.range));
    this.old = nodes.map(() => false);
    for (const group of given) for (const i of group) this.old[i] = true;
    given.forEach((group, g) => {
      for (const i of group.slice(1)) this.force(group[0], i);
      const range = givenRanges[g];
      if (range !== undefined && group.length > 0) this.setRange(group[0], range);
      if (givenSizes[g] !== undefined && group.length > 0) this.size[this.uf.find(group[0])] = givenSizes[g]!;
    });
  }
  /** Whether a node came in a given group. */
  isOld(i: number): boolean {
    return this.old[i];
  }
  /** Sets the date range of a node's group (a stored event's, when only some of its mentions are loaded). */
  private setRange(i: number, range: DateRange | null): void {
    const root = this.uf.find(i);
    if (range) this.range.set(root, range);
    else this.range.delete(root);
  }
  join(i: number, j: number, allowDispute = false): void {
    const [a, b] = [this.uf.find(i), this.uf.find(j)];
    if (a === b) return;
    const [ra, rb] = [this.range.get(a), this.range.get(b)];
    if (ra && rb && !overlaps(ra, rb) && !(allowDispute && near(ra, rb))) return;
    if (!ra && !rb && this.size[a] + this.size[b] > MAX_UNDATED_MENTIONS) return;
    this.unite(a, b, ra, rb);
  }
  /** Joins two nodes' groups whatever their dates (they were found to be one event before). */
  force(i: number, j: number): void {
    const [a, b] = [this.uf.find(i), this.uf.find(j)];
    if (a !== b) this.unite(a, b, this.range.get(a), this.range.get(b));
  }
  private unite(a: number, b: number, ra: DateRange | undefined, rb: DateRange | undefined): void {
    this.uf.union(a, b);
    const root = this.uf.find(a);
    this.size[root] = this.size[a] + this.size[b];
    const merged = joinRanges(ra ?? null, rb ?? null);
    if (merged) this.range.set(root, merged);
  }
  /**
   * Joins pairs within a block that pass `same`, comparing each node with a bounded window of others;
   * two old nodes are not compared again, so a block of a thousand stored mentions and one new one
   * costs one pass, not a thousand windows.
   */
  pairs(members: number[], same: (a: EventNode, b: EventNode) => boolean, allowDispute = false): void {
    // The first position at or after each position that holds a new node.
    const nextNew = new Array<number>(members.length + 1).fill(members.length);
    for (let p = members.length - 1; p >= 0; p--) nextNew[p] = this.old[members[p]] ? nextNew[p + 1] : p;
    for (let x = 0; x < members.length; x++) {
      const end = Math.min(members.length, x + MAX_BLOCK_COMPARISONS);
      const step = this.old[members[x]] ? (y: number) => nextNew[y] : (y: number) => y;
      for (let y = step(x + 1); y < end; y = step(y + 1))
        if (same(this.nodes[members[x]], this.nodes[members[y]])) this.join(members[x], members[y], allowDispute);
    }
  }
  root(i: number): number {
    return this.uf.find(i);
  }
  groups(): number[][] {
    return this.uf.groups();
  }
}

/** The blocks a node is compared in: by ordinal, by day, by resolved actors, and by venue (for denials). */
const ordinalKey = (n: EventNode) => (n.ordinal !== null ? `${n.type}#${n.ordinal}` : null);
const dayKey = (n: EventNode) => (n.range?.precision === 'day' ? `${n.type}@${n.range.start}` : null);
const actorsKey = (n: EventNode) => {
  const known = n.actorKeys.filter((k) => !k.startsWith('~')).sort();
  return known.length > 0 ? `${n.type}|${known.join('|')}` : null;
};
const venueKey = (n: EventNode) => (n.placeKey ? `${n.type}@${n.placeKey}` : null);

/** Same type and day: one event when they share the place or an actor. */
const sameDayRule = (a: EventNode, b: EventNode) =>
  (a.placeKey !== null && a.placeKey === b.placeKey) || (a.actorKeys.length > 0 && b.actorKeys.some((k) => a.actorKeys.includes(k)));
/** A venue each names, not the same one: two events (delegations that met in Virel and in Dornach met twice). */
const venuesDiffer = (a: EventNode, b: EventNode) => a.placeKey !== null && b.placeKey !== null && a.placeKey !== b.placeKey;
/** Same type and resolved actors: one event when the statuses agree, the ordinals are the same and the venues do not differ. */
const sameActorsRule = (a: EventNode, b: EventNode) => statusesAgree(a, b) && a.ordinal === b.ordinal && !venuesDiffer(a, b);
const isDenial = (n: EventNode) => n.status === 'denied' && n.time === null;
const isAnchor = (n: EventNode) => n.range !== null || n.ordinal !== null;

/**
 * Whether two mentions filed under one block (its `blockKeys` prefix) could be joined by that
 * block's rule, their dates allowing: an incremental run loads only the stored events of mentions
 * that pass, instead of every event in the block.
 */
export function mayJoin(kind: string, a: EventNode, b: EventNode): boolean {
  if (a.range && b.range && !overlaps(a.range, b.range) && !(kind === 'o' && near(a.range, b.range))) return false;
  if (kind === 'o') return sharesActor(a, b);
  if (kind === 'd') return sameDayRule(a, b);
  if (kind === 'a') return sameActorsRule(a, b);
  return (isDenial(a) && isAnchor(b)) || (isDenial(b) && isAnchor(a));
}

/** Every blocking key of a node, prefixed by block kind: the keys an incremental run looks up. */
export function blockKeys(n: EventNode): string[] {
  return [
    ['o', ordinalKey(n)],
    ['d', dayKey(n)],
    ['a', actorsKey(n)],
    ['v', venueKey(n)],
  ].flatMap(([kind, key]) => (key === null ? [] : [`${kind}:${key}`]));
}

/**
 * Groups of node indices, each group one real event. `given` lists groups already known to be one
 * event each (an incremental run's stored events): they are joined first, without the date guard,
 * and take their range from `givenRanges` and their number of mentions from `givenSizes` where those
 * have one (a stored event of which only some mentions are given); their nodes are not attached
 * again within their documents.
 */
export function mergeEventNodes(nodes: EventNode[], given: number[][] = [], givenRanges: (DateRange | null | undefined)[] = [], givenSizes: (number | undefined)[] = []): number[][] {
  const m = new Merger(nodes, given, givenRanges, givenSizes);
  // Dated mentions first, so undated ones meet groups that already carry their dates.
  for (const members of blocks(nodes, ordinalKey)) m.pairs([...members].sort((i, j) => Number(!nodes[i].range) - Number(!nodes[j].range)), sharesActor, true);
  for (const members of blocks(nodes, dayKey)) m.pairs(members, sameDayRule);
  for (const members of blocks(nodes, actorsKey)) m.pairs(members, sameActorsRule);
  attachWithinDocuments(nodes, m);
  attachDenials(nodes, m);
  return m.groups();
}

/**
 * A denial that names a venue but no time ("talks will be held in Kessel is not true") is about the
 * event reported at that venue: it joins the one group of that type anchored there, wherever reported.
 */
function attachDenials(nodes: EventNode[], m: Merger): void {
  const byVenue = blocks(nodes, venueKey);
  for (const members of byVenue) {
    const anchors = members.filter((i) => nodes[i].range || nodes[i].ordinal !== null);
    const groups = new Set(anchors.map((i) => m.root(i)));
    if (groups.size !== 1) continue;
    for (const i of members) if (nodes[i].status === 'denied' && nodes[i].time === null) m.join(i, anchors[0]);
  }
}

function attachWithinDocuments(nodes: EventNode[], m: Merger): void {
  const anchored = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    if (m.isOld(i)) return; // a stored event's mention: attached when its document was new
    const key = `${n.doc}|${n.type}`;
    const earlier = anchored.get(key) ?? [];
    if (n.range || n.time !== null || n.ordinal !== null) anchored.set(key, [...earlier, i]);
    else if (n.time === null) {
      // A mention with a time or a venue of its own that the anchor does not share is another event.
      const samePlace = (j: number) => !n.placeKey || !nodes[j].placeKey || n.placeKey === nodes[j].placeKey;
      const target = [...earlier].reverse().find((j) => statusesAgree(n, nodes[j]) && samePlace(j));
      if (target !== undefined) m.join(i, target);
    }
  });
}
