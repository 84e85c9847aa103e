/**
 * The `stories` corpus resolver: clusters documents into stories (see `cluster.ts`) and stores each as
 * `{id, title, docs}` (the export contract's shape) under corpus kind `stories`. Documents are taken
 * in publication order (undated ones after, in ingest order); a copy (`duplicateOf`) joins its
 * original's story without being compared.
 *
 * Ordering: after `duplicates` and `rewrites` (reads `duplicateOf`). Reads the `mentions` layer when
 * present. Incremental form (`incremental.ts`): the clusterer's index, centroids and document
 * frequencies are kept as resolver state, and new documents are filed into them.
 */
import type { NewsDoc } from '../../model/doc.js';
import type { Resolver } from '../resolve.js';
import { RunMemo } from '../run-memo.js';
import { StoryClusterer, type StoryState } from './cluster.js';
import { termCounts } from './key-terms.js';
import { cosine, DocFreq, tfidf } from './tfidf.js';
import { addStories } from './incremental.js';
import { storyState } from './stored.js';

/** A story as stored and exported. */
export interface Story {
  id: string;
  title: string;
  docs: string[];
}

/** Longest title taken from a document's first line when it has no title. */
const MAX_TITLE = 120;

/** A clustering with what an incremental run continues from: the clusterer, frequencies and each story's central document. */
export interface Clustering {
  stories: Story[];
  clusterer: StoryClusterer;
  df: DocFreq;
  central: Map<string, string>;
  /** What an incremental run reads of each central document instead of the document (`CentralFacts`), by document. */
  facts: Map<string, CentralFacts>;
}

/** What a story needs of its central document: its term counts (to weigh it again) and its head (`docHead`). */
export interface CentralFacts {
  counts: [string, number][];
  head: string | null;
}

/** Publication order: dated documents by date, then undated ones; ties in the given order. */
export function publicationOrder(docs: readonly NewsDoc[]): NewsDoc[] {
  const order = new Map(docs.map((d, i) => [d.id, i]));
  return [...docs].sort((a, b) => {
    const [da, db] = [a.published.date, b.published.date];
    if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
    return order.get(a.id)! - order.get(b.id)!;
  });
}

/** Clusters `docs` into stories, biggest first (ties: earliest founded first). */
export function clusterStories(docs: readonly NewsDoc[], clusterer = new StoryClusterer()): Story[] {
  return cluster(docs, clusterer).stories;
}

function cluster(docs: readonly NewsDoc[], clusterer = new StoryClusterer()): Clustering {
  const sorted = publicationOrder(docs);
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
  const central = new Map<string, string>();
  const facts = new Map<string, CentralFacts>();
  const stories = [...clusterer.stories.values()].map((s) => {
    const c = s.docs.reduce((a, b) => (cosine(vectors.get(b)!, s.centroid, s.norm) > cosine(vectors.get(a)!, s.centroid, s.norm) ? b : a));
    central.set(s.id, c);
    facts.set(c, { counts: [...counts.get(c)!], head: docHead(byId.get(c)!) });
    return storyItem(s, byId.get(c)!);
  });
  return { stories: stories.sort((a, b) => sortKey(clusterer.stories.get(a.id)!).localeCompare(sortKey(clusterer.stories.get(b.id)!))), clusterer, df, central, facts };
}

/** A story as stored, titled from its central document. */
export function storyItem(s: StoryState, central: NewsDoc): Story {
  return storyItemFrom(s, docHead(central));
}

/** As `storyItem`, from the central document's head (`docHead`) alone. */
export function storyItemFrom(s: StoryState, head: string | null): Story {
  return { id: s.id, title: head ?? centroidTitle(s.centroid), docs: s.docs };
}

/** Biggest first, ties by founding order: the order stories are listed in. */
export function sortKey(s: StoryState): string {
  return `${String(1e9 - s.docs.length).padStart(10, '0')}|${String(s.order).padStart(10, '0')}`;
}

/** What titles a story from its central document: the document's title, else its first line (null: neither). */
export function docHead(doc: NewsDoc): string | null {
  if (doc.title) return doc.title;
  const first = doc.text.split('\n').find((l) => l.trim().length > 0)?.trim();
  if (first) return first.length > MAX_TITLE ? `${first.slice(0, MAX_TITLE - 1)}…` : first;
  return null;
}

/** A story's title when its central document has no head: its top three terms. */
function centroidTitle(centroid: Map<string, number>): string {
  return [...centroid].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t]) => t.replace(/^\w+:/, '')).join(' / ');
}

const clusterings = new RunMemo<Clustering>('stories');

/** The story resolver: stores `clusterStories` under corpus kind `stories`. */
export const storiesResolver: Resolver = {
  name: 'stories',
  requires: [],
  run(docs) {
    const c = cluster(docs);
    return { items: clusterings.keep({ stories: c.stories.map((s) => ({ id: s.id, data: s, sortKey: sortKey(c.clusterer.stories.get(s.id)!) })) }, c) };
  },
  incremental: {
    state: (_docs, items) => storyState(clusterings.get(items)),
    add: (input) => addStories(input),
  },
};
