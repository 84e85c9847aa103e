/**
 * What an incremental events run reads of the stored events (`incremental.ts`): documents' mentions'
 * slots (`m:`), stored events (`e:`), and in full (their chunks of facts, `f:`) only the events that
 * must be rebuilt: a document of theirs changed, or an entity change re-keys them.
 */
import type { IncrementalInput } from '../resolve.js';
import { argsOf, keyedNode, lookupKey, type EventNode, type MentionFacts } from './nodes.js';
import { rebuiltPart, storedKeys, storedPart, type Chunk, type FullChunk, type Part, type Args, type StoredEvent } from './incremental-state.js';
import type { EntityView } from '../entities/entity-view.js';
import { blockKeys } from './merge.js';

/** What an incremental run has read of the stored events, and the mentions it moves. */
export interface Run {
  input: IncrementalInput;
  /** Stored events by slot. */
  stored: Map<string, StoredEvent>;
  /** The slot each stored mention's node came from. */
  owner: Map<EventNode, string>;
  /** Mentions of each document read so far (`m:`), by document. */
  slotsOf: Map<string, (string | null)[]>;
  /** Arguments of each document's mentions read so far (`a:`), by document. */
  argsOf: Map<string, (Args | null)[]>;
  /** Documents whose mentions changed entity in this run (`rewrittenDocs`), once asked. */
  rewritten?: Set<string>;
  /** Stored mentions whose arguments were keyed anew (an entity changed). */
  rekeyed: Set<EventNode>;
  freshIds: Set<string>;
  entities: EntityView;
  /** Stored events read in full (their mentions' nodes, changed documents' left out), by slot. */
  full: Map<string, FullChunk[]>;
  /** Blocks the left-out mentions of changed documents were filed in (`blockKeys`): written again without them. */
  unfiled: Set<string>;
}

/** Reads the slots of documents' mentions not read yet. */
export async function readSlots(run: Run, docs: Iterable<string>): Promise<void> {
  const need = [...new Set(docs)].filter((d) => !run.slotsOf.has(d));
  for (const [k, v] of await run.input.state(need.map((d) => `m:${d}`))) run.slotsOf.set(k.slice(2), v as (string | null)[]);
}

/** Reads the arguments of documents' mentions not read yet. */
export async function readArgs(run: Run, docs: Iterable<string>): Promise<void> {
  const need = [...new Set(docs)].filter((d) => !run.argsOf.has(d));
  for (const [k, v] of await run.input.state(need.map((d) => `a:${d}`))) run.argsOf.set(k.slice(2), v as (Args | null)[]);
}

/** Reads stored events by slot. */
export async function readStored(run: Run, slots: Iterable<string>): Promise<void> {
  for (const [k, v] of await run.input.state([...new Set(slots)].filter((s) => !run.stored.has(s)).map((s) => `e:${s}`))) run.stored.set(k.slice(2), v as StoredEvent);
}

/**
 * Documents whose mentions changed entity in this run (as `EntityView` counts them: those of the
 * mentions entities gained, and of entities stored whole), but for mentions handed over from an
 * entity folded away: an event keyed by that entity is re-keyed anyway (its `keys` name it).
 */
async function rewrittenDocs(input: IncrementalInput): Promise<Set<string>> {
  const at = (m: { doc: string; start: number; end: number }) => `${m.doc}\u0001${m.start}\u0001${m.end}`;
  const handed = new Set<string>();
  for (const e of (await input.items<{ mentions?: { doc: string; start: number; end: number }[] }>('entities', input.delta.remove.entities ?? [])).values()) for (const m of e.mentions ?? []) handed.add(at(m));
  const out = new Set<string>();
  const gained = (m: { doc: string; start: number; end: number }) => handed.has(at(m)) || out.add(m.doc);
  for (const a of input.delta.rows?.entities?.append ?? []) if (a.field === 'mentions') for (const row of a.rows as { doc: string; start: number; end: number }[]) gained(row);
  for (const { data } of input.delta.upsert.entities ?? []) for (const m of (data as { mentions?: { doc: string; start: number; end: number }[] }).mentions ?? []) gained(m);
  return out;
}

/**
 * Of these stored events, those an entity change of this run re-keys: keyed by an entity folded away
 * (`keys` list every key an event has), or with a mention in a document whose mentions changed
 * entity that the look-up now keys otherwise (its document's `a:` entry lists its arguments' keys).
 */
export async function rekeyedSlots(run: Run, slots: string[]): Promise<string[]> {
  const removed = new Set(run.input.delta.remove.entities ?? []);
  const out = new Set(slots.filter((s) => run.stored.has(s) && storedKeys(run.stored.get(s)!).some((k) => removed.has(k))));
  const want = new Set(slots.filter((s) => !out.has(s)));
  if (want.size === 0) return [...out];
  const docs = [...(run.rewritten ??= await rewrittenDocs(run.input))].filter((d) => !run.freshIds.has(d));
  await readSlots(run, docs);
  const holding = docs.filter((d) => (run.slotsOf.get(d) ?? []).some((s) => s !== null && want.has(s)));
  await readArgs(run, holding);
  const stale = ([start, end, key]: Args[number], doc: string) => run.entities.stale(doc, { start, end }, key);
  const suspects = holding.flatMap((d) =>
    (run.slotsOf.get(d) ?? []).flatMap((slot, i) => {
      const args = run.argsOf.get(d)?.[i];
      return slot !== null && want.has(slot) && args && args.some((a) => stale(a, d)) ? [[d, [slot, args]] as const] : [];
    }),
  );
  await run.entities.load(suspects.map(([d]) => d));
  for (const [d, [slot, args]] of suspects) {
    // A key found again is unchanged; an entity no longer found leaves the folded text (a `~` key).
    const now = (start: number, end: number) => run.entities.lookup.at(d, { start, end })?.id;
    if (args.some(([start, end, key]) => (now(start, end) ?? (key.startsWith('~') ? key : null)) !== key)) out.add(slot);
  }
  return [...out];
}

/**
 * Reads stored events in full, as nodes chunk by chunk (`run.full`). A mention keeps the keys it was stored with,
 * unless an entity this run changed may have moved one (merged with another, typed a name, covers
 * the span now): those mentions are keyed anew through their documents' look-ups, the only ones loaded.
 */
export async function readFull(run: Run, slots: string[]): Promise<void> {
  const need = slots.filter((s) => !run.full.has(s) && run.stored.has(s));
  const chunks = await run.input.state(need.flatMap((s) => run.stored.get(s)!.chunks));
  const stale = new Set<MentionFacts>();
  for (const c of chunks.values()) for (const [f, keys] of c as Chunk) if (argsOf(f).some((arg, i) => run.entities.stale(f.doc, arg.span, keys[i]))) stale.add(f);
  for (const e of need.map((s) => run.stored.get(s)!)) for (const [f, keys] of e.facts ?? []) if (argsOf(f).some((arg, i) => run.entities.stale(f.doc, arg.span, keys[i]))) stale.add(f);
  await run.entities.load([...stale].map((f) => f.doc));
  for (const slot of need) {
    const e = run.stored.get(slot)!;
    // (a small event's facts, kept in its entry: a chunk of key '', always written again)
    const read = (e.facts ? [''] : e.chunks).map((key): FullChunk => {
      const facts = key === '' ? e.facts! : ((chunks.get(key) as Chunk | undefined) ?? []);
      for (const [f, keys] of facts) if (run.freshIds.has(f.doc)) for (const k of blockKeys(keyedNode(f, (_, i) => keys[i]))) run.unfiled.add(k);
      const nodes = facts.filter(([f]) => !run.freshIds.has(f.doc)).map(([f, keys]) => {
        const n = keyedNode(f, stale.has(f) ? lookupKey(run.entities.lookup, f.doc) : (_, i) => keys[i]);
        if (n.argKeys.some((k, i) => k !== keys[i])) run.rekeyed.add(n);
        return n;
      });
      for (const n of nodes) run.owner.set(n, slot);
      // A chunk that lost mentions, or whose mentions were keyed anew, is written again.
      return { key, nodes, dirty: key === '' || nodes.length < facts.length || nodes.some((n) => run.rekeyed.has(n)) };
    });
    run.full.set(slot, read);
  }
}

/** Stored events as parts of the events they are in now: read in full when `run.full` has them, else as they are. */
export function partsOf(run: Run, slots: string[]): Map<string, Part> {
  return new Map(
    slots.map((s) => {
      if (run.full.has(s)) return [s, rebuiltPart(s, run.stored.get(s)!, run.full.get(s)!)];
      const part = storedPart(s, run.stored.get(s)!);
      // A small event's facts come as nodes, written again with it.
      for (const c of part.chunks) if (typeof c === 'object') for (const n of c) run.owner.set(n, s);
      return [s, part];
    }),
  );
}

/** The nodes of a stored event read in full. */
export const fullNodes = (run: Run, slot: string): EventNode[] => (run.full.get(slot) ?? []).flatMap((c) => c.nodes);
