/**
 * Lines an outlet repeats across many of its stored documents (site furniture that survived
 * extraction: a standing promo, a disclaimer, a sign-off). Needs the corpus, so it runs after `clean`.
 */
import type { NewsDoc } from '../model/doc.js';
import { docId, lineKey } from '../model/id.js';

/**
 * A line present in at least this many stored documents of the same outlet is furniture. Five keeps a
 * wire background paragraph reused in two or three stories, while a per-page footer is caught early.
 */
export const OUTLET_REPEAT_MIN_DOCS = 5;
/** Furniture is short; a long paragraph repeated verbatim is a syndicated story part, left to duplicate detection. */
export const OUTLET_REPEAT_MAX_CHARS = 300;

/**
 * Drops the text lines that the document's outlet repeats (`counts`: `lineKey(line)` → number of
 * stored documents of the outlet having it), recording each as `outlet-repeated`. The id is
 * recomputed from the new text. A document is never emptied: if every line repeats, it is left as it
 * is, with a diagnostic.
 */
export function dropRepeatedLines(doc: NewsDoc, counts: ReadonlyMap<string, number>): NewsDoc {
  if (Object.keys(doc.layers).length > 0) throw new Error('dropRepeatedLines must run before annotation: it changes the text that layers point into');
  if (counts.size === 0) return doc;
  const lines = doc.text.split('\n');
  const repeated = (l: string) => l.length <= OUTLET_REPEAT_MAX_CHARS && (counts.get(lineKey(l)) ?? 0) >= OUTLET_REPEAT_MIN_DOCS;
  const kept = lines.filter((l) => !repeated(l));
  if (kept.length === lines.length) return doc;
  if (kept.length === 0) {
    const message = 'every line is repeated across the outlet\'s stored documents; kept as is';
    return { ...doc, diagnostics: [...doc.diagnostics, { stage: 'clean', message }] };
  }
  const removed = lines.filter(repeated).map((text) => ({ text, reason: 'outlet-repeated' }));
  const text = kept.join('\n');
  return { ...doc, id: docId(text), text, removed: [...doc.removed, ...removed] };
}
