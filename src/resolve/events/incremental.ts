/**
 * Events, incrementally: the mentions of new documents are merged with the stored events they share
 * a block with (same numbered round, same day, same resolved actors, same venue), reading only those
 * blocks and events, so adding a document costs the same whatever the size of the corpus. The stored
 * events are joined as they were, then the usual rules (`merge.ts`) run over them and the new
 * mentions together; events that gained mentions, or merged, are rebuilt and stored anew. A
 * document an earlier resolver changed in this run (a publication date found, so its relative times
 * moved) has its mentions taken out of their events and merged again.
 *
 * State (resolver `events`): `e:<event>` its mentions as [document, index in `eventMentions`], known
 * event and listing order; `m:<doc>` the event of each of a document's mentions; `b:<block>` the
 * `MAX_BLOCK` most recent mentions filed under a blocking key, with what deciding a join reads; `k:<known>` the event a pack's known
 * event became; `next` the next listing order.
 */
import type { Context } from '../../context.js';
import type { NewsDoc } from '../../model/doc.js';
import type { Corpus, IncrementalInput, IncrementalOutput } from '../resolve.js';
import { blockKeys, mayJoin, mergeEventNodes } from './merge.js';
import type { EventMention } from '../../annotate/events/types.js';
import { eventNodes, type EventNode } from './nodes.js';
import { eventSortKey, eventsOf, type ResolvedEvent } from './resolver.js';
import { EntityView } from '../entities/entity-view.js';

/** Mentions kept per block: the comparison window of a block in a full run. */
const MAX_BLOCK = 200;

type Ref = [doc: string, index: number];

/** A mention as filed in a block: its identity and what `mayJoin` compares. */
type Posted = [doc: string, index: number, ordinal: number | null, range: [string, string, string] | null, placeKey: string | null, actorKeys: string[], status: string, timed: 0 | 1];

const post = (n: EventNode): Posted => [n.doc.id, n.index, n.mention.ordinal, n.range && [n.range.start, n.range.end, n.range.precision], n.placeKey, n.actorKeys, n.mention.status, n.mention.time ? 1 : 0];

/** A stand-in node with just what `mayJoin` reads. */
function fromPosted([doc, index, ordinal, range, placeKey, actorKeys, status, timed]: Posted): EventNode {
  return {
    doc: { id: doc } as NewsDoc,
    index,
    mention: { ordinal, status, time: timed ? {} : null } as unknown as EventMention,
    range: range && { start: range[0], end: range[1], precision: range[2] as 'day' },
    placeKey,
    actorKeys,
    actorNames: new Map(),
  };
}

interface StoredEvent {
  nodes: Ref[];
  known: string | null;
  order: number;
}

const refOf = (n: EventNode): Ref => [n.doc.id, n.index];

/** The state a full run leaves, for the next incremental run to continue from. */
export function eventState(resolved: ResolvedEvent[], docs: readonly NewsDoc[]): [string, unknown][] {
  const out: [string, unknown][] = [['next', resolved.length]];
  const eventOf = new Map<string, string[]>();
  const blocks = new Map<string, Posted[]>();
  resolved.forEach(({ event, group, known }, order) => {
    out.push([`e:${event.id}`, { nodes: group.map(refOf), known: known?.id ?? null, order } satisfies StoredEvent]);
    if (known) out.push([`k:${known.id}`, event.id]);
    for (const n of group) {
      (eventOf.get(n.doc.id) ?? eventOf.set(n.doc.id, []).get(n.doc.id)!)[n.index] = event.id;
      for (const key of blockKeys(n)) (blocks.get(key) ?? blocks.set(key, []).get(key)!).push(post(n));
    }
  });
  // Blocks list mentions in corpus order, as a full run compares them.
  const position = new Map(docs.map((d, i) => [d.id, i]));
  for (const [key, refs] of blocks) out.push([`b:${key}`, refs.sort((a, b) => position.get(a[0])! - position.get(b[0])! || a[1] - b[1]).slice(-MAX_BLOCK)]);
  for (const [doc, ids] of eventOf) out.push([`m:${doc}`, ids]);
  return out;
}

/** Merges the new documents' event mentions into the stored events; returns the events that changed. */
export async function addEvents(input: IncrementalInput, corpus: Corpus, ctx: Context): Promise<IncrementalOutput> {
  const fresh = [...input.added, ...input.changed];
  if (fresh.length === 0) return { upsert: { events: [] }, remove: { events: [] }, state: [] };
  const entities = new EntityView(input);
  const load = async (ids: string[]) => {
    await input.docs.load(ids);
    await entities.load(ids);
  };
  await load(fresh.map((d) => d.id));
  const freshNodes = eventNodes(fresh, entities.lookup);
  const freshIds = new Set(fresh.map((d) => d.id));

  // The stored events the new mentions may join: those of the mentions in their blocks that a block's
  // rule could join to one of them, and those the changed documents were in.
  const keys = [...new Set(freshNodes.flatMap(blockKeys))];
  const blocks = await input.state(keys.map((k) => `b:${k}`));
  const joinable: Ref[] = [];
  for (const n of freshNodes)
    for (const key of blockKeys(n))
      for (const p of (blocks.get(`b:${key}`) as Posted[] | undefined) ?? []) if (!freshIds.has(p[0]) && mayJoin(key[0], n, fromPosted(p))) joinable.push([p[0], p[1]]);
  const docsSeen = new Set<string>([...input.changed.map((d) => d.id), ...joinable.map(([doc]) => doc)]);
  const eventOf = new Map([...(await input.state([...docsSeen].map((d) => `m:${d}`)))].map(([k, v]) => [k.slice(2), v as (string | null)[]]));
  const wanted = new Set<string>();
  for (const [doc, i] of joinable) if (eventOf.get(doc)?.[i]) wanted.add(eventOf.get(doc)![i]!);
  for (const d of input.changed) for (const id of eventOf.get(d.id) ?? []) if (id) wanted.add(id);
  const stored = new Map([...(await input.state([...wanted].map((id) => `e:${id}`)))].map(([k, v]) => [k.slice(2), v as StoredEvent]));

  await load([...stored.values()].flatMap((e) => e.nodes.map(([doc]) => doc)));
  // Nodes: the stored events' mentions (those of changed documents left out), then the new ones.
  const nodeCache = new Map<string, EventNode[]>();
  const nodesOf = (doc: string) => nodeCache.get(doc) ?? nodeCache.set(doc, eventNodes([input.docs.get(doc)!], entities.lookup)).get(doc)!;
  const nodes: EventNode[] = [];
  const given: number[][] = [];
  const ownerOf = new Map<number, string>();
  const owner = new Map<EventNode, string>();
  for (const [id, e] of stored) {
    const group: number[] = [];
    for (const [doc, i] of e.nodes) {
      if (freshIds.has(doc)) continue;
      ownerOf.set(nodes.length, id);
      owner.set(nodesOf(doc)[i], id);
      group.push(nodes.length);
      nodes.push(nodesOf(doc)[i]);
    }
    if (group.length > 0) given.push(group);
  }
  const firstFresh = nodes.length;
  nodes.push(...freshNodes);
  const groups = mergeEventNodes(nodes, given);

  // Only groups with a new mention, or joining two stored events, changed; a stored event that lost a changed document's mentions changed too.
  const changedGroups = groups.filter((g) => g.some((i) => i >= firstFresh) || new Set(g.map((i) => ownerOf.get(i))).size > 1);
  const lost = new Set(input.changed.flatMap((d) => (eventOf.get(d.id) ?? []).filter((id): id is string => id !== null)));
  for (const g of groups) if (!changedGroups.includes(g) && g.some((i) => lost.has(ownerOf.get(i) ?? ''))) changedGroups.push(g);
  const resolved = eventsOf(changedGroups.map((g) => g.map((i) => nodes[i])), input.docs, entities, ctx);

  // A known event already stored elsewhere takes the new mentions in.
  const knownIds = resolved.flatMap((r) => (r.known ? [r.known.id] : []));
  const knownEvents = await input.state(knownIds.map((k) => `k:${k}`));
  const extra = await input.state([...knownEvents.values()].filter((id) => !stored.has(id as string)).map((id) => `e:${id}`));
  await load([...extra.values()].flatMap((e) => (e as StoredEvent).nodes.map(([doc]) => doc)));
  for (const r of resolved) {
    const other = r.known ? (knownEvents.get(`k:${r.known.id}`) as string | undefined) : undefined;
    const e = other ? (extra.get(`e:${other}`) as StoredEvent | undefined) : undefined;
    if (!other || !e) continue;
    stored.set(other, e);
    for (const [doc, i] of e.nodes) {
      if (freshIds.has(doc)) continue;
      owner.set(nodesOf(doc)[i], other);
      r.group.push(nodesOf(doc)[i]);
    }
    Object.assign(r, eventsOf([r.group], input.docs, entities, ctx)[0]);
  }
  // Every document whose mentions move needs its whole list of events, to rewrite it.
  const touched = [...new Set(resolved.flatMap((r) => r.group.map((n) => n.doc.id)))].filter((d) => !eventOf.has(d));
  for (const [k, v] of await input.state(touched.map((d) => `m:${d}`))) eventOf.set(k.slice(2), v as (string | null)[]);
  return write(resolved, stored, owner, lost, eventOf, keys, blocks, freshNodes, await input.state(['next']));
}

/** The items and state an incremental run writes: changed events stored anew, the ones they replace removed. */
function write(
  resolved: ResolvedEvent[],
  stored: Map<string, StoredEvent>,
  owner: Map<EventNode, string>,
  lost: Set<string>,
  eventOf: Map<string, (string | null)[]>,
  keys: string[],
  blocks: Map<string, unknown>,
  freshNodes: EventNode[],
  meta: Map<string, unknown>,
): IncrementalOutput {
  let next = (meta.get('next') as number | undefined) ?? 0;
  // Events that lost mentions to a changed document are replaced, even when nothing of them is left.
  const replaced = new Set<string>(lost);
  const state: [string, unknown][] = [];
  const freshIds = new Set(freshNodes.map((n) => n.doc.id));
  const upsert = resolved.map(({ event, group, known }) => {
    const before = [...new Set(group.flatMap((n) => (owner.has(n) ? [owner.get(n)!] : [])))];
    for (const id of before) replaced.add(id);
    const order = before.length > 0 ? Math.min(...before.map((id) => stored.get(id)!.order)) : next++;
    state.push([`e:${event.id}`, { nodes: group.map(refOf), known: known?.id ?? null, order } satisfies StoredEvent]);
    if (known) state.push([`k:${known.id}`, event.id]);
    return { id: event.id, data: event, sortKey: eventSortKey(event, order), group };
  });
  const kept = new Set(upsert.map((u) => u.id));
  const removed = [...replaced].filter((id) => !kept.has(id));
  for (const id of removed) state.push([`e:${id}`, null]);
  // Each document's mentions point at their events now.
  for (const { id, group } of upsert) {
    for (const n of group) {
      const ids = eventOf.get(n.doc.id) ?? eventOf.set(n.doc.id, []).get(n.doc.id)!;
      ids[n.index] = id;
    }
  }
  const docsTouched = new Set(upsert.flatMap((u) => u.group.map((n) => n.doc.id)));
  for (const doc of docsTouched) state.push([`m:${doc}`, eventOf.get(doc)]);
  // A changed document's mentions are filed again with what they say now.
  const filed = new Map<string, Posted[]>(keys.map((k) => [k, ((blocks.get(`b:${k}`) as Posted[] | undefined) ?? []).filter((p) => !freshIds.has(p[0]))]));
  for (const n of freshNodes) for (const key of blockKeys(n)) filed.get(key)!.push(post(n));
  for (const [key, posted] of filed) state.push([`b:${key}`, posted.slice(-MAX_BLOCK)]);
  state.push(['next', next]);
  return { upsert: { events: upsert.map(({ id, data, sortKey }) => ({ id, data, sortKey })) }, remove: { events: removed }, state };
}
