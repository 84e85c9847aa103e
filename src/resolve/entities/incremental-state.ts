/**
 * The stored form of incremental entities (see `incremental.ts` for the state keys; the spellings'
 * filings and block lists are in `incremental-blocks.ts`): entity guard state and redirects, ids
 * taken, per-document look-ups and role dates (the names waiting for a type: `incremental-waiting.ts`).
 */
import type { MentionType } from '../../annotate/mentions/layer.js';
import type { IncrementalInput } from '../resolve.js';
import { nodeBlocks, type ClusterInfo, type Node } from './cross-doc.js';
import { canonicalKey } from './keys.js';
import { MIN_TYPO_LENGTH } from './typos.js';
import type { Entity, EntityRole } from './types.js';
import { BoundedMemo } from '../../memo.js';
import type { Tally } from './tally.js';
import type { Redirect } from './incremental-redirects.js';

/** A stored entity's spelling as merging compares it (`uses`: how many in-document groups used it; 1 for persons, whose count nothing reads). */
export type Spelling = [entity: string, type: MentionType, name: string, pack: string | null, keys: string[], uses: number];
/** An entity's type and what its guards know. */
export interface StoredEntity {
  type: MentionType;
  info: ClusterInfo;
  /** Its mentions, tallied (they are stored apart from it, and a step reads this instead): kept as `t:<id>`, read with it when needed. */
  tally?: Tally;
}
/** One entity mention of a document: what `EntityView` looks up. */
export type DocEntry = [start: number, end: number, entity: string, pack: string | null];

/** Dated role evidence kept per office for bare titles: the latest, enough for a window of `ROLE_WINDOW_DAYS` in a news flow. */
export const MAX_ROLE_DATES = 200;
/**
 * Untyped mentions kept per spelling for typing later: the most recent. A capitalised word no type
 * fitted in more documents than this is a common word or boilerplate, not a name awaiting its type,
 * and keeping every one would make each new document's write grow with the corpus.
 */
export const MAX_WAITING = 500;
export const TYPES: MentionType[] = ['person', 'organization', 'place', 'outlet'];

/**
 * The blocks a node is filed under: those merging compares it in, and its typo block (`typos.ts`).
 * Shared (do not mutate): memoised by what they depend on, as a batch files the same names many times.
 */
export function stateBlocks(n: Node): readonly string[] {
  const what = n.type === 'person' ? n.parts.surname : n.keys.join('\u0001');
  return blockMemo.get(`${n.type}\u0001${n.pack ?? ''}\u0001${what}`, () => {
    const out = [...nodeBlocks(n)];
    const k = n.keys[0] ?? '';
    if (n.type !== 'person' && k.replace(/ /g, '').length >= MIN_TYPO_LENGTH) out.push(`typo|${n.type}|${[...k].sort().join('')}`);
    return out;
  });
}

/** `stateBlocks` computed so far (a few hundred thousand short lists at most before it is emptied). */
const blockMemo = new BoundedMemo<string[]>(100_000);

/** The role evidence of entities as `[key, [entity, date]]` pairs. */
export function roleDates(e: Pick<Entity, 'id'>, roles: readonly EntityRole[]): [string, [string, string]][] {
  return roles.filter((r) => r.source === 'text').flatMap((r) => [r.from, r.to].filter((d): d is string => d !== null).map((d): [string, [string, string]] => [`ro:${r.title}|${r.of}`, [e.id, d]]));
}

export function docEntries(entities: readonly Entity[]): Map<string, DocEntry[]> {
  const out = new Map<string, DocEntry[]>();
  for (const e of entities) for (const m of e.mentions) (out.get(m.doc) ?? out.set(m.doc, []).get(m.doc)!).push([m.start, m.end, e.id, e.pack]);
  return out;
}

/** The stored entities among `ids`, each merged-away id followed to the entity it went into. */
export async function storedEntities(input: IncrementalInput, ids: string[]) {
  const entities = new Map<string, StoredEntity>();
  const redirect = new Map<string, string>();
  let ask = [...new Set(ids)];
  for (let hop = 0; ask.length > 0 && hop < 50; hop++) {
    // a redirect is read only for an id with no entity (few are merged away)
    const got = await input.state(ask.map((id) => `e:${id}`));
    for (const [k, v] of await input.state(ask.filter((id) => !got.has(`e:${id}`)).map((id) => `r:${id}`))) got.set(k, v);
    const next: string[] = [];
    for (const id of ask) {
      const e = got.get(`e:${id}`) as StoredEntity | undefined;
      const r = (got.get(`r:${id}`) as Redirect | undefined)?.[0];
      if (e) entities.set(id, e);
      else if (r) {
        redirect.set(id, r);
        if (!entities.has(r) && !redirect.has(r)) next.push(r);
      }
    }
    ask = next;
  }
  const final = (id: string): string => {
    for (let hop = 0; redirect.has(id) && hop < 50; hop++) id = redirect.get(id)!;
    return id;
  };
  return { entities, final };
}

/**
 * A new entity's id, with "-2", "-3"… when a stored entity or another new one has it (as `uniqueIds`).
 * `known`: ids already looked up (whether stored), read again only when absent.
 */
export async function freeId(input: IncrementalInput, id: string, taken: Set<string>, known: ReadonlyMap<string, boolean> = new Map()): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? id : `${id}-${n}`;
    if (taken.has(candidate)) continue;
    if (known.get(candidate) ?? (await input.state([`i:${candidate}`])).has(`i:${candidate}`)) continue;
    taken.add(candidate);
    return candidate;
  }
}

/** The new text roles' dates appended to their offices' `ro:` lists. */
export async function roleState(input: IncrementalInput, upsert: readonly Pick<Entity, 'id' | 'roles'>[]): Promise<[string, unknown][]> {
  const added = new Map<string, [string, string][]>();
  for (const e of upsert) for (const [k, v] of roleDates(e, e.roles)) (added.get(k) ?? added.set(k, []).get(k)!).push(v);
  if (added.size === 0) return [];
  const before = await input.state([...added.keys()]);
  return [...added].map(([k, v]) => {
    const seen = new Set<string>();
    const all = [...((before.get(k) as [string, string][] | undefined) ?? []), ...v].filter((x) => !seen.has(x.join('|')) && !!seen.add(x.join('|')));
    return [k, all.sort((a, b) => a[1].localeCompare(b[1])).slice(-MAX_ROLE_DATES)];
  });
}
