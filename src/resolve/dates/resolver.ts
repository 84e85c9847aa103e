/**
 * Corpus resolver `publication-dates`: gives every document its publication date. A date from
 * metadata or a file name/URL stays; otherwise the content inference (`publication` layer) becomes
 * `doc.published` (source `content`); a document still undated takes the date of a dated document of
 * the same story (source `corpus`) — a near-duplicate (`duplicateOf`, either way) or one sharing its
 * story key (the same opening words, as wire copies do). Blocking by key keeps it linear. Documents
 * whose date changed get their `times` re-anchored from the stored anchor-free recipes.
 */
import type { NewsDoc, Published } from '../../model/doc.js';
import type { Resolver } from '../resolve.js';
import { anchorTimes } from '../../annotate/times/anchor.js';

/** Opening words compared for the story key; 12 words is past a wire dateline and into the lead. */
const KEY_WORDS = 12;
/** Confidence of a date borrowed from another document (never higher than the lender's). */
const CORPUS_CONFIDENCE = 0.6;

/** The blocking key of a document's story: its first words, lower-cased, punctuation dropped. */
export function storyKey(doc: NewsDoc): string | null {
  const words = doc.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length >= KEY_WORDS ? words.slice(0, KEY_WORDS).join(' ') : null;
}

/** The publication date of each document, from itself first and from its story second. */
export function resolvePublication(docs: readonly NewsDoc[]): NewsDoc[] {
  const own = new Map<string, Published>();
  for (const d of docs) own.set(d.id, ownDate(d));
  // Per key only the most confident dated document is kept (the first of equals): it is the one lent.
  const lenders = new Map<string, NewsDoc>();
  const lend = (key: string, d: NewsDoc) => {
    const best = lenders.get(key);
    if (!best || own.get(d.id)!.confidence > own.get(best.id)!.confidence) lenders.set(key, d);
  };
  for (const d of docs) {
    if (!own.get(d.id)!.date) continue;
    const key = storyKey(d);
    if (key) lend(`k:${key}`, d);
    if (d.duplicateOf) lend(`d:${d.duplicateOf}`, d);
    lend(`d:${d.id}`, d);
  }
  const changed: NewsDoc[] = [];
  for (const d of docs) {
    let published = own.get(d.id)!;
    if (!published.date) {
      const key = storyKey(d);
      const candidates = [lenders.get(`d:${d.id}`), d.duplicateOf ? lenders.get(`d:${d.duplicateOf}`) : undefined, key ? lenders.get(`k:${key}`) : undefined];
      const lender = candidates
        .filter((c): c is NewsDoc => c !== undefined && c.id !== d.id)
        .reduce<NewsDoc | undefined>((a, c) => (!a || own.get(c.id)!.confidence > own.get(a.id)!.confidence ? c : a), undefined);
      if (lender) {
        const p = own.get(lender.id)!;
        published = { date: p.date, source: 'corpus', confidence: Math.min(p.confidence, CORPUS_CONFIDENCE), evidence: [`same story as ${lender.id} dated ${p.date} (${p.source})`, ...published.evidence] };
      }
    }
    if (JSON.stringify(published) === JSON.stringify(d.published)) continue;
    const times = d.layers.times ? anchorTimes(d.layers.times, published.date) : undefined;
    changed.push({ ...d, published, layers: times ? { ...d.layers, times } : d.layers });
  }
  return changed;
}

function ownDate(d: NewsDoc): Published {
  if (d.published.source === 'metadata') return d.published;
  const inferred = d.layers.publication;
  if (inferred?.date) return { date: inferred.date, source: 'content', confidence: inferred.confidence, evidence: inferred.evidence };
  return { date: null, source: 'none', confidence: 0, evidence: inferred?.evidence ?? [] };
}

/** The corpus resolver that sets `doc.published` for every document and re-anchors its times. */
export const publicationResolver: Resolver = {
  name: 'publication-dates',
  requires: [],
  run: (docs) => ({ docs: resolvePublication(docs) }),
};
