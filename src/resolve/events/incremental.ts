/**
 * Events, incrementally: the mentions of new documents are merged with the stored events they share
 * a block with (same numbered round, same day, same resolved actors, same venue), reading only those
 * blocks and events, and of those events only their summaries (`incremental-state.ts`). Merging sees
 * a stored event as the mentions filed in the new mentions' blocks that a block's rule could join
 * (the same comparison window a full run has), joined as one group with the event's stored range and number of mentions;
 * an event that gains mentions is built from its summary joined with theirs, and its mentions as its
 * stored item lists them followed by the new ones. So growing an event reported a thousand times
 * reads and writes its summary and the new mentions, not its thousand mentions' facts; its stored
 * item (contract v1 lists every mention) is read and written whole, unless the store keeps events'
 * mentions as rows (`SPLIT_FIELDS`), when the new ones are appended. The event's id is made from its
 * first mention, so it stays the same as the event grows.
 *
 * A stored event's facts (its chunks) are read only when a document of it changed in this run (a
 * publication date found, so its relative times moved: its mentions are taken out and merged
 * again), or when an entity change re-keys it (an entity it names was folded away, or a document of
 * it whose mentions changed entity keys one of its arguments otherwise: `a:`); its chunks that
 * changed are written again. An event merged into a larger one reads its chunks' mentions to point
 * them at the larger one's slot (each mention moves at most log₂ n times). What such a read costs is
 * bounded by the event, not the corpus: an event no mention dates holds at most
 * `MAX_UNDATED_MENTIONS` (`merge.ts`), and a dated one only the reports of its dates.
 *
 * Reading: `incremental-read.ts`; writing: `incremental-write.ts`; the stored layout and the parts
 * an event is made of: `incremental-state.ts`.
 *
 * State (resolver `events`): `e:<slot>` a stored event (`StoredEvent`) under a slot that outlives
 * its id when events merge; `f:<run>.<n>` chunks of its mentions' facts (a small event keeps them in
 * `e:`); `i:<event id>` its slot; `m:<doc>` the slot of each of a document's mentions, `a:<doc>`
 * each one's arguments' spans and keys; `b:<block>` the `MAX_BLOCK` most recent mentions filed under
 * a blocking key, with what deciding a join reads and their event's slot (`Posted`); `k:<known>` the slot a pack's known event became;
 * `next` the next slot and listing order; `run` the number of the next run.
 */
import type { Context } from '../../context.js';
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput, IncrementalOutput } from '../resolve.js';
import type { DateRange } from './date-range.js';
import { blockKeys, mayJoin, mergeEventNodes } from './merge.js';
import { eventNodes, type EventNode } from './nodes.js';
import { knownEvents, type ResolvedEvent } from './resolver.js';
import { argsEntry, chunkOf, fromPosted, INLINE_FACTS, joinParts, MAX_BLOCK, nodePart, post, storedEvent, type Args, type Posted } from './incremental-state.js';
import { fullNodes, partsOf, readFull, readSlots, readStored, rekeyedSlots, type Run } from './incremental-read.js';
import { write } from './incremental-write.js';
import { EntityView } from '../entities/entity-view.js';
import { append } from '../../append.js';

/** The state a full run leaves, for the next incremental run to continue from. */
export function eventState(resolved: ResolvedEvent[], docs: readonly NewsDoc[]): [string, unknown][] {
  const out: [string, unknown][] = [['next', resolved.length], ['run', 1]];
  const slotOf = new Map<string, string[]>();
  const argsOfDoc = new Map<string, Args[]>();
  const blocks = new Map<string, Posted[]>();
  resolved.forEach(({ event, group }, order) => {
    const slot = String(order);
    const chunk = `f:0.${order}`;
    if (group.length <= INLINE_FACTS) out.push([`e:${slot}`, storedEvent(event, nodePart(group), order, [], chunkOf(group))], [`i:${event.id}`, slot]);
    else out.push([`e:${slot}`, storedEvent(event, nodePart(group), order, [chunk])], [chunk, chunkOf(group)], [`i:${event.id}`, slot]);
    if (event.known) out.push([`k:${event.known}`, slot]);
    for (const n of group) {
      (slotOf.get(n.doc) ?? slotOf.set(n.doc, []).get(n.doc)!)[n.index] = slot;
      (argsOfDoc.get(n.doc) ?? argsOfDoc.set(n.doc, []).get(n.doc)!)[n.index] = argsEntry(n);
      for (const key of blockKeys(n)) (blocks.get(key) ?? blocks.set(key, []).get(key)!).push(post(n, slot));
    }
  });
  // Blocks list mentions in corpus order, as a full run compares them.
  const position = new Map(docs.map((d, i) => [d.id, i]));
  for (const [key, refs] of blocks) out.push([`b:${key}`, refs.sort((a, b) => position.get(a[0])! - position.get(b[0])! || a[1] - b[1]).slice(-MAX_BLOCK)]);
  for (const [doc, slots] of slotOf) out.push([`m:${doc}`, slots]);
  for (const [doc, args] of argsOfDoc) out.push([`a:${doc}`, args]);
  return out;
}

/** Merges the new documents' event mentions into the stored events; returns the events that changed. */
export async function addEvents(input: IncrementalInput, ctx: Context): Promise<IncrementalOutput> {
  const fresh = [...input.added, ...input.changed];
  if (fresh.length === 0) return { upsert: { events: [] }, remove: { events: [] }, state: [] };
  const run: Run = { input, stored: new Map(), owner: new Map(), slotsOf: new Map(), argsOf: new Map(), rekeyed: new Set(), freshIds: new Set(fresh.map((d) => d.id)), entities: new EntityView(input), full: new Map(), unfiled: new Set() };
  await run.entities.load(run.freshIds);
  const freshNodes = eventNodes(fresh, run.entities.lookup);

  // The stored events the new mentions may join: those of the mentions in their blocks that a block's
  // rule could join to one of them (merging sees those mentions of them), and those the changed
  // documents were in (read in full, as are events an entity change may have re-keyed).
  const keysOf = freshNodes.map(blockKeys);
  const keys = [...new Set(keysOf.flat())];
  const blocks = await input.state([...keys.map((k) => `b:${k}`), 'next', 'run']);
  // Each block's stored mentions, as merging compares them (made once per block, not per new mention).
  const filed = new Map(keys.map((k) => [k, ((blocks.get(`b:${k}`) as Posted[] | undefined) ?? []).filter((p) => !run.freshIds.has(p[0])).map((p) => [p, fromPosted(p)] as const)]));
  const joinable: Posted[] = [];
  freshNodes.forEach((n, i) => {
    for (const key of keysOf[i]) for (const [p, node] of filed.get(key)!) if (mayJoin(key[0], n, node)) joinable.push(p);
  });
  // A mention's event is under the slot it was filed with while that slot holds an event (it is left
  // empty only when the event merged into another); else its document's slots (`m:`) say where it went.
  await readStored(run, joinable.flatMap((p) => (typeof p[8] === 'string' ? [p[8]] : [])));
  const filedIn = (p: Posted) => typeof p[8] === 'string' && run.stored.has(p[8]);
  await readSlots(run, [...input.changed.map((d) => d.id), ...joinable.filter((p) => !filedIn(p)).map(([doc]) => doc)]);
  const wanted = new Map<string, Map<string, Posted>>();
  for (const p of joinable) {
    const slot = filedIn(p) ? p[8] : run.slotsOf.get(p[0])?.[p[1]];
    if (slot) (wanted.get(slot) ?? wanted.set(slot, new Map()).get(slot)!).set(`${p[0]}#${p[1]}`, p);
  }
  const lost = new Set(input.changed.flatMap((d) => (run.slotsOf.get(d.id) ?? []).filter((s): s is string => s !== null)));
  for (const s of lost) if (!wanted.has(s)) wanted.set(s, new Map());
  await readStored(run, wanted.keys());
  await readFull(run, [...lost, ...(await rekeyedSlots(run, [...wanted.keys()].filter((s) => !lost.has(s) && run.stored.has(s))))]);
  // The blocks a changed document's mentions were filed in are written again without them.
  const unfiled = [...run.unfiled].filter((k) => !keys.includes(k));
  for (const [k, v] of await input.state(unfiled.map((k) => `b:${k}`))) blocks.set(k, v);

  // Nodes: the stored events' (all their mentions, or those merging sees), then the new ones.
  const nodes: EventNode[] = [];
  const given: number[][] = [];
  const ranges: (DateRange | null | undefined)[] = [];
  const sizes: (number | undefined)[] = [];
  for (const [slot, posted] of wanted) {
    const e = run.stored.get(slot);
    if (!e) continue;
    const group = run.full.has(slot) ? fullNodes(run, slot) : [...posted.values()].map((p) => fromPosted(p, e.sum.type));
    for (const n of group) run.owner.set(n, slot);
    if (group.length > 0) given.push(group.map((_, i) => nodes.length + i)), ranges.push(run.full.has(slot) ? undefined : e.range), sizes.push(run.full.has(slot) ? undefined : e.sum.count);
    append(nodes, group);
  }
  const firstFresh = nodes.length;
  append(nodes, freshNodes);
  const groups = mergeEventNodes(nodes, given, ranges, sizes);

  // Groups with a new mention, or joining two stored events, or left by a changed document's mentions, changed.
  const owners = (g: number[]) => new Set(g.map((i) => run.owner.get(nodes[i])));
  const changedGroups = groups.filter((g) => g.some((i) => i >= firstFresh) || owners(g).size > 1 || g.some((i) => lost.has(run.owner.get(nodes[i]) ?? '')));
  const parts = partsOf(run, [...new Set(changedGroups.flatMap((g) => [...owners(g)].filter((s): s is string => s !== undefined)))]);
  const drafts = changedGroups.map((g) => {
    const slots = [...owners(g)].filter((s): s is string => s !== undefined);
    const added = g.filter((i) => i >= firstFresh).map((i) => nodes[i]);
    return [...slots.map((s) => parts.get(s)!), ...(added.length > 0 ? [nodePart(added)] : [])].reduce(joinParts);
  });
  const resolved = knownEvents(drafts, joinParts, run.entities, ctx);

  // A known event already stored elsewhere takes the new mentions in.
  const knownSlots = await input.state(resolved.flatMap((r) => (r.known ? [`k:${r.known.id}`] : [])));
  const others = [...new Set(knownSlots.values())].filter((s): s is string => typeof s === 'string' && !run.stored.has(s));
  await readStored(run, others);
  const present = others.filter((s) => run.stored.has(s));
  await readFull(run, await rekeyedSlots(run, present));
  const extra = partsOf(run, present);
  for (const r of resolved) {
    const slot = r.known ? (knownSlots.get(`k:${r.known.id}`) as string | undefined) : undefined;
    const other = slot === undefined ? undefined : extra.get(slot);
    if (!other) continue;
    extra.delete(slot!); // taken in once
    Object.assign(r, knownEvents([joinParts(r.draft, other)], joinParts, run.entities, ctx)[0]);
  }
  return write(run, resolved, lost, { keys: [...keys, ...unfiled], blocks, freshNodes });
}
