/**
 * Maps the `claims` layer to the export contract; the claimant links to an entity the way a quote's
 * speaker does (through the quote's antecedent when the claimant is a pronoun or title).
 */
import type { z } from 'zod';
import type { NewsDoc } from '../../model/doc.js';
import type { exportClaim } from '../../model/export.js';
import { linkSpan, type EntityRef } from '../quotes/link.js';

/** The claims of one document as the export contract shows them. */
export function exportClaims(doc: NewsDoc, entities: readonly EntityRef[] | null): z.infer<typeof exportClaim>[] {
  const quotes = doc.layers.quotes ?? [];
  return (doc.layers.claims ?? []).map((c, i) => {
    const q = c.quote === null ? null : quotes[c.quote];
    return {
      id: `${doc.id}:c${i}`,
      doc: doc.id,
      start: c.span.start,
      end: c.span.end,
      text: doc.text.slice(c.span.start, c.span.end),
      value: c.value,
      unit: c.unit,
      what: c.what,
      claimant: linkSpan(doc, q?.antecedentSpan ?? c.claimantSpan, entities),
      asOf: c.asOf,
    };
  });
}
