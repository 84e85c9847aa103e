/**
 * Where a merged-away entity went, for the per-document look-ups (`d:`) that still name it. A merge
 * used to rewrite the look-ups of every document the entity folded away was mentioned in (at 10k
 * documents ~170 merges a step carried ~5,600 mentions); now it writes its redirect (`r:<id>`: the
 * entity it went into, with that entity's pack then, which is what a rewrite wrote) and adds its id
 * to a filter of merged-away ids, and whoever reads a look-up follows the redirects of the ids it
 * names, as a union-find follows parents.
 *
 * The filter (`rf:` its segments, `rf:<i>` each) is a Bloom filter, so a reader asks for the redirects
 * of the merged-away ids and a few others (about one in 2,000 a segment) rather than of every id it
 * meets. Segments double in size as ids are added (2 KB for the first 1,024 ids), each at
 * `BITS_PER_ID` bits an id, so the filter is ~2 bytes per merged-away id; a step rewrites only the last.
 */
import type { DocEntry } from './incremental-state.js';

/** A merged-away entity's redirect: the entity it went into and that entity's pack when it did. */
export type Redirect = [to: string, pack: string | null];

/** Bits per id and hashes per id: 16 and 11 give a false positive rate of ~0.05% when a segment is full. */
export const BITS_PER_ID = 16;
const HASHES = 11;
/** Ids the first segment holds (each next one holds twice as many). */
export const FIRST_SEGMENT = 1024;
/** Redirects followed from one id at most (a chain is as long as merges into merged entities; union by size keeps it short). */
const MAX_HOPS = 50;

/** The filter's state: how many ids each segment holds. */
type Segments = number[];

const capacity = (i: number) => FIRST_SEGMENT * 2 ** i;

/** Two 32-bit FNV-1a hashes of an id (the second seeded), combined as h1 + i·h2. */
function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return [a >>> 0, (b >>> 0) | 1];
}

function positions(id: string, bits: number): number[] {
  const [h1, h2] = hashes(id);
  return Array.from({ length: HASHES }, (_, i) => ((h1 + Math.imul(i, h2)) >>> 0) % bits);
}

/** Reads the filter with `read` (a resolver's state reader); returns whether an id may have been merged away. */
async function readFilter(read: (keys: string[]) => Promise<Map<string, unknown>>): Promise<(id: string) => boolean> {
  const segments = ((await read(['rf:'])).get('rf:') as Segments | undefined) ?? [];
  if (segments.length === 0) return () => false;
  const got = await read(segments.map((_, i) => `rf:${i}`));
  const sets = segments.map((_, i) => Buffer.from((got.get(`rf:${i}`) as string | undefined) ?? '', 'base64'));
  return (id) => sets.some((set, i) => positions(id, capacity(i) * BITS_PER_ID).every((p) => (set[p >> 3] & (1 << (p & 7))) !== 0));
}

/** The state that adds `ids` (merged away this step) to the filter: the segments they go into, and the counts. */
export async function addMerged(read: (keys: string[]) => Promise<Map<string, unknown>>, ids: readonly string[]): Promise<[string, unknown][]> {
  if (ids.length === 0) return [];
  const segments = [...(((await read(['rf:'])).get('rf:') as Segments | undefined) ?? [])];
  const last = segments.length - 1;
  const open = new Map<number, Buffer>();
  if (last >= 0 && segments[last] < capacity(last)) open.set(last, Buffer.from(((await read([`rf:${last}`])).get(`rf:${last}`) as string | undefined) ?? '', 'base64'));
  for (const id of ids) {
    let i = segments.length - 1;
    if (i < 0 || segments[i] >= capacity(i)) {
      segments.push(0);
      i = segments.length - 1;
    }
    const bits = capacity(i) * BITS_PER_ID;
    const set = open.get(i) ?? open.set(i, Buffer.alloc(bits / 8)).get(i)!;
    for (const p of positions(id, bits)) set[p >> 3] |= 1 << (p & 7);
    segments[i]++;
  }
  return [['rf:', segments], ...[...open].map(([i, set]): [string, unknown] => [`rf:${i}`, set.toString('base64')])];
}

/**
 * The redirects of the ids look-ups name, read as needed: `resolve` the ids of entries read, then
 * `entries` gives them with each merged-away id replaced by where it went (and that entity's pack).
 */
export class Redirects {
  private filter?: Promise<(id: string) => boolean>;
  private readonly to = new Map<string, Redirect | null>();

  /** `read`: the entities resolver's state as the reader sees it. */
  constructor(private readonly read: (keys: string[]) => Promise<Map<string, unknown>>) {}

  /** Reads the redirects of those of `ids` the filter holds (and of where they went, hop by hop). */
  async resolve(ids: Iterable<string>): Promise<void> {
    const may = await (this.filter ??= readFilter(this.read));
    let ask = [...new Set(ids)].filter((id) => !this.to.has(id) && may(id));
    for (let hop = 0; ask.length > 0 && hop < MAX_HOPS; hop++) {
      const got = await this.read(ask.map((id) => `r:${id}`));
      const next: string[] = [];
      for (const id of ask) {
        const r = (got.get(`r:${id}`) as Redirect | undefined) ?? null;
        this.to.set(id, r);
        if (r && !this.to.has(r[0]) && may(r[0])) next.push(r[0]);
      }
      ask = [...new Set(next)];
    }
  }

  /** Where `id` went in the end (itself when not merged away), with the pack its last redirect gives; `resolve` it first. */
  final(id: string): Redirect | null {
    let r: Redirect | null = null;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const next = this.to.get(r ? r[0] : id);
      if (!next) break;
      r = next;
    }
    return r;
  }

  /** `entries` with merged-away ids replaced (their ids `resolve`d first). */
  entries(entries: readonly DocEntry[]): DocEntry[] {
    return entries.map((x) => {
      const r = this.final(x[2]);
      return r ? [x[0], x[1], r[0], r[1]] : x;
    });
  }
}
