/**
 * The events resolver's incremental state, and the parts an incremental run builds events from.
 *
 * A stored event (`e:<slot>`, `StoredEvent`) keeps what growing it reads — the summary building
 * reads (`summary.ts`), the range merging guards with, the statements contradiction finding can pick
 * (`keptSaid`), the entity keys of its mentions' arguments (to notice an entity that changed) — and the keys
 * of the chunks that hold its mentions' facts (`f:<run>.<n>`: `[MentionFacts, argKeys][]`, in event
 * order), read only to rebuild the event in full (a document of it changed, an entity of it changed,
 * it is merged into a larger one, or its chunks are compacted). New mentions go to a new chunk, so
 * growing an event writes its new mentions' facts, not all of them.
 */
import type { DateRange } from './date-range.js';
import { foldRanges, joinRanges } from './merge.js';
import { argsOf, factsOf, keyedNode, type EventNode, type MentionFacts } from './nodes.js';
import { joinSummaries, summaryOf, type EventSummary } from './summary.js';
import { mentionsOf, type Event } from './build.js';
import { keptSaid, type Said } from '../contradictions/resolver.js';
import type { Draft } from './resolver.js';

/** An entity key of an event's arguments and the first argument that had it, as state written before `keys` listed them. */
type Sample = [key: string, doc: string, start: number, end: number];

/** An event as stored under its slot (which outlives the event's id when events merge). */
export interface StoredEvent {
  id: string;
  known: string | null;
  /** Listing order among events of equal date. */
  order: number;
  sum: EventSummary;
  /** The range merging compares (its mentions' ranges joined in order, `foldRanges`). */
  range: DateRange | null;
  said: Said[];
  /** Every entity key of its mentions' arguments, first seen first: an entity folded away re-keys the event (`storedKeys`). */
  keys?: string[];
  /** (state written before `keys`: the keys with the first argument of each, read as `keys`) */
  samples?: Sample[];
  /** Keys of the chunks of its mentions' facts, in event order; or, for a small event, its facts here. */
  chunks: string[];
  facts?: Chunk;
}

/**
 * Mentions an event may have for their facts to be kept in its own entry rather than in chunks:
 * most events are reported a few times, and a key of their own per event cost more writes than the
 * facts (at 2,000 documents, 3,262 chunk keys for 3,160 events written per 500 articles).
 */
export const INLINE_FACTS = 4;

/** A chunk of mentions' facts, each with the keys its arguments had when stored. */
export type Chunk = [MentionFacts, string[]][];

/** The statement contradiction finding reads of a mention. */
export const saidOf = ({ doc, type, span, text, place, time, status }: MentionFacts): Said => ({ doc, type, span, text, place, time, status });

/** The entity keys of the mentions' arguments, first seen first. */
function keysOf(nodes: EventNode[]): string[] {
  const seen = new Set<string>();
  for (const n of nodes) for (const key of n.argKeys) seen.add(key);
  return [...seen];
}

/** A stored event's argument keys (`keys`, or the keys of the `samples` of state written before them). */
export const storedKeys = (e: StoredEvent): string[] => e.keys ?? e.samples?.map(([k]) => k) ?? [];

/**
 * An event in the making in an incremental run: the stored events and new mentions it is made of,
 * in event order. `chunks`: stored chunks' keys, and mentions whose facts go to a new chunk there
 * (new ones, and those of a stored event rebuilt in full); `drop`: stored chunks those replace.
 */
export interface Part extends Draft {
  /** Its mentions in order: stored events' by their ids (listed by their items), and new ones. */
  pieces: (string | Event['mentions'])[];
  range: DateRange | null;
  said: Said[];
  keys: string[];
  chunks: (string | EventNode[])[];
  drop: string[];
  /** Slots of the stored events it holds, in order. */
  slots: string[];
}

/** A part made of mentions (new ones, or a stored event's read in full: `slot`, `drop` its chunks). */
export function nodePart(nodes: EventNode[], slot?: string, drop: string[] = []): Part {
  return {
    sum: summaryOf(nodes),
    pieces: [mentionsOf(nodes)],
    range: foldRanges(nodes.map((n) => n.range)),
    said: keptSaid(nodes.map(saidOf)),
    keys: keysOf(nodes),
    chunks: [nodes],
    drop,
    slots: slot === undefined ? [] : [slot],
  };
}

/** A chunk of a stored event read in full: its mentions' nodes, and whether it must be written again. */
export interface FullChunk {
  key: string;
  nodes: EventNode[];
  dirty: boolean;
}

/**
 * A part that is a stored event read in full: built from all its nodes; its chunks that lost
 * mentions or were keyed anew written again, the others kept; its mentions listed anew only when it
 * lost some (else its item lists them).
 */
export function rebuiltPart(slot: string, e: StoredEvent, read: FullChunk[]): Part {
  const nodes = read.flatMap((c) => c.nodes);
  const lost = nodes.length < e.sum.count;
  return {
    ...nodePart(nodes, slot, read.filter((c) => c.dirty && c.key !== '').map((c) => c.key)),
    pieces: lost ? [mentionsOf(nodes)] : [e.id],
    chunks: read.reduce<Part['chunks']>((out, c) => adjoin(out, c.dirty ? (c.nodes.length > 0 ? [c.nodes] : []) : [c.key]), []),
  };
}

/** A part that is a stored event as it is (its mentions: those its item lists). */
export function storedPart(slot: string, e: StoredEvent): Part {
  return { sum: e.sum, pieces: [e.id], range: e.range, said: e.said, keys: storedKeys(e), chunks: e.facts ? [e.facts.map(([f, keys]) => keyedNode(f, (_, i) => keys[i]))] : e.chunks, drop: [], slots: [slot] };
}

/** Two lists of stored keys and new items, one after the other, new items side by side joined into one. */
function adjoin<T>(a: (string | T[])[], b: (string | T[])[]): (string | T[])[] {
  const [last, first] = [a.at(-1), b[0]];
  return typeof last === 'object' && typeof first === 'object' ? [...a.slice(0, -1), last.concat(first), ...b.slice(1)] : a.concat(b);
}

/** `a` followed by `b`: what a part made of both in that order holds. */
export function joinParts(a: Part, b: Part): Part {
  // New mentions join one by one, as merging folds a group's ranges.
  const fresh = b.slots.length === 0 ? (b.chunks[0] as EventNode[]) : null;
  const range = fresh ? fresh.reduce((r, n) => joinRanges(r, n.range), a.range) : joinRanges(a.range, b.range);
  const seen = new Set(a.keys);
  return {
    sum: joinSummaries(a.sum, b.sum),
    pieces: adjoin(a.pieces, b.pieces),
    range,
    said: keptSaid([...a.said, ...b.said]),
    keys: a.keys.concat(b.keys.filter((k) => !seen.has(k))),
    chunks: adjoin(a.chunks, b.chunks),
    drop: a.drop.concat(b.drop),
    slots: a.slots.concat(b.slots),
  };
}

/** A chunk of the facts of mentions. */
export const chunkOf = (nodes: EventNode[]): Chunk => nodes.map((n) => [factsOf(n), n.argKeys]);

/** The stored form of a finished event whose chunks are now `chunks` (or its facts, `facts`). */
export function storedEvent(event: Event, part: Part, order: number, chunks: string[], facts?: Chunk): StoredEvent {
  return { id: event.id, known: event.known, order, sum: part.sum, range: part.range, said: part.said, keys: part.keys, chunks, ...(facts ? { facts } : {}) };
}

/** Mentions kept per block: the comparison window of a block in a full run. */
export const MAX_BLOCK = 200;

/**
 * A mention as filed in a block: its identity, what `mayJoin` compares, and the slot of its event
 * when filed (or when its block was last written), so a reader finds the candidate event without
 * reading the mention's document's slots (`m:`). A slot outlives its event's growth; an event merged
 * into a larger one leaves its slot empty, and then (only then) the reader looks the mention up in
 * `m:`. (Without its slot, the reader looks it up too.)
 */
export type Posted = [doc: string, index: number, ordinal: number | null, range: [string, string, string] | null, placeKey: string | null, actorKeys: string[], status: string, timed: 0 | 1, slot?: string];

export const post = (n: EventNode, slot: string): Posted => [n.doc, n.index, n.ordinal, n.range && [n.range.start, n.range.end, n.range.precision], n.placeKey, n.actorKeys, n.status, n.time !== null ? 1 : 0, slot];

/** A stand-in node with just what merging reads (`type`: its event's). */
export function fromPosted([doc, index, ordinal, range, placeKey, actorKeys, status, timed]: Posted, type = ''): EventNode {
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

/** A mention's arguments as its document's `a:` entry lists them: each one's span and key. */
export type Args = [start: number, end: number, key: string][];

export const argsEntry = (n: EventNode): Args => argsOf(n).map((a, i) => [a.span.start, a.span.end, n.argKeys[i]]);
