/**
 * The names no type fitted, kept for typing later (`typeAgain`), by the key each type would give their
 * spelling: appended to, step after step, and read only when a document types that spelling.
 *
 * State: `un:<type|key>` the list's chunks (`[index, count]`, oldest first), `uw:<type|key>#<index>`
 * one step's names (`Waiting`). A step appends a chunk and rewrites the short list of chunks, instead
 * of reading and rewriting every name kept (up to `MAX_WAITING` of a common word), so what it writes is
 * what it adds. Chunks are dropped, oldest first, while the others hold `MAX_WAITING` names; a read
 * keeps the last `MAX_WAITING`, as the one list this replaces did.
 */
import type { IncrementalInput } from '../resolve.js';
import { MAX_WAITING, type Waiting } from './incremental-state.js';

type Chunks = [index: number, count: number][];

const chunkKey = (k: string, index: number) => `uw:${k}#${index}`;

/** The state of waiting lists built whole (a full pass): one chunk each. */
export function waitingState(lists: Map<string, Waiting[]>): [string, unknown][] {
  return [...lists].flatMap(([k, v]): [string, unknown][] => {
    const kept = v.slice(-MAX_WAITING);
    return [[`un:${k}`, [[0, kept.length]] satisfies Chunks], [chunkKey(k, 0), kept]];
  });
}

/**
 * Appends this step's names to their lists: a chunk each, and the lists' chunks (reading only those);
 * the lists of `restart` (just taken by `takeWaiting`) start again.
 */
export async function appendWaiting(input: IncrementalInput, added: Map<string, Waiting[]>, restart: ReadonlySet<string>): Promise<[string, unknown][]> {
  const heads = await input.state([...added.keys()].filter((k) => !restart.has(k)).map((k) => `un:${k}`));
  const out: [string, unknown][] = [];
  for (const [k, v] of added) {
    const chunks = [...((heads.get(`un:${k}`) as Chunks | undefined) ?? [])];
    const index = chunks.length > 0 ? chunks[chunks.length - 1][0] + 1 : 0;
    const kept = v.slice(-MAX_WAITING);
    chunks.push([index, kept.length]);
    out.push([chunkKey(k, index), kept]);
    let total = chunks.reduce((s, c) => s + c[1], 0);
    while (total - chunks[0][1] >= MAX_WAITING) {
      const [gone, count] = chunks.shift()!;
      out.push([chunkKey(k, gone), null]);
      total -= count;
    }
    out.push([`un:${k}`, chunks]);
  }
  return out;
}

/** The last `MAX_WAITING` names of each of these lists, oldest first, and the state that deletes the lists. */
export async function takeWaiting(input: IncrementalInput, keys: string[]): Promise<{ lists: Map<string, Waiting[]>; deleted: [string, null][] }> {
  const heads = await input.state(keys.map((k) => `un:${k}`));
  const wanted = [...heads].flatMap(([h, chunks]) => (chunks as Chunks).map(([index]) => chunkKey(h.slice(3), index)));
  const got = await input.state(wanted);
  const lists = new Map<string, Waiting[]>();
  const deleted: [string, null][] = wanted.map((k) => [k, null]);
  for (const [h, chunks] of heads) {
    const k = h.slice(3);
    lists.set(k, (chunks as Chunks).flatMap(([index]) => (got.get(chunkKey(k, index)) as Waiting[] | undefined) ?? []).slice(-MAX_WAITING));
    deleted.push([h, null]);
  }
  return { lists, deleted };
}
