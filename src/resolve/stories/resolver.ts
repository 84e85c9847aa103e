/**
 * The `stories` corpus resolver: clusters documents into stories (see `cluster.ts`) and stores each as
 * `{id, title, docs}` (the export contract's shape) under corpus kind `stories`. Documents are taken
 * in publication order (undated ones after, in ingest order); a copy (`duplicateOf`) joins its
 * original's story without being compared.
 *
 * Ordering: after `duplicates` and `rewrites` (reads `duplicateOf`). Reads the `mentions` layer when
 * present. Incremental version: keep `DocFreq` and the `StoryClusterer` (index and centroids) between
 * ingests and `add` only new documents; titles are recomputed only for the stories that changed.
 */
import type { NewsDoc } from '../../model/doc.js';
import type { Resolver } from '../resolve.js';
import { StoryClusterer } from './cluster.js';
import { termCounts } from './key-terms.js';
import { cosine, DocFreq, tfidf } from './tfidf.js';

/** A story as stored and exported. */
export interface Story {
  id: string;
  title: string;
  docs: string[];
}

/** Longest title taken from a document's first line when it has no title. */
const MAX_TITLE = 120;

/** Clusters `docs` into stories, biggest first (ties: earliest founded first). */
export function clusterStories(docs: readonly NewsDoc[], clusterer = new StoryClusterer()): Story[] {
  const order = new Map(docs.map((d, i) => [d.id, i]));
  const sorted = [...docs].sort((a, b) => {
    const [da, db] = [a.published.date, b.published.date];
    if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
    return order.get(a.id)! - order.get(b.id)!;
  });
  const counts = new Map(sorted.map((d) => [d.id, termCounts(d)]));
  const df = new DocFreq();
  for (const c of counts.values()) df.add(c.keys());
  const vectors = new Map<string, Map<string, number>>();
  const storyOf = new Map<string, string>();
  for (const d of sorted) {
    const v = tfidf(counts.get(d.id)!, df);
    vectors.set(d.id, v);
    const into = d.duplicateOf ? storyOf.get(d.duplicateOf) : undefined;
    storyOf.set(d.id, clusterer.add(d.id, v, d.published.date, into));
  }
  const byId = new Map(docs.map((d) => [d.id, d]));
  const stories = [...clusterer.stories.values()].map((s) => {
    const central = s.docs.reduce((a, b) => (cosine(vectors.get(b)!, s.centroid, s.norm) > cosine(vectors.get(a)!, s.centroid, s.norm) ? b : a));
    return { id: s.id, title: titleOf(byId.get(central)!, s.centroid), docs: s.docs };
  });
  return stories.map((s, i) => ({ s, i })).sort((a, b) => b.s.docs.length - a.s.docs.length || a.i - b.i).map(({ s }) => s);
}

/** The central document's title, else its first line, else the story's top three terms. */
function titleOf(doc: NewsDoc, centroid: Map<string, number>): string {
  if (doc.title) return doc.title;
  const first = doc.text.split('\n').find((l) => l.trim().length > 0)?.trim();
  if (first) return first.length > MAX_TITLE ? `${first.slice(0, MAX_TITLE - 1)}…` : first;
  return [...centroid].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t]) => t.replace(/^\w+:/, '')).join(' / ');
}

/** The story resolver: stores `clusterStories` under corpus kind `stories`. */
export const storiesResolver: Resolver = {
  name: 'stories',
  requires: [],
  run(docs) {
    return { items: { stories: clusterStories(docs).map((s) => ({ id: s.id, data: s })) } };
  },
};
