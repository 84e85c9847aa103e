/**
 * The stories resolver's incremental state as stored (`incremental.ts` lists the keys). A story is
 * kept in two entries: `s:<story>`, what telling whether a document may join it reads (its sketch,
 * `sketch.ts`, and its dates), and `w:<story>`, its centroid and index terms, read only for a
 * story a document may join; its documents are listed by its item alone, read when it grows. So a
 * candidate story costs a read of about a kilobyte whatever its size, and the stories a document
 * cannot join are never read whole.
 */
import { MAX_POSTINGS, type StoryState } from './cluster.js';
import { readSketch, sketchOf, type Sketch } from './sketch.js';
import type { Clustering } from './resolver.js';

/** A story's `s:` entry. */
export interface StoredHead {
  /** `sketchOf` its centroid (a pair of strings in state written before the sketch's present form: read as none). */
  sketch: string;
  first: number | null;
  last: number | null;
  order: number;
  norm2: number;
  /** Its central document (`CentralFacts` under `c:`). */
  central: string;
}

/** A story's `w:` entry: its centroid's terms and weights (little-endian doubles, base64: exact) and index terms. */
export interface StoredBody {
  terms: string[];
  weights: string;
  indexed: string[];
}

/** A story as state written before sketches (one `s:` entry holding everything): still read, rewritten when it grows. */
export interface LegacyStory {
  docs: string[];
  centroid: [string, number][];
  norm2: number;
  indexed: string[];
  first: number | null;
  last: number | null;
  order: number;
  central: string;
}

/** A story's `s:` entry as read (`sketch` null: none that can be read, so the story is loaded whole). */
export interface Head extends Omit<StoredHead, 'sketch'> {
  sketch: Sketch | null;
}

/** The `s:` and `w:` entries of a story whose central document is `central`. */
export function storyEntries(s: StoryState, central: string): [string, unknown][] {
  const weights = Buffer.alloc(8 * s.centroid.size);
  let i = 0;
  for (const w of s.centroid.values()) weights.writeDoubleLE(w, 8 * i++);
  const head: StoredHead = { sketch: sketchOf(s.centroid, s.norm), first: s.first, last: s.last, order: s.order, norm2: s.norm2, central };
  const body: StoredBody = { terms: [...s.centroid.keys()], weights: weights.toString('base64'), indexed: [...s.indexed] };
  return [
    [`s:${s.id}`, head],
    [`w:${s.id}`, body],
  ];
}

/** A stored `s:` entry, decoded. */
export function readHead(h: StoredHead): Head {
  return { ...h, sketch: typeof h.sketch === 'string' ? readSketch(h.sketch) : null };
}

/** A story loaded whole from its entries, its documents (in its item) not listed yet. */
export function storyFrom(id: string, h: Head, b: StoredBody): StoryState {
  const weights = Buffer.from(b.weights, 'base64');
  const centroid = new Map(b.terms.map((t, i) => [t, weights.readDoubleLE(8 * i)]));
  return { id, docs: [], centroid, norm: Math.sqrt(h.norm2), norm2: h.norm2, indexed: new Set(b.indexed), first: h.first, last: h.last, order: h.order };
}

/** A story from a `LegacyStory` entry. */
export function fromLegacy(id: string, s: LegacyStory): StoryState {
  return { id, docs: s.docs, centroid: new Map(s.centroid), norm: Math.sqrt(s.norm2), norm2: s.norm2, indexed: new Set(s.indexed), first: s.first, last: s.last, order: s.order };
}

/** The state a full run leaves, for the next incremental run to continue from. */
export function storyState(c: Clustering): [string, unknown][] {
  const out: [string, unknown][] = [
    ['n', c.df.n],
    ['next', c.clusterer.founded],
  ];
  for (const [t, n] of c.df.df) out.push([`df:${t}`, n]);
  for (const [t, ids] of c.clusterer.index) out.push([`t:${t}`, ids.slice(-MAX_POSTINGS)]);
  for (const s of c.clusterer.stories.values()) {
    out.push(...storyEntries(s, c.central.get(s.id)!));
    for (const d of s.docs) out.push([`d:${d}`, s.id]);
  }
  for (const [doc, facts] of c.facts) out.push([`c:${doc}`, facts]);
  return out;
}
