/**
 * Events, incrementally: the mentions of new documents are merged with the stored events they share
 * a block with (same numbered round, same day, same resolved actors, same venue), reading only those
 * blocks and events, and of those events only their summaries (`incremental-state.ts`). Merging sees
 * a stored event as the mentions filed in the new mentions' blocks that a block's rule could join
 * (the same comparison window a full run has), joined as one group with the event's stored range;
 * an event that gains mentions is built from its summary joined with theirs, and its mentions as its
 * stored item lists them followed by the new ones. So growing an event reported a thousand times
 * reads and writes its summary and the new mentions, not its thousand mentions' facts; only its
 * stored item (contract v1 lists every mention) is read and written whole. The event's id is made
 * from its first mention, so it stays the same as the event grows.
 *
 * A stored event is rebuilt from all its mentions' facts (its chunks) only when a document of it
 * changed in this run (a publication date found, so its relative times moved: its mentions are taken
 * out and merged again), or when the entity of one of its argument keys' samples changed (those
 * mentions are keyed anew through their documents' look-ups), or when it is merged into a larger
 * event (its mentions' slots move: each mention moves at most log₂ n times).
 *
 * State (resolver `events`): `e:<slot>` a stored event (`StoredEvent`) under a slot that outlives
 * its id when events merge; `f:<run>.<n>` chunks of its mentions' facts; `i:<event id>` its slot;
 * `m:<doc>` the slot of each of a document's mentions; `b:<block>` the `MAX_BLOCK` most recent
 * mentions filed under a blocking key, with what deciding a join reads; `k:<known>` the slot a pack's
 * known event became; `next` the next slot and listing order; `run` the number of the next run.
 */
import type { Context } from '../../context.js';
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput, IncrementalOutput } from '../resolve.js';
import { SPLIT_FIELDS, type RowChanges } from '../../store/store.js';
import type { Event } from './build.js';
import type { DateRange } from './date-range.js';
import { blockKeys, mayJoin, mergeEventNodes } from './merge.js';
import { argsOf, eventNodes, keyedNode, lookupKey, type EventNode, type MentionFacts } from './nodes.js';
import { eventSortKey, knownEvents, type ResolvedEvent } from './resolver.js';
import { chunkOf, joinParts, nodePart, storedEvent, storedPart, type Chunk, type Part, type StoredEvent } from './incremental-state.js';
import { EntityView } from '../entities/entity-view.js';
import { append } from '../../append.js';

/** Mentions kept per block: the comparison window of a block in a full run. */
const MAX_BLOCK = 200;

/** A mention as filed in a block: its identity and what `mayJoin` compares. */
type Posted = [doc: string, index: number, ordinal: number | null, range: [string, string, string] | null, placeKey: string | null, actorKeys: string[], status: string, timed: 0 | 1];

const post = (n: EventNode): Posted => [n.doc, n.index, n.ordinal, n.range && [n.range.start, n.range.end, n.range.precision], n.placeKey, n.actorKeys, n.status, n.time !== null ? 1 : 0];

/** A stand-in node with just what merging reads (`type`: its event's). */
function fromPosted([doc, index, ordinal, range, placeKey, actorKeys, status, timed]: Posted, type = ''): EventNode {
  return {
    doc,
    index,
    type,
    ordinal,
    status,
    time: timed ? '' : null,
    range: range && { start: range[0], end: range[1], precision: range[2] as 'day' },
    placeKey,
    actorKeys,
    actorNames: new Map(),
  } as unknown as EventNode;
}

/** A mention as its document's `m:` entry lists it: its event's slot, and each argument's span and key. */
type Ref = [slot: string, args: [start: number, end: number, key: string][]];

const refOf = (n: EventNode, slot: string): Ref => [slot, argsOf(n).map((a, i) => [a.span.start, a.span.end, n.argKeys[i]])];

/** Chunks an event may have before its facts are compacted into one (each growth adds one or two). */
const MAX_CHUNKS = 32;

/** The state a full run leaves, for the next incremental run to continue from. */
export function eventState(resolved: ResolvedEvent[], docs: readonly NewsDoc[]): [string, unknown][] {
  const out: [string, unknown][] = [['next', resolved.length], ['run', 1]];
  const slotOf = new Map<string, Ref[]>();
  const blocks = new Map<string, Posted[]>();
  resolved.forEach(({ event, group }, order) => {
    const slot = String(order);
    const chunk = `f:0.${order}`;
    out.push([`e:${slot}`, storedEvent(event, nodePart(group), order, [chunk])], [chunk, chunkOf(group)], [`i:${event.id}`, slot]);
    if (event.known) out.push([`k:${event.known}`, slot]);
    for (const n of group) {
      (slotOf.get(n.doc) ?? slotOf.set(n.doc, []).get(n.doc)!)[n.index] = refOf(n, slot);
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
  /** Mentions of each document read so far (`m:`), by document. */
  slotsOf: Map<string, (Ref | null)[]>;
  /** Documents whose mentions changed entity in this run (`rewrittenDocs`), once asked. */
  rewritten?: Set<string>;
  /** Stored mentions whose arguments were keyed anew (an entity changed). */
  rekeyed: Set<EventNode>;
  freshIds: Set<string>;
  entities: EntityView;
  /** Stored events read in full (their mentions' nodes, changed documents' left out), by slot. */
  full: Map<string, EventNode[]>;
}

/** Reads the slots of documents' mentions not read yet. */
async function readSlots(run: Run, docs: Iterable<string>): Promise<void> {
  const need = [...new Set(docs)].filter((d) => !run.slotsOf.has(d));
  for (const [k, v] of await run.input.state(need.map((d) => `m:${d}`))) run.slotsOf.set(k.slice(2), v as (Ref | null)[]);
}

/** Reads stored events by slot. */
async function readStored(run: Run, slots: Iterable<string>): Promise<void> {
  for (const [k, v] of await run.input.state([...slots].filter((s) => !run.stored.has(s)).map((s) => `e:${s}`))) run.stored.set(k.slice(2), v as StoredEvent);
}

/** Reads chunks of facts, in the order given. */
async function readChunks(run: Run, keys: string[]): Promise<Chunk> {
  const got = await run.input.state(keys);
  const out: Chunk = [];
  for (const k of keys) append(out, (got.get(k) as Chunk | undefined) ?? []);
  return out;
}

/**
 * Documents whose mentions changed entity in this run (as `EntityView` counts them): those of the
 * mentions entities gained (new documents', those a merge handed over), and of entities stored whole.
 */
function rewrittenDocs(input: IncrementalInput): Set<string> {
  const out = new Set<string>();
  for (const a of input.delta.rows?.entities?.append ?? []) if (a.field === 'mentions') for (const row of a.rows as { doc: string }[]) out.add(row.doc);
  for (const { data } of input.delta.upsert.entities ?? []) for (const m of (data as { mentions?: { doc: string }[] }).mentions ?? []) out.add(m.doc);
  return out;
}

/**
 * Of these stored events, those an entity change of this run re-keys: keyed by an entity folded away
 * (`samples` list every key an event has), or with a mention in a document whose mentions changed
 * entity that the look-up now keys otherwise (its document's `m:` entry lists its arguments' keys).
 */
async function rekeyedSlots(run: Run, slots: string[]): Promise<string[]> {
  const removed = new Set(run.input.delta.remove.entities ?? []);
  const out = new Set(slots.filter((s) => run.stored.get(s)?.samples.some(([k]) => removed.has(k))));
  const want = new Set(slots.filter((s) => !out.has(s)));
  if (want.size === 0) return [...out];
  const docs = [...(run.rewritten ??= rewrittenDocs(run.input))].filter((d) => !run.freshIds.has(d));
  await readSlots(run, docs);
  const stale = ([start, end, key]: Ref[1][number], doc: string) => run.entities.stale(doc, { start, end }, key);
  const suspects = docs.flatMap((d) => (run.slotsOf.get(d) ?? []).flatMap((r) => (r && want.has(r[0]) && r[1].some((a) => stale(a, d)) ? [[d, r] as const] : [])));
  await run.entities.load(suspects.map(([d]) => d));
  for (const [d, [slot, args]] of suspects) {
    // A key found again is unchanged; an entity no longer found leaves the folded text (a `~` key).
    const now = (start: number, end: number) => run.entities.lookup.at(d, { start, end })?.id;
    if (args.some(([start, end, key]) => (now(start, end) ?? (key.startsWith('~') ? key : null)) !== key)) out.add(slot);
  }
  return [...out];
}

/**
 * Reads stored events in full, as nodes (`run.full`). A mention keeps the keys it was stored with,
 * unless an entity this run changed may have moved one (merged with another, typed a name, covers
 * the span now): those mentions are keyed anew through their documents' look-ups, the only ones loaded.
 */
async function readFull(run: Run, slots: string[]): Promise<void> {
  const need = slots.filter((s) => !run.full.has(s) && run.stored.has(s));
  const chunks = await run.input.state(need.flatMap((s) => run.stored.get(s)!.chunks));
  const facts = new Map(need.map((s) => [s, run.stored.get(s)!.chunks.flatMap((c) => (chunks.get(c) as Chunk | undefined) ?? [])]));
  const stale = new Set<MentionFacts>();
  for (const list of facts.values()) for (const [f, keys] of list) if (argsOf(f).some((arg, i) => run.entities.stale(f.doc, arg.span, keys[i]))) stale.add(f);
  await run.entities.load([...stale].map((f) => f.doc));
  for (const [slot, list] of facts) {
    const nodes = list.filter(([f]) => !run.freshIds.has(f.doc)).map(([f, keys]) => {
      const n = keyedNode(f, stale.has(f) ? lookupKey(run.entities.lookup, f.doc) : (_, i) => keys[i]);
      if (n.argKeys.some((k, i) => k !== keys[i])) run.rekeyed.add(n);
      return n;
    });
    for (const n of nodes) run.owner.set(n, slot);
    run.full.set(slot, nodes);
  }
}

/** Stored events as parts of the events they are in now: read in full when `run.full` has them, else as they are. */
function partsOf(run: Run, slots: string[]): Map<string, Part> {
  return new Map(slots.map((s) => [s, run.full.has(s) ? nodePart(run.full.get(s)!, s, run.stored.get(s)!.chunks) : storedPart(s, run.stored.get(s)!)]));
}

/** Merges the new documents' event mentions into the stored events; returns the events that changed. */
export async function addEvents(input: IncrementalInput, ctx: Context): Promise<IncrementalOutput> {
  const fresh = [...input.added, ...input.changed];
  if (fresh.length === 0) return { upsert: { events: [] }, remove: { events: [] }, state: [] };
  const run: Run = { input, stored: new Map(), owner: new Map(), slotsOf: new Map(), rekeyed: new Set(), freshIds: new Set(fresh.map((d) => d.id)), entities: new EntityView(input), full: new Map() };
  await run.entities.load(run.freshIds);
  const freshNodes = eventNodes(fresh, run.entities.lookup);

  // The stored events the new mentions may join: those of the mentions in their blocks that a block's
  // rule could join to one of them (merging sees those mentions of them), and those the changed
  // documents were in (read in full, as are events an entity change may have re-keyed).
  const keys = [...new Set(freshNodes.flatMap(blockKeys))];
  const blocks = await input.state([...keys.map((k) => `b:${k}`), 'next', 'run']);
  const joinable: Posted[] = [];
  for (const n of freshNodes)
    for (const key of blockKeys(n))
      for (const p of (blocks.get(`b:${key}`) as Posted[] | undefined) ?? []) if (!run.freshIds.has(p[0]) && mayJoin(key[0], n, fromPosted(p))) joinable.push(p);
  await readSlots(run, [...input.changed.map((d) => d.id), ...joinable.map(([doc]) => doc)]);
  const wanted = new Map<string, Map<string, Posted>>();
  for (const p of joinable) {
    const slot = run.slotsOf.get(p[0])?.[p[1]]?.[0];
    if (slot) (wanted.get(slot) ?? wanted.set(slot, new Map()).get(slot)!).set(`${p[0]}#${p[1]}`, p);
  }
  const lost = new Set(input.changed.flatMap((d) => (run.slotsOf.get(d.id) ?? []).flatMap((r) => (r ? [r[0]] : []))));
  for (const s of lost) if (!wanted.has(s)) wanted.set(s, new Map());
  await readStored(run, wanted.keys());
  await readFull(run, [...lost, ...(await rekeyedSlots(run, [...wanted.keys()].filter((s) => !lost.has(s) && run.stored.has(s))))]);

  // Nodes: the stored events' (all their mentions, or those merging sees), then the new ones.
  const nodes: EventNode[] = [];
  const given: number[][] = [];
  const ranges: (DateRange | null | undefined)[] = [];
  for (const [slot, posted] of wanted) {
    const e = run.stored.get(slot);
    if (!e) continue;
    const group = run.full.get(slot) ?? [...posted.values()].map((p) => fromPosted(p, e.sum.type));
    for (const n of group) run.owner.set(n, slot);
    if (group.length > 0) given.push(group.map((_, i) => nodes.length + i)), ranges.push(run.full.has(slot) ? undefined : e.range);
    append(nodes, group);
  }
  const firstFresh = nodes.length;
  append(nodes, freshNodes);
  const groups = mergeEventNodes(nodes, given, ranges);

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
  return write(run, resolved, lost, { keys, blocks, freshNodes });
}

/** The items and state an incremental run writes: changed events stored anew, the ones they replace removed. */
async function write(run: Run, resolved: { event: Event; draft: Part; known: { id: string } | null }[], lost: Set<string>, filing: { keys: string[]; blocks: Map<string, unknown>; freshNodes: EventNode[] }): Promise<IncrementalOutput> {
  const { keys, blocks, freshNodes } = filing;
  let next = (blocks.get('next') as number | undefined) ?? 0;
  const runNo = (blocks.get('run') as number | undefined) ?? 0;
  let written = 0;
  const state: [string, unknown][] = [];
  // Slots that lost mentions to a changed document are replaced, even when nothing of them is left.
  const emptied = new Set<string>(lost);
  const removed = new Set<string>([...lost].flatMap((s) => run.stored.get(s)?.id ?? []));
  const kept = new Set<string>();
  const dropped = new Set<string>([...lost].flatMap((s) => run.stored.get(s)?.chunks ?? []));
  /** Mentions that move to another slot (new ones, and the chunks of events merged into a larger one) or were keyed anew. */
  const moved: [EventNode | string, string][] = [];
  const upsert = [];
  for (const { event, draft, known } of resolved) {
    const before = draft.slots;
    // The largest stored event keeps its slot, so the fewest mentions move.
    const slot = [...before].sort((a, b) => run.stored.get(b)!.sum.count - run.stored.get(a)!.sum.count)[0] ?? String(next);
    const order = before.length > 0 ? Math.min(...before.map((s) => run.stored.get(s)!.order)) : next++;
    for (const s of before) {
      emptied.add(s);
      removed.add(run.stored.get(s)!.id);
      if (s !== slot && !draft.rebuilt.includes(s)) for (const c of run.stored.get(s)!.chunks) moved.push([c, slot]);
    }
    kept.add(slot);
    for (const c of draft.drop) dropped.add(c);
    // New facts are written to chunks of their own; too many chunks are compacted into one.
    for (const c of draft.chunks) if (typeof c === 'object') for (const n of c) if (run.owner.get(n) !== slot || run.rekeyed.has(n)) moved.push([n, slot]);
    let chunks: (string | Chunk)[] = draft.chunks.map((c) => (typeof c === 'string' ? c : chunkOf(c)));
    if (chunks.length > MAX_CHUNKS) {
      const got = await run.input.state(chunks.filter((c): c is string => typeof c === 'string'));
      const whole: Chunk = [];
      for (const c of chunks) append(whole, typeof c === 'string' ? ((got.get(c) as Chunk | undefined) ?? []) : c);
      for (const c of chunks) if (typeof c === 'string') dropped.add(c);
      chunks = [whole];
    }
    const keysNow = chunks.map((c) => {
      if (typeof c === 'string') return c;
      const key = `f:${runNo}.${written++}`;
      state.push([key, c]);
      return key;
    });
    state.push([`e:${slot}`, storedEvent(event, draft, order, keysNow)], [`i:${event.id}`, slot]);
    if (known) state.push([`k:${known.id}`, slot]);
    upsert.push({ id: event.id, data: event, sortKey: eventSortKey(event, order), pieces: draft.pieces });
  }
  const rows = await listMentions(run, upsert);
  for (const id of upsert.map((u) => u.id)) removed.delete(id);
  for (const id of removed) state.push([`i:${id}`, null]);
  for (const s of emptied) if (!kept.has(s)) state.push([`e:${s}`, null]);
  for (const c of dropped) state.push([c, null]);
  // Each document whose mentions moved points them at their slots now; a new document's list is new.
  const movedChunks = await run.input.state([...new Set(moved.flatMap(([m]) => (typeof m === 'string' ? [m] : [])))]);
  type Moved = [doc: string, index: number, slot: string, node: EventNode | null];
  const movedRefs = moved.flatMap(([m, slot]): Moved[] =>
    typeof m === 'string' ? ((movedChunks.get(m) as Chunk | undefined) ?? []).map(([f]): Moved => [f.doc, f.index, slot, null]) : [[m.doc, m.index, slot, m]],
  );
  await readSlots(run, movedRefs.filter(([doc]) => !run.freshIds.has(doc)).map(([doc]) => doc));
  for (const d of run.freshIds) run.slotsOf.set(d, []);
  const docsTouched = new Set<string>();
  for (const [doc, index, slot, node] of movedRefs) {
    const refs = run.slotsOf.get(doc) ?? run.slotsOf.set(doc, []).get(doc)!;
    refs[index] = node ? refOf(node, slot) : [slot, refs[index]?.[1] ?? []];
    docsTouched.add(doc);
  }
  for (const doc of docsTouched) state.push([`m:${doc}`, run.slotsOf.get(doc)]);
  // A changed document's mentions are filed again with what they say now.
  const filed = new Map<string, Posted[]>(keys.map((k) => [k, ((blocks.get(`b:${k}`) as Posted[] | undefined) ?? []).filter((p) => !run.freshIds.has(p[0]))]));
  for (const n of freshNodes) for (const key of blockKeys(n)) filed.get(key)!.push(post(n));
  for (const [key, posted] of filed) state.push([`b:${key}`, posted.slice(-MAX_BLOCK)]);
  state.push(['next', next], ['run', runNo + 1]);
  return { upsert: { events: upsert.map(({ id, data, sortKey }) => ({ id, data, sortKey })) }, remove: { events: [...removed] }, state, ...(rows ? { rows: { events: rows } } : {}) };
}

/**
 * Lists each written event's mentions: where the store keeps events' mentions as rows of their own
 * (`SPLIT_FIELDS`) and the event is a stored one grown (its own mentions, then other stored events',
 * then new ones), the other events' rows are moved to it and the new ones appended, and the event is
 * written bare; otherwise the stored events' items are read and the event written whole.
 */
async function listMentions(run: Run, upsert: { id: string; data: Event; pieces: Part['pieces'] }[]): Promise<RowChanges | null> {
  const split = SPLIT_FIELDS.events?.mentions !== undefined;
  const grown = (u: (typeof upsert)[number]) => split && u.pieces[0] === u.id && u.pieces.slice(0, -1).every((p) => typeof p === 'string');
  const items = await run.input.items<Event>('events', [...new Set(upsert.flatMap((u) => (grown(u) ? [] : u.pieces.filter((p): p is string => typeof p === 'string'))))]);
  const rows: Required<RowChanges> = { append: [], move: [] };
  for (const u of upsert) {
    if (grown(u)) {
      const { mentions: _, ...bare } = u.data;
      u.data = bare as Event;
      for (const p of u.pieces.slice(1)) if (typeof p === 'string') rows.move.push({ from: p, to: u.id });
      const added = u.pieces.at(-1);
      if (typeof added === 'object') rows.append.push({ item: u.id, field: 'mentions', rows: added });
    } else u.data = { ...u.data, mentions: u.pieces.flatMap((p) => (typeof p === 'string' ? (items.get(p)?.mentions ?? []) : p)) };
  }
  return split ? rows : null;
}
