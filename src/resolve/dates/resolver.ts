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
import { RunMemo } from '../run-memo.js';
import { addPublication, publicationState } from './incremental.js';
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

/** A dated document as lent to others: what an undated one needs to take its date. */
export interface Lender {
  id: string;
  date: string;
  source: Published['source'];
  confidence: number;
}

/** The keys a document lends its date under, when dated: its story key, its original's and its own. */
export function lendKeys(d: NewsDoc): string[] {
  const key = storyKey(d);
  return [...(key ? [`k:${key}`] : []), ...(d.duplicateOf ? [`d:${d.duplicateOf}`] : []), `d:${d.id}`];
}

/** The keys an undated document borrows under: its own copies', its original's and its story key. */
export function borrowKeys(d: NewsDoc): string[] {
  const key = storyKey(d);
  return [`d:${d.id}`, ...(d.duplicateOf ? [`d:${d.duplicateOf}`] : []), ...(key ? [`k:${key}`] : [])];
}

/** Keeps the more confident of two lenders (the first of equals). */
export function better(best: Lender | undefined, d: Lender): boolean {
  return !best || d.confidence > best.confidence;
}

/** The document with `published` set, its times re-anchored, or null when its date does not change. */
export function withPublished(d: NewsDoc, own: Published, lenders: (Lender | undefined)[]): NewsDoc | null {
  let published = own;
  if (!published.date) {
    const lender = lenders.filter((c): c is Lender => c !== undefined && c.id !== d.id).reduce<Lender | undefined>((a, c) => (!a || c.confidence > a.confidence ? c : a), undefined);
    if (lender) published = { date: lender.date, source: 'corpus', confidence: Math.min(lender.confidence, CORPUS_CONFIDENCE), evidence: [`same story as ${lender.id} dated ${lender.date} (${lender.source})`, ...published.evidence] };
  }
  if (JSON.stringify(published) === JSON.stringify(d.published)) return null;
  const times = d.layers.times ? anchorTimes(d.layers.times, published.date) : undefined;
  return { ...d, published, layers: times ? { ...d.layers, times } : d.layers };
}

/** A document's own date as a lender, if it has one. */
export function asLender(d: NewsDoc): Lender | null {
  const own = ownDate(d);
  return own.date ? { id: d.id, date: own.date, source: own.source, confidence: own.confidence } : null;
}

/** The publication date of each document, from itself first and from its story second. */
export function resolvePublication(docs: readonly NewsDoc[]): NewsDoc[] {
  return publicationRun(docs).changed;
}

/** As `resolvePublication`, with the lenders by key an incremental run continues from. */
export function publicationRun(docs: readonly NewsDoc[]): { changed: NewsDoc[]; lenders: Map<string, Lender> } {
  // Per key only the most confident dated document is kept (the first of equals): it is the one lent.
  const lenders = new Map<string, Lender>();
  for (const d of docs) {
    const lender = asLender(d);
    if (lender) for (const k of lendKeys(d)) if (better(lenders.get(k), lender)) lenders.set(k, lender);
  }
  const changed: NewsDoc[] = [];
  for (const d of docs) {
    const next = withPublished(d, ownDate(d), borrowKeys(d).map((k) => lenders.get(k)));
    if (next) changed.push(next);
  }
  return { changed, lenders };
}

export function ownDate(d: NewsDoc): Published {
  if (d.published.source === 'metadata') return d.published;
  const inferred = d.layers.publication;
  if (inferred?.date) return { date: inferred.date, source: 'content', confidence: inferred.confidence, evidence: inferred.evidence };
  return { date: null, source: 'none', confidence: 0, evidence: inferred?.evidence ?? [] };
}

const fullRuns = new RunMemo<Map<string, Lender>>('publication-dates');

/** The corpus resolver that sets `doc.published` for every document and re-anchors its times. */
export const publicationResolver: Resolver = {
  name: 'publication-dates',
  requires: [],
  run(docs) {
    const { changed, lenders } = publicationRun(docs);
    return { docs: changed, items: fullRuns.keep({}, lenders) };
  },
  incremental: {
    state: (docs, items) => publicationState(docs, fullRuns.get(items)),
    add: (input) => addPublication(input),
  },
};
