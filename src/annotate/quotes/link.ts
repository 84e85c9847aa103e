/**
 * Links a speaker (or claimant, or relay) span to a corpus entity, and maps the `quotes` layer to the
 * export contract. A span links to the entity with a mention in the same document overlapping it most
 * (the antecedent's span for a pronoun/title speaker). Returns null when there are no entities (corpus
 * resolution not run) or none overlaps: the export then still carries `speakerText`.
 */
import type { NewsDoc, Span } from '../../model/doc.js';
import type { exportEntity, exportQuote } from '../../model/export.js';
import type { z } from 'zod';

/** The part of an exported entity that linking needs. */
export type EntityRef = Pick<z.infer<typeof exportEntity>, 'id' | 'mentions'>;

/** The id of the entity whose mention in `doc` best covers `span`, or null. */
export function linkSpan(doc: NewsDoc, span: Span | null, entities: readonly EntityRef[] | null | undefined): string | null {
  if (!span || !entities || entities.length === 0) return null;
  let best: { id: string; overlap: number } | null = null;
  for (const e of entities) {
    for (const m of e.mentions) {
      if (m.doc !== doc.id) continue;
      const overlap = Math.min(m.end, span.end) - Math.max(m.start, span.start);
      if (overlap > 0 && (!best || overlap > best.overlap)) best = { id: e.id, overlap };
    }
  }
  return best?.id ?? null;
}

/** The quotes of one document as the export contract shows them. */
export function exportQuotes(doc: NewsDoc, entities: readonly EntityRef[] | null): z.infer<typeof exportQuote>[] {
  return (doc.layers.quotes ?? []).map((q, i) => ({
    id: `${doc.id}:q${i}`,
    doc: doc.id,
    start: q.span.start,
    end: q.span.end,
    text: doc.text.slice(q.span.start, q.span.end),
    speaker: linkSpan(doc, q.antecedentSpan ?? q.speakerSpan, entities),
    speakerText: q.speakerText,
    via: linkSpan(doc, q.via, entities),
    direct: q.direct,
  }));
}
