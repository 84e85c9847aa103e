/**
 * Events, incrementally: the mentions of new documents are merged with the stored events they share
 * a block with (same numbered round, same day, same resolved actors, same venue), reading only those
 * blocks and events. A stored event is rebuilt from the facts of its mentions kept in the state
 * (`MentionFacts`), never from its documents, so an event reported a thousand times costs the reading
 * of its facts, not of a thousand documents. The stored events are joined as they were, then the
 * usual rules (`merge.ts`) run over them and the new mentions together; events that gained mentions,
 * or merged, are rebuilt and stored anew. A document an earlier resolver changed in this run (a
 * publication date found, so its relative times moved) has its mentions taken out of their events
 * and merged again.
 *
 * State (resolver `events`): `e:<slot>` a stored event (its id, its mentions' facts and keys, known
 * event and listing order) under a slot that outlives the event's id, which changes as it grows;
 * `i:<event id>` its slot; `m:<doc>` the slot of each of a document's mentions; `b:<block>` the
 * `MAX_BLOCK` most recent mentions filed under a blocking key, with what deciding a join reads;
 * `k:<known>` the slot a pack's known event became; `next` the next slot and listing order.
 */
import type { Context } from '../../context.js';
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput, IncrementalOutput } from '../resolve.js';
import { blockKeys, mayJoin, mergeEventNodes } from './merge.js';
import { argsOf, eventNodes, factsOf, keyedNode, lookupKey, type EventNode, type MentionFacts } from './nodes.js';
import { eventSortKey, eventsOf, type ResolvedEvent } from './resolver.js';
import { EntityView } from '../entities/entity-view.js';
import { append } from '../../append.js';

/** Mentions kept per block: the comparison window of a block in a full run. */
const MAX_BLOCK = 200;

/** A mention as filed in a block: its identity and what `mayJoin` compares. */
type Posted = [doc: string, index: number, ordinal: number | null, range: [string, string, string] | null, placeKey: string | null, actorKeys: string[], status: string, timed: 0 | 1];

const post = (n: EventNode): Posted => [n.doc, n.index, n.ordinal, n.range && [n.range.start, n.range.end, n.range.precision], n.placeKey, n.actorKeys, n.status, n.time !== null ? 1 : 0];

/** A stand-in node with just what `mayJoin` reads. */
function fromPosted([doc, index, ordinal, range, placeKey, actorKeys, status, timed]: Posted): EventNode {
  return {
    doc,
    index,
    ordinal,
    status,
    time: timed ? '' : null,
    range: range && { start: range[0], end: range[1], precision: range[2] as 'day' },
    placeKey,
    actorKeys,
    actorNames: new Map(),
  } as unknown as EventNode;
}

/** An event as stored: what rebuilding it reads. */
export interface StoredEvent {
  id: string;
  /** Each mention's facts, and the key each of its arguments had (`argKeys`). */
  mentions: [MentionFacts, string[]][];
  known: string | null;
  order: number;
}

const stored = (n: EventNode): [MentionFacts, string[]] => [factsOf(n), n.argKeys];

/** The state a full run leaves, for the next incremental run to continue from. */
export function eventState(resolved: ResolvedEvent[], docs: readonly NewsDoc[]): [string, unknown][] {
  const out: [string, unknown][] = [['next', resolved.length]];
  const slotOf = new Map<string, string[]>();
  const blocks = new Map<string, Posted[]>();
  resolved.forEach(({ event, group, known }, order) => {
    const slot = String(order);
    out.push([`e:${slot}`, { id: event.id, mentions: group.map(stored), known: known?.id ?? null, order } satisfies StoredEvent], [`i:${event.id}`, slot]);
    if (known) out.push([`k:${known.id}`, slot]);
    for (const n of group) {
      (slotOf.get(n.doc) ?? slotOf.set(n.doc, []).get(n.doc)!)[n.index] = slot;
      for (const key of blockKeys(n)) (blocks.get(key) ?? blocks.set(key, []).get(key)!).push(post(n));
    }
  });
  // Blocks list mentions in corpus order, as a full run compares them.
  const position = new Map(docs.map((d, i) => [d.id, i]));
  for (const [key, refs] of blocks) out.push([`b:${key}`, refs.sort((a, b) => position.get(a[0])! - position.get(b[0])! || a[1] - b[1]).slice(-MAX_BLOCK)]);
  for (const [doc, slots] of slotOf) out.push([`m:${doc}`, slots]);
  return out;
}

/** What an incremental run has read of the stored events, and the mentions it moves. */
interface Run {
  input: IncrementalInput;
  /** Stored events by slot. */
  stored: Map<string, StoredEvent>;
  /** The slot each stored mention's node came from. */
  owner: Map<EventNode, string>;
  /** Slots of each document read so far (`m:`), by document. */
  slotsOf: Map<string, (string | null)[]>;
  freshIds: Set<string>;
  entities: EntityView;
}

/** Reads the slots of documents' mentions not read yet. */
async function readSlots(run: Run, docs: Iterable<string>): Promise<void> {
  const need = [...new Set(docs)].filter((d) => !run.slotsOf.has(d));
  for (const [k, v] of await run.input.state(need.map((d) => `m:${d}`))) run.slotsOf.set(k.slice(2), v as (string | null)[]);
}

/**
 * Reads stored events by slot, as nodes. A mention keeps the keys it was stored with, unless an
 * entity this run changed may have moved one (merged with another, typed a name, covers the span
 * now): those mentions are keyed anew through their documents' look-ups, the only ones loaded.
 */
async function readEvents(run: Run, slots: Iterable<string>): Promise<Map<string, EventNode[]>> {
  const got = await run.input.state([...slots].filter((s) => !run.stored.has(s)).map((s) => `e:${s}`));
  const read = new Map<string, StoredEvent>([...got].map(([k, v]) => [k.slice(2), v as StoredEvent]));
  const stale = new Set<MentionFacts>();
  for (const e of read.values()) for (const [f, keys] of e.mentions) if (argsOf(f).some((arg, i) => run.entities.stale(f.doc, arg.span, keys[i]))) stale.add(f);
  await run.entities.load([...stale].map((f) => f.doc));
  const nodes = new Map<string, EventNode[]>();
  for (const [slot, e] of read) {
    run.stored.set(slot, e);
    const kept = e.mentions
      .filter(([f]) => !run.freshIds.has(f.doc))
      .map(([f, keys]) => keyedNode(f, stale.has(f) ? lookupKey(run.entities.lookup, f.doc) : (_, i) => keys[i]));
    for (const n of kept) run.owner.set(n, slot);
    nodes.set(slot, kept);
  }
  return nodes;
}

/** Merges the new documents' event mentions into the stored events; returns the events that changed. */
export async function addEvents(input: IncrementalInput, ctx: Context): Promise<IncrementalOutput> {
  const fresh = [...input.added, ...input.changed];
  if (fresh.length === 0) return { upsert: { events: [] }, remove: { events: [] }, state: [] };
  const run: Run = { input, stored: new Map(), owner: new Map(), slotsOf: new Map(), freshIds: new Set(fresh.map((d) => d.id)), entities: new EntityView(input) };
  await run.entities.load(run.freshIds);
  const freshNodes = eventNodes(fresh, run.entities.lookup);

  // The stored events the new mentions may join: those of the mentions in their blocks that a block's
  // rule could join to one of them, and those the changed documents were in.
  const keys = [...new Set(freshNodes.flatMap(blockKeys))];
  const blocks = await input.state(keys.map((k) => `b:${k}`));
  const joinable: [string, number][] = [];
  for (const n of freshNodes)
    for (const key of blockKeys(n))
      for (const p of (blocks.get(`b:${key}`) as Posted[] | undefined) ?? []) if (!run.freshIds.has(p[0]) && mayJoin(key[0], n, fromPosted(p))) joinable.push([p[0], p[1]]);
  await readSlots(run, [...input.changed.map((d) => d.id), ...joinable.map(([doc]) => doc)]);
  const wanted = new Set<string>();
  for (const [doc, i] of joinable) if (run.slotsOf.get(doc)?.[i]) wanted.add(run.slotsOf.get(doc)![i]!);
  const lost = new Set(input.changed.flatMap((d) => (run.slotsOf.get(d.id) ?? []).filter((s): s is string => s !== null)));
  for (const s of lost) wanted.add(s);

  // Nodes: the stored events' mentions (those of changed documents left out), then the new ones.
  const nodes: EventNode[] = [];
  const given: number[][] = [];
  for (const group of (await readEvents(run, wanted)).values()) {
    if (group.length > 0) given.push(group.map((_, i) => nodes.length + i));
    append(nodes, group);
  }
  const firstFresh = nodes.length;
  append(nodes, freshNodes);
  const groups = mergeEventNodes(nodes, given);

  // Groups with a new mention, or joining two stored events, or left by a changed document's mentions, changed.
  const owners = (g: number[]) => new Set(g.map((i) => run.owner.get(nodes[i])));
  const changedGroups = groups.filter((g) => g.some((i) => i >= firstFresh) || owners(g).size > 1 || g.some((i) => lost.has(run.owner.get(nodes[i]) ?? '')));
  const resolved = eventsOf(changedGroups.map((g) => g.map((i) => nodes[i])), run.entities, ctx);

  // A known event already stored elsewhere takes the new mentions in.
  const knownSlots = await input.state(resolved.flatMap((r) => (r.known ? [`k:${r.known.id}`] : [])));
  const extra = await readEvents(run, [...knownSlots.values()] as string[]);
  for (const r of resolved) {
    const slot = r.known ? (knownSlots.get(`k:${r.known.id}`) as string | undefined) : undefined;
    const other = slot === undefined ? undefined : extra.get(slot);
    if (!other) continue;
    extra.delete(slot!); // taken in once
    append(r.group, other);
    Object.assign(r, eventsOf([r.group], run.entities, ctx)[0]);
  }
  return write(run, resolved, lost, { keys, blocks, freshNodes }, await input.state(['next']));
}

/** The items and state an incremental run writes: changed events stored anew, the ones they replace removed. */
async function write(
  run: Run,
  resolved: ResolvedEvent[],
  lost: Set<string>,
  filing: { keys: string[]; blocks: Map<string, unknown>; freshNodes: EventNode[] },
  meta: Map<string, unknown>,
): Promise<IncrementalOutput> {
  let next = (meta.get('next') as number | undefined) ?? 0;
  const state: [string, unknown][] = [];
  // Slots that lost mentions to a changed document are replaced, even when nothing of them is left.
  const emptied = new Set<string>(lost);
  const removed = new Set<string>([...lost].map((s) => run.stored.get(s)!.id));
  const kept = new Set<string>();
  const moved = new Map<EventNode, string>();
  const upsert = resolved.map(({ event, group, known }) => {
    const before = [...new Set(group.flatMap((n) => (run.owner.has(n) ? [run.owner.get(n)!] : [])))];
    // The largest stored event keeps its slot, so the fewest documents' mentions move.
    const slot = before.sort((a, b) => run.stored.get(b)!.mentions.length - run.stored.get(a)!.mentions.length)[0] ?? String(next);
    const order = before.length > 0 ? Math.min(...before.map((s) => run.stored.get(s)!.order)) : next++;
    for (const s of before) {
      emptied.add(s);
      removed.add(run.stored.get(s)!.id);
    }
    kept.add(slot);
    for (const n of group) if (run.owner.get(n) !== slot) moved.set(n, slot);
    state.push([`e:${slot}`, { id: event.id, mentions: group.map(stored), known: known?.id ?? null, order } satisfies StoredEvent], [`i:${event.id}`, slot]);
    if (known) state.push([`k:${known.id}`, slot]);
    return { id: event.id, data: event, sortKey: eventSortKey(event, order) };
  });
  for (const id of upsert.map((u) => u.id)) removed.delete(id);
  for (const id of removed) state.push([`i:${id}`, null]);
  for (const s of emptied) if (!kept.has(s)) state.push([`e:${s}`, null]);
  // Each document whose mentions moved points them at their slots now; a new document's list is new.
  await readSlots(run, [...moved.keys()].filter((n) => !run.freshIds.has(n.doc)).map((n) => n.doc));
  for (const d of run.freshIds) run.slotsOf.set(d, []);
  const docsTouched = new Set<string>();
  for (const [n, slot] of moved) {
    (run.slotsOf.get(n.doc) ?? run.slotsOf.set(n.doc, []).get(n.doc)!)[n.index] = slot;
    docsTouched.add(n.doc);
  }
  for (const doc of docsTouched) state.push([`m:${doc}`, run.slotsOf.get(doc)]);
  // A changed document's mentions are filed again with what they say now.
  const { keys, blocks, freshNodes } = filing;
  const filed = new Map<string, Posted[]>(keys.map((k) => [k, ((blocks.get(`b:${k}`) as Posted[] | undefined) ?? []).filter((p) => !run.freshIds.has(p[0]))]));
  for (const n of freshNodes) for (const key of blockKeys(n)) filed.get(key)!.push(post(n));
  for (const [key, posted] of filed) state.push([`b:${key}`, posted.slice(-MAX_BLOCK)]);
  state.push(['next', next]);
  return { upsert: { events: upsert }, remove: { events: [...removed] }, state };
}
