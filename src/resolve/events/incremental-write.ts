/**
 * What an incremental events run writes (`incremental.ts`): the events that changed, each under the
 * slot of its largest stored part, its new facts in a chunk of their own; the slots, ids and chunks
 * of the events merged into it removed; the documents whose mentions moved pointed at their slots;
 * the new mentions filed in their blocks.
 */
import type { IncrementalOutput } from '../resolve.js';
import { SPLIT_FIELDS, type RowChanges } from '../../store/store.js';
import type { Event } from './build.js';
import { blockKeys } from './merge.js';
import type { EventNode } from './nodes.js';
import { eventSortKey } from './resolver.js';
import { argsEntry, chunkOf, INLINE_FACTS, MAX_BLOCK, post, storedEvent, type Chunk, type Part, type Posted } from './incremental-state.js';
import { readArgs, readSlots, type Run } from './incremental-read.js';
import { append } from '../../append.js';

/** Chunks an event may have before its facts are compacted into one (each growth adds one or two). */
const MAX_CHUNKS = 32;

/** The items and state an incremental run writes: changed events stored anew, the ones they replace removed. */
export async function write(run: Run, resolved: { event: Event; draft: Part; known: { id: string } | null }[], lost: Set<string>, filing: { keys: string[]; blocks: Map<string, unknown>; freshNodes: EventNode[] }): Promise<IncrementalOutput> {
  const { keys, blocks, freshNodes } = filing;
  let next = (blocks.get('next') as number | undefined) ?? 0;
  const runNo = (blocks.get('run') as number | undefined) ?? 0;
  let written = 0;
  const state: [string, unknown][] = [];
  // Slots that lost mentions to a changed document are replaced, even when nothing of them is left.
  const emptied = new Set<string>(lost);
  const removed = new Set<string>([...lost].flatMap((s) => run.stored.get(s)?.id ?? []));
  const kept = new Set<string>();
  /** Chunks no event holds any more: those an event read in full wrote again, and those of events left empty. */
  const dropped = new Set<string>();
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
      // An event merged into another: its mentions move (those read in full as nodes, else by chunk).
      if (s !== slot)
        for (const c of run.full.get(s) ?? run.stored.get(s)!.chunks)
          if (typeof c === 'string') moved.push([c, slot]);
          else for (const n of c.nodes) moved.push([n, slot]);
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
    // A small event keeps its facts in its entry; a larger one writes its new facts to chunks.
    const inline = draft.sum.count <= INLINE_FACTS && chunks.every((c) => typeof c === 'object');
    const keysNow = inline
      ? []
      : chunks.map((c) => {
          if (typeof c === 'string') return c;
          const key = `f:${runNo}.${written++}`;
          state.push([key, c]);
          return key;
        });
    state.push([`e:${slot}`, storedEvent(event, draft, order, keysNow, inline ? chunks.flatMap((c) => c as Chunk) : undefined)], [`i:${event.id}`, slot]);
    if (known) state.push([`k:${known.id}`, slot]);
    upsert.push({ id: event.id, data: event, sortKey: eventSortKey(event, order), pieces: draft.pieces });
  }
  const rows = await listMentions(run, upsert);
  for (const id of upsert.map((u) => u.id)) removed.delete(id);
  for (const id of removed) state.push([`i:${id}`, null]);
  const held = new Set(resolved.flatMap((r) => r.draft.slots));
  for (const s of lost) if (!held.has(s)) for (const c of run.stored.get(s)?.chunks ?? []) dropped.add(c);
  for (const s of emptied) if (!kept.has(s)) state.push([`e:${s}`, null]);
  for (const c of dropped) state.push([c, null]);
  // Each document whose mentions moved points them at their slots now; a new document's list is new.
  const movedChunks = await run.input.state([...new Set(moved.flatMap(([m]) => (typeof m === 'string' ? [m] : [])))]);
  type Moved = [doc: string, index: number, slot: string, node: EventNode | null];
  const movedRefs = moved.flatMap(([m, slot]): Moved[] =>
    typeof m === 'string' ? ((movedChunks.get(m) as Chunk | undefined) ?? []).map(([f]): Moved => [f.doc, f.index, slot, null]) : [[m.doc, m.index, slot, m]],
  );
  const stored = (doc: string) => !run.freshIds.has(doc);
  const keyed = (n: EventNode | null): n is EventNode => n !== null && (!run.owner.has(n) || run.rekeyed.has(n));
  await readSlots(run, movedRefs.filter(([doc]) => stored(doc)).map(([doc]) => doc));
  // Arguments are listed for the new mentions, and again for those keyed anew.
  await readArgs(run, movedRefs.filter(([doc, , , node]) => keyed(node) && stored(doc)).map(([doc]) => doc));
  for (const d of run.freshIds) run.slotsOf.set(d, []), run.argsOf.set(d, []);
  const [slotsTouched, argsTouched] = [new Set<string>(), new Set<string>()];
  for (const [doc, index, slot, node] of movedRefs) {
    (run.slotsOf.get(doc) ?? run.slotsOf.set(doc, []).get(doc)!)[index] = slot;
    slotsTouched.add(doc);
    if (keyed(node)) {
      (run.argsOf.get(doc) ?? run.argsOf.set(doc, []).get(doc)!)[index] = argsEntry(node);
      argsTouched.add(doc);
    }
  }
  for (const doc of slotsTouched) state.push([`m:${doc}`, run.slotsOf.get(doc)]);
  for (const doc of argsTouched) state.push([`a:${doc}`, run.argsOf.get(doc)]);
  // A changed document's mentions are filed again with what they say now; a filed mention whose slot
  // is known now (it moved, or was looked up) takes it.
  const slotNow = (p: Posted): Posted => {
    const slot = run.slotsOf.get(p[0])?.[p[1]];
    return slot && slot !== p[8] ? ([...p.slice(0, 8), slot] as unknown as Posted) : p;
  };
  const filed = new Map<string, Posted[]>(keys.map((k) => [k, ((blocks.get(`b:${k}`) as Posted[] | undefined) ?? []).filter((p) => !run.freshIds.has(p[0])).map(slotNow)]));
  for (const n of freshNodes) for (const key of blockKeys(n)) filed.get(key)!.push(post(n, run.slotsOf.get(n.doc)![n.index]!));
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
  const stored = (u: (typeof upsert)[number]) => u.pieces.filter((p): p is string => typeof p === 'string');
  const inOrder = (u: (typeof upsert)[number]) => split && u.pieces[0] === u.id && u.pieces.slice(0, -1).every((p) => typeof p === 'string');
  // (an item written before events' mentions were rows holds them itself: it is written whole once)
  const bare = await run.input.items<Partial<Event>>('events', [...new Set(upsert.flatMap((u) => (inOrder(u) ? stored(u) : [])))], { rows: false });
  const grown = (u: (typeof upsert)[number]) => inOrder(u) && stored(u).every((id) => !bare.get(id)?.mentions?.length);
  const items = await run.input.items<Event>('events', [...new Set(upsert.flatMap((u) => (grown(u) ? [] : stored(u))))]);
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
