/**
 * The corpus entities as an incremental run's later resolvers (events, contradictions) see them,
 * without loading every entity: the look-ups the entity resolver keeps per document (`d:` in its
 * state, as this run left them, each entity merged away followed to where it went:
 * `incremental-redirects.ts`), and what this run changed (the mentions entities gained, the
 * entities folded away). `load` the documents first.
 */
import type { Span } from '../../model/doc.js';
import type { IncrementalInput } from '../resolve.js';
import { EntityLookup } from './entity-at.js';
import type { EntityIndex, EntityLike } from './index-cache.js';
import type { DocEntry } from './incremental-state.js';
import { Redirects } from './incremental-redirects.js';
import { mentionOrder, type EntityMention } from './types.js';

export class EntityView implements EntityIndex {
  private readonly byDoc = new Map<string, DocEntry[]>();
  /** The mentions entities gained this run (the new documents', those handed over by a merge), by entity. */
  private readonly changed: EntityLookup<EntityLike>;
  /** The entities this run updated, in the order it gave them. */
  private readonly upserted = new Map<string, number>();
  /** The entities this run folded away: their stored look-ups are out of date. */
  private readonly removed: Set<string>;
  /** The documents whose mentions changed entity this run (their look-ups were written again). */
  private readonly rewritten = new Set<string>();
  private readonly packs = new Map<string, string | null>();
  /** The documents this run added: their look-ups, written this run, name no entity merged away. */
  private readonly fresh: Set<string>;
  private readonly redirects: Redirects;
  readonly lookup = { at: (docId: string, span: Span) => this.at(docId, span) };

  constructor(private readonly input: IncrementalInput) {
    this.fresh = new Set(input.added.map((d) => d.id));
    this.redirects = new Redirects((keys) => input.stateOf('entities', keys));
    const gained = new Map<string, EntityMention[]>();
    for (const a of input.delta.rows?.entities?.append ?? []) if (a.field === 'mentions') (gained.get(a.item) ?? gained.set(a.item, []).get(a.item)!).push(...(a.rows as EntityMention[]));
    // (an item upserted whole holds its mentions itself: all of them count as changed)
    const upserted = (input.delta.upsert.entities ?? []).map((i) => i.data as Partial<EntityLike> & { id: string });
    const entities = upserted.map((e): EntityLike => ({
      id: e.id,
      pack: e.pack ?? null,
      mentions: [...(e.mentions ?? []), ...(gained.get(e.id) ?? [])].sort(mentionOrder),
    }));
    this.changed = new EntityLookup(entities);
    upserted.forEach((e, i) => this.upserted.has(e.id) || this.upserted.set(e.id, i));
    this.removed = new Set(input.delta.remove.entities ?? []);
    for (const e of entities) for (const m of e.mentions) this.rewritten.add(m.doc);
    for (const e of upserted) this.packs.set(e.id, e.pack ?? null);
  }

  /**
   * Reads the look-ups of these documents (as this run left them); the first call also reads those of
   * the documents this run rewrote, which `stale` weighs.
   */
  async load(docIds: Iterable<string>): Promise<void> {
    const need = [...new Set([...docIds, ...(this.byDoc.size === 0 ? this.rewritten : [])])].filter((d) => !this.byDoc.has(d));
    if (need.length === 0) return;
    const got = await this.input.stateOf('entities', need.map((d) => `d:${d}`));
    const stored = (d: string) => (got.get(`d:${d}`) as DocEntry[] | undefined) ?? [];
    // (an older document's look-ups may name entities merged away since: followed to where they went)
    const older = need.filter((d) => !this.fresh.has(d));
    await this.redirects.resolve(older.flatMap((d) => stored(d).flatMap((e) => (this.upserted.has(e[2]) ? [] : [e[2]]))));
    for (const d of need) {
      const entries = (this.fresh.has(d) ? stored(d) : this.redirects.entries(stored(d))).filter((e) => !this.removed.has(e[2]));
      // The changed entities' mentions first (in the order they were given), as `at` has always weighed them.
      const rank = (e: DocEntry) => this.upserted.get(e[2]) ?? Infinity;
      const changedFirst = entries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || (rank(a.e) === Infinity ? a.i - b.i : a.e[0] - b.e[0] || a.i - b.i));
      this.byDoc.set(d, changedFirst.map((x) => x.e));
      for (const e of entries) if (!this.packs.has(e[2])) this.packs.set(e[2], e[3]);
    }
  }

  /**
   * Whether the entity found at `span` may have changed since `key` was found there: another entity
   * this run changed now covers the span, or the entity `key` names was changed and no longer does, or
   * was folded away. Only documents whose mentions changed entity this run are weighed (their look-ups
   * were read by the first `load`); elsewhere a look-up stands, the document's mentions being where they
   * were, unless `key` was folded away.
   */
  stale(docId: string, span: Span, key: string): boolean {
    if (this.removed.has(key)) return true;
    if (!this.rewritten.has(docId)) return false;
    // The changed entity covering the span most, among all its mentions in the document (they are
    // listed first in its look-ups); before any `load`, among the mentions it gained.
    const entries = this.byDoc.get(docId);
    let now: string | null = entries ? null : this.changed.at(docId, span)?.id ?? null;
    let most = 0;
    for (const [start, end, id] of entries ?? []) {
      if (!this.upserted.has(id)) break;
      const overlap = Math.min(end, span.end) - Math.max(start, span.start);
      if (overlap > most) [now, most] = [id, overlap];
    }
    return now ? now !== key : this.upserted.has(key);
  }

  packOf(entityId: string): string | null {
    return this.packs.get(entityId) ?? null;
  }

  /** As `EntityLookup.at`: the entity whose mention overlaps `span` most (the first such, changed entities first). */
  private at(docId: string, span: Span): EntityLike | null {
    const entries = this.byDoc.get(docId);
    if (entries === undefined) throw new Error(`entity look-up for document ${docId} without loading it first`);
    let [best, bestOverlap]: [EntityLike | null, number] = [null, 0];
    for (const [start, end, id, pack] of entries) {
      const overlap = Math.min(end, span.end) - Math.max(start, span.start);
      if (overlap > bestOverlap) {
        best = { id, pack: this.upserted.has(id) ? this.packOf(id) : pack, mentions: [] };
        bestOverlap = overlap;
      }
    }
    return best;
  }
}
