/**
 * Stories, incrementally: new documents are filed into the stories built before, reading only the
 * state their own terms and candidate stories need, so adding a document costs the same in a corpus
 * of a thousand documents or of a million. A document's place is decided when it arrives, as in any
 * online clustering: an older document is not moved when a later one changes the picture (a full
 * resolution re-clusters everything in publication order). Of a candidate story, only its sketch is
 * read (`sketch.ts`); its centroid only when the sketch lets the document reach the similarity and
 * the best score of the candidates loaded before it (candidates are loaded best bound first).
 *
 * State (resolver `stories`): `n` documents counted and `next` founding order; `df:<term>` document
 * frequencies; `t:<term>` an index posting (its `MAX_POSTINGS` most recent story ids, all `candidates`
 * reads); `s:<story>` a story's sketch, dates and central document, `w:<story>` its centroid and
 * index terms (`stored.ts`; its documents: its item); `d:<doc>` the story of a document (a copy
 * joins its original's); `c:<doc>` what a central document's story reads of it (`CentralFacts`: term
 * counts and head), so a story that grows does not load its central document.
 */
import type { IncrementalInput, IncrementalOutput } from '../resolve.js';
import type { DocSet } from '../doc-set.js';
import { dayOf, MAX_POSTINGS, STORY_SIMILARITY, StoryClusterer, timeFactor, topTerms, type StoryState } from './cluster.js';
import { termCounts } from './key-terms.js';
import { BOUND_SLACK, bound, hashedVector } from './sketch.js';
import { fromLegacy, readHead, storyEntries, storyFrom, type Head, type LegacyStory, type StoredBody, type StoredHead } from './stored.js';
import { cosine, DocFreq, tfidf } from './tfidf.js';
import { docHead, publicationOrder, sortKey, storyItemFrom, type CentralFacts, type Story } from './resolver.js';

/** Files the new documents (in publication order) into the stored stories; returns the stories that changed. */
export async function addStories(input: IncrementalInput): Promise<IncrementalOutput> {
  const docs = publicationOrder(input.added);
  if (docs.length === 0) return { upsert: { stories: [] }, remove: { stories: [] }, state: [] };
  const counts = new Map(docs.map((d) => [d.id, termCounts(d)]));
  const df = new DocFreq();
  const clusterer = new StoryClusterer();
  const central = new Map<string, string>();
  const loadDf = async (terms: Iterable<string>) => {
    const need = [...new Set(terms)].filter((t) => !df.df.has(t));
    for (const [k, n] of await input.state(need.map((t) => `df:${t}`))) df.df.set(k.slice(3), n as number);
  };
  const meta = await input.state(['n', 'next']);
  df.n = (meta.get('n') as number | undefined) ?? 0;
  clusterer.founded = (meta.get('next') as number | undefined) ?? 0;
  await loadDf([...counts.values()].flatMap((c) => [...c.keys()]));
  for (const c of counts.values()) df.add(c.keys());

  // Stored stories read by their heads (`s:`), and loaded whole (`w:`) when a document may join them.
  const heads = new Map<string, Head>();
  /** Stories loaded whole whose stored documents are listed by their items (read if they grow). */
  const listed = new Set<string>();
  const readHeads = async (ids: string[]) => {
    const need = ids.filter((id) => !clusterer.stories.has(id) && !heads.has(id));
    for (const [k, v] of await input.state(need.map((id) => `s:${id}`))) {
      const id = k.slice(2);
      if ('docs' in (v as object)) clusterer.stories.set(id, fromLegacy(id, v as LegacyStory)), central.set(id, (v as LegacyStory).central);
      else heads.set(id, readHead(v as StoredHead));
    }
  };
  const loadWhole = async (ids: string[]) => {
    const need = ids.filter((id) => !clusterer.stories.has(id) && heads.has(id));
    for (const [k, v] of await input.state(need.map((id) => `w:${id}`))) {
      const id = k.slice(2);
      clusterer.stories.set(id, storyFrom(id, heads.get(id)!, v as StoredBody));
      central.set(id, heads.get(id)!.central);
      listed.add(id);
    }
  };
  /**
   * Loads the candidates a document of vector `v` may join: those whose sketch's bound reaches the
   * similarity and the best score among the candidates loaded so far, best bound first (a candidate
   * whose bound falls short of a score already found cannot be chosen: `choose` takes the highest).
   */
  const loadJoinable = async (ids: string[], v: Map<string, number>, day: number | null) => {
    await readHeads(ids);
    const sketched = ids.filter((id) => !clusterer.stories.has(id) && heads.has(id));
    if (sketched.length === 0) return;
    const score = (s: StoryState) => cosine(v, s.centroid, s.norm) * timeFactor(day, s);
    let best = Math.max(STORY_SIMILARITY, ...ids.flatMap((id) => (clusterer.stories.has(id) ? [score(clusterer.stories.get(id)!)] : [])));
    const hashed = hashedVector(v);
    const bounds = sketched.map((id) => {
      const h = heads.get(id)!;
      return [id, h.sketch === null ? Infinity : bound(hashed, h.sketch) * timeFactor(day, h)] as const;
    });
    for (const [id, b] of bounds.sort((x, y) => y[1] - x[1])) {
      if (b < best - BOUND_SLACK) break;
      await loadWhole([id]);
      best = Math.max(best, score(clusterer.stories.get(id)!));
    }
  };
  const storyOf = new Map<string, string>();
  const touched = new Set<string>();
  // The weights stay as they are while the batch is filed: every vector, and so every posting the
  // batch reads, and the story of every copy's stored original, are known (and read) up front.
  const vectors = new Map(docs.map((d) => [d.id, tfidf(counts.get(d.id)!, df)]));
  const terms = [...new Set(docs.flatMap((d) => topTerms(vectors.get(d.id)!)))];
  const postings = await input.state(terms.map((t) => `t:${t}`));
  /** Postings' lengths as read: those that grew are written. */
  const filed = new Map<string, number>();
  for (const t of terms) clusterer.index.set(t, [...((postings.get(`t:${t}`) as string[] | undefined) ?? [])]), filed.set(t, clusterer.index.get(t)!.length);
  const originals = await input.state([...new Set(docs.flatMap((d) => (d.duplicateOf ? [`d:${d.duplicateOf}`] : [])))]);
  for (const d of docs) {
    const v = vectors.get(d.id)!;
    const dup = d.duplicateOf;
    const into = dup ? (storyOf.get(dup) ?? (originals.get(`d:${dup}`) as string | undefined)) : undefined;
    if (into) await readHeads([into]).then(() => loadWhole([into]));
    else await loadJoinable(clusterer.candidates(v), v, dayOf(d.published.date));
    const sid = clusterer.add(d.id, v, d.published.date, into);
    storyOf.set(d.id, sid);
    touched.add(sid);
  }
  const changed = [...touched].map((id) => clusterer.stories.get(id)!);
  // A stored story that grew lists its stored documents (its item's) before the new ones.
  const grown = changed.filter((s) => listed.has(s.id));
  const items = await input.items<Story>('stories', grown.map((s) => s.id));
  for (const s of grown) s.docs = (items.get(s.id)?.docs ?? []).concat(s.docs);
  const titles = new Map(docs.map((d) => [d.id, docHead(d)]));
  const before = new Map(changed.map((s) => [s.id, central.get(s.id)]));
  const unkept = new Map<string, Map<string, number>>();
  await centralDocs(changed, central, vectors, df, { docs: input.docs, state: input.state, unkept, heads: titles }, loadDf);
  const facts = (d: string) => counts.get(d) ?? unkept.get(d);
  const newCentral = [...new Set(changed.map((s) => central.get(s.id)!))].filter((d) => facts(d));
  return {
    upsert: { stories: changed.map((s) => ({ id: s.id, data: storyItemFrom(s, titles.get(central.get(s.id)!)!), sortKey: sortKey(s) })) },
    remove: {},
    state: [
      ['n', df.n],
      ['next', clusterer.founded],
      ...[...new Set([...counts.values()].flatMap((c) => [...c.keys()]))].map((t): [string, unknown] => [`df:${t}`, df.df.get(t)]),
      ...[...clusterer.index].filter(([t, ids]) => ids.length !== filed.get(t)).map(([t, ids]): [string, unknown] => [`t:${t}`, ids.slice(-MAX_POSTINGS)]),
      ...changed.flatMap((s) => storyEntries(s, central.get(s.id)!)),
      ...[...storyOf].map(([d, s]): [string, unknown] => [`d:${d}`, s]),
      ...changed.flatMap((s): [string, unknown][] => (before.get(s.id) !== undefined && before.get(s.id) !== central.get(s.id) ? [[`c:${before.get(s.id)}`, null]] : [])),
      ...newCentral.map((d): [string, unknown] => [`c:${d}`, { counts: [...facts(d)!], head: titles.get(d)! } satisfies CentralFacts]),
    ],
  };
}

/**
 * Each changed story's central document: the one of its previous central document and its new
 * documents closest to the centroid now (the previous one first, so it keeps a tie).
 */
async function centralDocs(
  stories: StoryState[],
  central: Map<string, string>,
  vectors: Map<string, Map<string, number>>,
  df: DocFreq,
  read: { docs: DocSet; state: IncrementalInput['state']; unkept: Map<string, Map<string, number>>; heads: Map<string, string | null> },
  loadDf: (terms: Iterable<string>) => Promise<void>,
): Promise<void> {
  // A previous central document is read from what was kept of it (`c:`), loaded only when nothing was kept.
  const previous = [...new Set(stories.flatMap((s) => (central.has(s.id) && !vectors.has(central.get(s.id)!) ? [central.get(s.id)!] : [])))];
  const kept = await read.state(previous.map((d) => `c:${d}`));
  const counts = new Map<string, Map<string, number>>();
  for (const [k, v] of kept) {
    counts.set(k.slice(2), new Map((v as CentralFacts).counts));
    read.heads.set(k.slice(2), (v as CentralFacts).head);
  }
  const missing = previous.filter((d) => !counts.has(d));
  await read.docs.load(missing);
  for (const d of missing) {
    const doc = read.docs.get(d)!;
    counts.set(d, termCounts(doc));
    read.unkept.set(d, counts.get(d)!); // kept (`c:`) if it stays central
    read.heads.set(d, docHead(doc));
  }
  await loadDf([...counts.values()].flatMap((c) => [...c.keys()]));
  for (const [id, c] of counts) vectors.set(id, tfidf(c, df));
  for (const s of stories) {
    const options = [...(central.has(s.id) ? [central.get(s.id)!] : []), ...s.docs.filter((d) => vectors.has(d) && d !== central.get(s.id))];
    central.set(s.id, options.reduce((a, b) => (cosine(vectors.get(b)!, s.centroid, s.norm) > cosine(vectors.get(a)!, s.centroid, s.norm) ? b : a)));
  }
}
