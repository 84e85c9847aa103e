/**
 * The corpus entities as an incremental run's later resolvers (events, contradictions) see them,
 * without loading every entity: the entities this run changed, and for other documents the
 * look-ups the entity resolver keeps per document (`d:` in its state). `load` the documents first.
 */
import type { Span } from '../../model/doc.js';
import type { IncrementalInput } from '../resolve.js';
import { EntityLookup } from './entity-at.js';
import type { EntityIndex, EntityLike } from './index-cache.js';
import type { DocEntry } from './incremental-state.js';

export class EntityView implements EntityIndex {
  private readonly byDoc = new Map<string, DocEntry[]>();
  private readonly changed: EntityLookup<EntityLike>;
  /** Ids this run updated or removed: their stored look-ups are out of date. */
  private readonly replaced: Set<string>;
  private readonly packs = new Map<string, string | null>();
  readonly lookup = { at: (docId: string, span: Span) => this.at(docId, span) };

  constructor(private readonly input: IncrementalInput) {
    const upserted = (input.delta.upsert.entities ?? []).map((i) => i.data as EntityLike);
    this.changed = new EntityLookup(upserted);
    this.replaced = new Set([...upserted.map((e) => e.id), ...(input.delta.remove.entities ?? [])]);
    for (const e of upserted) this.packs.set(e.id, e.pack ?? null);
  }

  /** Reads the look-ups of these documents. */
  async load(docIds: Iterable<string>): Promise<void> {
    const need = [...new Set(docIds)].filter((d) => !this.byDoc.has(d));
    if (need.length === 0) return;
    const got = await this.input.stateOf('entities', need.map((d) => `d:${d}`));
    for (const d of need) {
      const entries = ((got.get(`d:${d}`) as DocEntry[] | undefined) ?? []).filter((e) => !this.replaced.has(e[2]));
      this.byDoc.set(d, entries);
      for (const e of entries) if (!this.packs.has(e[2])) this.packs.set(e[2], e[3]);
    }
  }

  /**
   * Whether the entity found at `span` may have changed since `key` was found there: another entity
   * this run changed now covers the span, or the entity `key` names was changed and no longer does.
   * Needs no `load`: a stored look-up that is not stale stands as it was.
   */
  stale(docId: string, span: Span, key: string): boolean {
    const now = this.changed.at(docId, span);
    return now ? now.id !== key : this.replaced.has(key);
  }

  packOf(entityId: string): string | null {
    return this.packs.get(entityId) ?? null;
  }

  /** As `EntityLookup.at`: the entity whose mention overlaps `span` most. */
  private at(docId: string, span: Span): EntityLike | null {
    const entries = this.byDoc.get(docId);
    if (entries === undefined) throw new Error(`entity look-up for document ${docId} without loading it first`);
    // (the overlap of the changed entity's best mention, not a pass over all its mentions: an entity may be named in every document)
    let [best, bestOverlap]: [EntityLike | null, number] = this.changed.overlapping(docId, span) ?? [null, 0];
    for (const [start, end, id, pack] of entries) {
      const overlap = Math.min(end, span.end) - Math.max(start, span.start);
      if (overlap > bestOverlap) {
        best = { id, pack, mentions: [] };
        bestOverlap = overlap;
      }
    }
    return best;
  }
}
