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

/** One entity mention, as `linkSpan` compares it with a span. */
interface Placed { id: string; start: number; end: number }

/**
 * Each document's entity mentions, in entity order and then mention order (so a tie resolves as a
 * scan of every entity would), built once per entity list: an export links every quote and claim of
 * every document, and scanning all the corpus's mentions for each made it quadratic (1,000 synthetic
 * articles: 27 s of CPU, of which 26 in this scan).
 */
const indexes = new WeakMap<readonly EntityRef[], Map<string, Placed[]>>();

function mentionsByDoc(entities: readonly EntityRef[]): Map<string, Placed[]> {
  let index = indexes.get(entities);
  if (index) return index;
  index = new Map();
  for (const e of entities) {
    for (const m of e.mentions) {
      const list = index.get(m.doc) ?? [];
      if (list.length === 0) index.set(m.doc, list);
      list.push({ id: e.id, start: m.start, end: m.end });
    }
  }
  indexes.set(entities, index);
  return index;
}

/** The id of the entity whose mention in `doc` best covers `span`, or null. */
export function linkSpan(doc: NewsDoc, span: Span | null, entities: readonly EntityRef[] | null | undefined): string | null {
  if (!span || !entities || entities.length === 0) return null;
  let best: { id: string; overlap: number } | null = null;
  for (const m of mentionsByDoc(entities).get(doc.id) ?? []) {
    const overlap = Math.min(m.end, span.end) - Math.max(m.start, span.start);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { id: m.id, overlap };
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
