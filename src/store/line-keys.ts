import type { NewsDoc } from '../model/doc.js';
import { lineKey } from '../model/id.js';

/**
 * The keys of every non-empty line a document had before cleaning (its text and its removed
 * lines). The store counts them per outlet so the cleaner can drop lines an outlet repeats on
 * every page.
 */
export function documentLineKeys(doc: Pick<NewsDoc, 'text' | 'removed'>): string[] {
  const lines = [doc.text, ...doc.removed.map((r) => r.text)].flatMap((t) => t.split('\n'));
  return [...new Set(lines.map((l) => l.trim()).filter((l) => l.length > 0).map(lineKey))];
}
