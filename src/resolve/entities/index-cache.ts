/**
 * Indexes over the corpus entities that later resolvers read (which entity a span refers to, which
 * pack entity an entity is), built once per list of entity items and shared: the entity resolver
 * builds them as part of its own pass, so the incremental resolvers after it (events,
 * contradictions) look entities up without walking every entity again.
 */
import type { CorpusItem } from '../../store/store.js';
import { EntityLookup, type SpanLookup } from './entity-at.js';

/** What later resolvers read of a corpus entity. */
export interface EntityLike {
  id: string;
  pack?: string | null;
  mentions: { doc: string; start: number; end: number }[];
}

export interface EntityIndex {
  lookup: SpanLookup<EntityLike>;
  /** An entity's pack id, when it is a pack entity. */
  packOf(entityId: string): string | null;
}

const built = new WeakMap<object, EntityIndex>();
const EMPTY: CorpusItem[] = [];

/** The indexes over these entity items (none: empty indexes), built on first use. */
export function entityIndex(items: CorpusItem[] | undefined): EntityIndex {
  const list = items ?? EMPTY;
  let index = built.get(list);
  if (!index) {
    const entities = list.map((e) => e.data as EntityLike);
    const packs = new Map(entities.map((e) => [e.id, e.pack ?? null]));
    index = { lookup: new EntityLookup(entities), packOf: (id) => packs.get(id) ?? null };
    built.set(list, index);
  }
  return index;
}
