/**
 * `entityAt`: which entity a span of a document refers to — for stages that need to link a speaker
 * or claimant ("Lavrov said", "the Russian Foreign Minister told reporters") to an entity. Build an
 * `EntityLookup` once over the corpus entities, then ask it per span.
 */
import type { Span } from '../../model/doc.js';
import type { Entity } from './types.js';

/** What a look-up needs of an entity: where it is mentioned. */
export interface Mentioned {
  mentions: readonly { doc: string; start: number; end: number }[];
}

/** Index of entity mentions by document, for span look-ups. */
export class EntityLookup<E extends Mentioned = Entity> {
  private readonly byDoc = new Map<string, { start: number; end: number; entity: E }[]>();

  constructor(entities: readonly E[]) {
    for (const entity of entities) {
      for (const m of entity.mentions) {
        const list = this.byDoc.get(m.doc) ?? this.byDoc.set(m.doc, []).get(m.doc)!;
        list.push({ start: m.start, end: m.end, entity });
      }
    }
  }

  /**
   * The entity with a mention overlapping `span` in document `docId`: the mention overlapping it most
   * (a speaker span "Russian Foreign Minister Sergey Lavrov" finds Lavrov through "Sergey Lavrov";
   * "Lavrov" inside a longer span finds him too). Null when no mention overlaps.
   */
  at(docId: string, span: Span): E | null {
    return this.overlapping(docId, span)?.[0] ?? null;
  }

  /** As `at`, with how many characters the best mention overlaps `span`. */
  overlapping(docId: string, span: Span): [E, number] | null {
    let best: E | null = null;
    let bestOverlap = 0;
    for (const m of this.byDoc.get(docId) ?? []) {
      const overlap = Math.min(m.end, span.end) - Math.max(m.start, span.start);
      if (overlap > bestOverlap) {
        best = m.entity;
        bestOverlap = overlap;
      }
    }
    return best ? [best, bestOverlap] : null;
  }
}

/** One-off form of `EntityLookup.at`; build an `EntityLookup` instead when asking many times. */
export function entityAt(entities: readonly Entity[], docId: string, span: Span): Entity | null {
  return new EntityLookup(entities).at(docId, span);
}

/** What a span look-up offers: an `EntityLookup`, or an incremental run's `EntityView`. */
export type SpanLookup<E extends Mentioned> = Pick<EntityLookup<E>, 'at'>;
