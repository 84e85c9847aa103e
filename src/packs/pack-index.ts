/**
 * Fast look-ups over a loaded pack, built once per pack object: alias → entities (by folded and by
 * transliteration-neutral spelling), demonym → country, title phrase → office, and who held an office
 * on a date. Used by the mentions stage (typing, pack links) and entity resolution (merging, roles).
 */
import type { Pack } from '../context.js';
import { foldName, translitKey } from '../annotate/mentions/key.js';
import { canonicalTitle } from '../annotate/mentions/title-canon.js';
import type { PackEntity, PackTitle } from './schema.js';

export interface PackIndex {
  byId: ReadonlyMap<string, PackEntity>;
  /** Entities whose name or alias folds to the key. */
  byAlias: ReadonlyMap<string, PackEntity[]>;
  /** Entities whose name or alias has this transliteration key. */
  byTranslit: ReadonlyMap<string, PackEntity[]>;
  /** Folded demonym ("russian") → country id. */
  demonyms: ReadonlyMap<string, string>;
  /** Folded phrase ("kremlin leader") → office. */
  titles: ReadonlyMap<string, PackTitle>;
}

const cache = new WeakMap<Pack, PackIndex>();

/** The index of `pack` (built on first use, then cached). */
export function packIndex(pack: Pack): PackIndex {
  let index = cache.get(pack);
  if (!index) {
    index = build(pack);
    cache.set(pack, index);
  }
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function build(pack: Pack): PackIndex {
  const byId = new Map<string, PackEntity>();
  const byAlias = new Map<string, PackEntity[]>();
  const byTranslit = new Map<string, PackEntity[]>();
  const demonyms = new Map<string, string>();
  for (const e of pack.entities ?? []) {
    byId.set(e.id, e);
    for (const name of [e.name, ...e.aliases]) {
      push(byAlias, foldName(name).replace(/^the /, ''), e);
      push(byTranslit, translitKey(name).replace(/^the /, ''), e);
    }
    for (const d of e.demonyms ?? []) demonyms.set(foldName(d), e.id);
  }
  const titles = new Map<string, PackTitle>();
  for (const t of pack.titles ?? []) titles.set(foldName(t.phrase), t);
  return { byId, byAlias, byTranslit, demonyms, titles };
}

/** The one pack entity `name` is an alias of (exact, then by transliteration), or null when none or ambiguous. */
export function lookupAlias(index: PackIndex, name: string): PackEntity | null {
  const exact = index.byAlias.get(foldName(name).replace(/^the /, ''));
  if (exact) return exact.length === 1 ? exact[0] : null;
  const near = index.byTranslit.get(translitKey(name).replace(/^the /, ''));
  return near?.length === 1 ? near[0] : null;
}

/** Whether `date` (YYYY-MM-DD) falls within [from, to]; open ends always match. */
export function within(date: string, from: string | null, to: string | null): boolean {
  return (from === null || from <= date) && (to === null || date <= to);
}

/**
 * The pack people who held office `title` of `of` on `date` (any time when `date` is null). Several
 * can match (two on the day of a hand-over); the caller decides what to do with more than one.
 */
export function holders(index: PackIndex, title: string, of: string | null, date: string | null): PackEntity[] {
  const want = canonicalTitle(title);
  const out: PackEntity[] = [];
  for (const e of index.byId.values()) {
    if (e.type !== 'person') continue;
    const held = e.roles.some(
      (r) => canonicalTitle(r.title) === want && (of === null || r.of === of) && (date === null || within(date, r.from, r.to)),
    );
    if (held) out.push(e);
  }
  return out;
}
