/**
 * Builds the version-1 export (see `model/export.ts`) from the store, validated against the schema
 * before it leaves, so a broken export is an error here rather than in someone else's tool.
 */
import type { NewsDoc } from '../model/doc.js';
import { exportV1, type ExportDocument, type ExportV1 } from '../model/export.js';
import type { Store } from '../store/store.js';
import { exportQuotes, type EntityRef } from '../annotate/quotes/link.js';
import { exportClaims } from '../annotate/claims/export.js';
import { exportTimes } from '../annotate/times/export.js';
import { exportEntities } from '../resolve/entities/export.js';
import type { Entity } from '../resolve/entities/types.js';

/** One document as the contract shows it. */
export function exportDocument(doc: NewsDoc): ExportDocument {
  return {
    id: doc.id,
    origin: doc.origin,
    title: doc.title,
    outlet: doc.outlet,
    published: { ...doc.published, evidence: [...doc.published.evidence] },
    text: doc.text,
    removed: doc.removed.map((r) => ({ text: r.text, reason: r.reason })),
    flags: doc.flags.map((f) => ({ kind: f.kind, score: f.score, evidence: [...f.evidence] })),
    duplicateOf: doc.duplicateOf,
  };
}

/** The whole export. Layers and corpus items not yet built are exported as empty lists. */
export async function buildExport(store: Store): Promise<ExportV1> {
  const documents: ExportDocument[] = [];
  const speakers = await store.corpus<EntityRef>('entities');
  const quotes: ReturnType<typeof exportQuotes> = [];
  const claims: ReturnType<typeof exportClaims> = [];
  const times: ReturnType<typeof exportTimes> = [];
  for await (const doc of store.allDocs()) {
    documents.push(exportDocument(doc));
    quotes.push(...exportQuotes(doc, speakers));
    claims.push(...exportClaims(doc, speakers));
    times.push(...exportTimes(doc));
  }
  return exportV1.parse({
    version: 1,
    documents,
    entities: exportEntities(await store.corpus<Entity>('entities')),
    times,
    quotes,
    claims,
    events: await store.corpus('events'),
    stories: await store.corpus('stories'),
    contradictions: await store.corpus('contradictions'),
  });
}
