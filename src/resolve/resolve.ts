/**
 * Corpus-level resolution, run after each ingest over everything stored: each resolver reads the
 * documents (and what earlier resolvers built) and returns updated documents and/or corpus items.
 * Resolvers must be near-linear (blocking keys, inverted indexes), never all-pairs.
 *
 * Ordering constraints:
 * - (each resolver added here says which earlier results it needs and why)
 * - duplicates: needs nothing; runs early so later resolvers (rewrites, stories, events) can see
 *   `duplicateOf` and not count a copy as an independent source.
 * - rewrites: after duplicates (reads the copies it marked, so a verbatim copy is not re-examined as a
 *   rewrite, and adds its reworded copies to them; incrementally, reads its word counts); before
 *   events, which should see `duplicateOf`.
 * - publication-dates: after duplicates and rewrites (an undated copy takes the date of its dated
 *   original, `duplicateOf`); before events, which place event mentions by their documents' dates.
 * - stories: after duplicates and rewrites (a copy joins its original's story via `duplicateOf`)
 *   and after publication dates (time proximity uses them); reads the `mentions` layer when present.
 * - entities: after publication-dates (a bare title such as "the Russian Foreign Minister" links to
 *   whoever held the office on the document's date); before events, which read actors from it.
 * - events: after entities (when present) so actor and place spellings agree across sources.
 * - contradictions: after events, whose merged mentions it compares.
 */
import type { Context } from '../context.js';
import type { NewsDoc } from '../model/doc.js';
import type { CorpusItem, CorpusKind, ResolutionWrite, RowChanges, Store } from '../store/store.js';
import { DocSet, sameJson } from './doc-set.js';
import { forgetTokens } from './duplicates/tokens.js';
import { forgetSentences } from './rewrites/align.js';
import { forgetMemos } from '../memo.js';
import { duplicatesResolver } from './duplicates/resolver.js';
import { rewritesResolver } from './rewrites/resolver.js';
import { storiesResolver } from './stories/resolver.js';
import { publicationResolver } from './dates/resolver.js';
import { eventsResolver } from './events/resolver.js';
import { entityResolver } from './entities/resolver.js';
import { contradictionsResolver } from './contradictions/resolver.js';

/** What resolvers have built so far, by kind. */
export type Corpus = Partial<Record<CorpusKind, CorpusItem[]>>;

/** What an incremental resolver is given: the corpus now, and what is new or changed since its last run. */
export interface IncrementalInput {
  /**
   * The documents, loaded on demand (`docs.load(ids)` before `docs.get(id)`), as earlier resolvers of
   * this run left them; `docs.stored(id)` as the previous resolution left them.
   */
  docs: DocSet;
  /** Documents no earlier resolution covered, in ingest order. */
  added: NewsDoc[];
  /** Older documents an earlier resolver of this run changed (a publication date, a copy link). */
  changed: NewsDoc[];
  /** Every document's place in ingest order (read on first call: most runs never need it). */
  order(): Promise<ReadonlyMap<string, number>>;
  /** Reads this resolver's state (see `IncrementalResolver.state`). */
  state(keys: string[]): Promise<Map<string, unknown>>;
  /** Reads another resolver's state as this run has left it so far (entities' look-ups, events' mention facts). */
  stateOf(ns: string, keys: string[]): Promise<Map<string, unknown>>;
  /**
   * Stored items of one kind by id, as the previous resolution left them; `rows: false`: without
   * their split fields (`SPLIT_FIELDS` in store/split.ts), which a resolver appends to (`rows`).
   */
  items<T>(kind: CorpusKind, ids: string[], opts?: { rows?: boolean }): Promise<Map<string, T>>;
  /** Items earlier incremental resolvers of this run updated or removed, and rows they appended or moved, by kind. */
  delta: { upsert: Corpus; remove: Partial<Record<CorpusKind, string[]>>; rows?: Partial<Record<CorpusKind, RowChanges>> };
}

/** What an incremental resolver changes: documents, items of its kinds, and its state (`null` deletes a key). */
export interface IncrementalOutput {
  docs?: NewsDoc[];
  upsert: Corpus;
  remove: Partial<Record<CorpusKind, string[]>>;
  state: [string, unknown][];
  /** Rows appended to (or moved between) items of split kinds, whose `upsert` then holds them bare (see `ResolutionWrite.rows`). */
  rows?: Partial<Record<CorpusKind, RowChanges>>;
}

/**
 * A resolver that can take new documents into what it built before, at a cost independent of the
 * corpus's size: it keeps its indexes as key → value state in the store. `state` builds that state
 * from a full run's items; `add` takes the new documents in.
 */
export interface IncrementalResolver {
  state(docs: readonly NewsDoc[], items: Corpus, ctx: Context): [string, unknown][];
  add(input: IncrementalInput, corpus: Corpus, ctx: Context): Promise<IncrementalOutput>;
}

export interface Resolver {
  name: string;
  /** Corpus kinds this resolver needs from earlier resolvers. */
  requires: CorpusKind[];
  /** Returns the documents it changed (same ids) and the corpus items it built. */
  run(docs: readonly NewsDoc[], corpus: Corpus, ctx: Context): { docs?: NewsDoc[]; items?: Corpus };
  /** Present when the resolver can also work incrementally. */
  incremental?: IncrementalResolver;
}

/** The resolvers, in order. */
export const RESOLVERS: Resolver[] = [duplicatesResolver, rewritesResolver, publicationResolver, storiesResolver, entityResolver, eventsResolver, contradictionsResolver];

/**
 * Corpora with fewer resolved documents than this are resolved in full every time (exact, and cheap
 * at that size: about 7 ms a document, measured at 10k); from this size on, resolvers that can work
 * incrementally take in only the new documents. `ctx.options.incrementalFrom` overrides it.
 */
export const INCREMENTAL_FROM = 1000;
/**
 * Version of the incremental state's layout: state written by another version is rebuilt (2: events
 * keep their mentions' facts under slots; persons are filed under fine surname keys; 3: events keep
 * summaries, their mentions' facts in chunks, and their arguments' keys per document; 4: entities
 * keep each stored spelling once, by filing, and blocks list filings; tallies apart from guard state;
 * untyped names in chunks; 5: an entities waiting name keeps its text and what its document says of its
 * type, so typing it later need not load the document; 6: rewrites keep a word's count, marks and
 * neighbour list in one row, and read the word counts of duplicates, which keeps them in rows by hash; entities number their filings, a bare surname's filing listing the full names that fit it, and
 * redirect a merged-away entity (with a filter of such ids) instead of rewriting its look-ups;
 * events file each mention in a block with its event's slot).
 */
const STATE_VERSION = 6;

/**
 * Runs every resolver over the stored corpus and writes back what they produced, in one transaction.
 * In incremental mode (state from an earlier complete run of the same resolvers, and a corpus past
 * `INCREMENTAL_FROM`), resolvers take in only the documents no resolution covered yet, and only the
 * stored documents they read are loaded (`DocSet`), so memory is bounded by the batch. A full run
 * (also asked for with `opts.full`) loads every document and rebuilds every resolver's state. What
 * the resolvers remembered is forgotten when it ends (`forgetCaches`), even when one fails, so it is
 * not kept alive while the next batch is ingested.
 */
export async function resolveCorpus(store: Store, ctx: Context, resolvers: Resolver[] = RESOLVERS, opts: ResolveOptions = {}): Promise<'full' | 'incremental' | 'none'> {
  try {
    return await resolveWith(store, ctx, resolvers, opts);
  } finally {
    forgetCaches();
  }
}

/**
 * Forgets the documents' tokens and sentences and every memo of this thread: caches of pure
 * functions, keyed by the documents and names of one resolution, so no result changes.
 */
function forgetCaches(): void {
  forgetTokens();
  forgetSentences();
  forgetMemos();
}

/**
 * Between two resolvers: what the one that ran remembered (memos, documents' tokens and sentences:
 * caches of pure functions) is forgotten, so it is garbage while the next runs, and `opts.between`
 * may collect it (`worker/collect.ts`). The next resolver reads other documents, or the same ones
 * once more, so this costs little: a 973-document step took the same CPU with it (17.5 s) and ~10 MB
 * less heap at its peak.
 */
function afterResolver(opts: ResolveOptions): void {
  forgetCaches();
  opts.between?.();
}

/** How `resolveCorpus` runs. */
export interface ResolveOptions {
  /** Re-resolve every document from scratch and rebuild the incremental state. */
  full?: boolean;
  /**
   * Take in only the unresolved documents stored up to this one (in ingest order): what a resolution
   * started just after it was stored would have taken, however many were stored since. So a resolution
   * running alongside the ingest (`worker/background-resolver.ts`) decides what the same ingest
   * resolving in line decides.
   */
  through?: string;
  /** Called after each resolver (see `afterResolver`): a long ingest's resolver thread collects garbage there. */
  between?: () => void;
}

async function resolveWith(store: Store, ctx: Context, resolvers: Resolver[], opts: ResolveOptions): Promise<'full' | 'incremental' | 'none'> {
  if (resolvers.length === 0) return 'none';
  const everyUnresolved = await store.unresolvedDocIds();
  const cut = opts.through === undefined ? -1 : everyUnresolved.indexOf(opts.through);
  const unresolved = cut < 0 ? everyUnresolved : everyUnresolved.slice(0, cut + 1);
  const later = new Set(cut < 0 ? [] : everyUnresolved.slice(cut + 1));
  const version = `${STATE_VERSION}:${ctx.pack.name}:${resolvers.map((r) => r.name).join(',')}`;
  const built = (await store.readState('resolve', ['version'])).get('version') === version;
  const from = typeof ctx.options.incrementalFrom === 'number' ? ctx.options.incrementalFrom : INCREMENTAL_FROM;
  const incremental = !opts.full && built && resolvers.every((r) => r.incremental) && (await store.countDocs()) - everyUnresolved.length >= from;
  if (incremental) return resolveIncrementally(store, ctx, resolvers, unresolved, opts);
  const byId = new Map<string, NewsDoc>();
  for await (const doc of store.allDocs()) if (!later.has(doc.id)) byId.set(doc.id, doc);
  const stored = new Map(byId);
  const corpus: Corpus = {};
  const write: ResolutionWrite = { docs: [], replace: {}, upsert: {}, remove: {}, state: [], resolved: [...byId.keys()] };
  const changed = new Set<string>();
  for (const resolver of resolvers) {
    const missing = resolver.requires.filter((k) => !(k in corpus));
    if (missing.length > 0) throw new Error(`resolver "${resolver.name}" requires ${missing.join(', ')}, built by no earlier resolver`);
    const out = resolver.run([...byId.values()], corpus, ctx);
    for (const doc of out.docs ?? []) {
      byId.set(doc.id, doc);
      changed.add(doc.id);
    }
    Object.assign(corpus, out.items ?? {});
    Object.assign(write.replace, out.items ?? {});
    if (resolver.incremental) write.state.push({ ns: resolver.name, clear: true, put: [], putJson: [...serialised(resolver.incremental.state([...byId.values()], out.items ?? {}, ctx))] });
    afterResolver(opts);
  }
  // Only documents whose resolved form differs from the stored one are written back.
  write.docs = [...changed].map((id) => byId.get(id)!).filter((d) => differs(d, stored.get(d.id)!));
  write.state.push({ ns: 'resolve', clear: true, put: [['version', version]] });
  await store.applyResolution(write);
  return 'full';
}

/** The incremental run of `resolveCorpus`: each resolver takes in the unresolved documents. */
async function resolveIncrementally(store: Store, ctx: Context, resolvers: Resolver[], unresolved: string[], opts: ResolveOptions): Promise<'incremental'> {
  const docs = new DocSet((ids) => store.docsById(ids));
  await docs.load(unresolved);
  docs.pin(unresolved);
  const added = unresolved.flatMap((id) => docs.get(id) ?? []);
  const write: ResolutionWrite = { docs: [], replace: {}, upsert: {}, remove: {}, state: [], resolved: added.map((d) => d.id), rows: {} };
  const isAdded = new Set(write.resolved);
  const changed = new Set<string>();
  let order: Promise<Map<string, number>> | undefined;
  // State as this run has left it so far: what earlier resolvers wrote (as JSON), over what was stored.
  const written = new Map<string, Map<string, string | null>>();
  const stateOf = async (ns: string, keys: string[]) => {
    const mine = written.get(ns) ?? new Map<string, string | null>();
    const got = await store.readState(ns, keys.filter((k) => !mine.has(k)));
    for (const k of keys) {
      const json = mine.get(k);
      if (typeof json === 'string') got.set(k, JSON.parse(json));
    }
    return got;
  };
  const ingestOrder = () => (order ??= store.docIds().then((ids) => new Map(ids.map((id, i) => [id, i]))));
  for (const resolver of resolvers) {
    const missing = resolver.requires.filter((k) => !(k in write.upsert || k in write.remove));
    if (missing.length > 0) throw new Error(`resolver "${resolver.name}" requires ${missing.join(', ')}, built by no earlier resolver`);
    const out = await resolver.incremental!.add(
      {
        docs,
        added: added.map((d) => docs.get(d.id)!),
        changed: [...changed].filter((id) => !isAdded.has(id) && differs(docs.get(id)!, docs.stored(id)!)).map((id) => docs.get(id)!),
        order: ingestOrder,
        state: (keys) => store.readState(resolver.name, keys),
        stateOf,
        items: (kind, ids, opts) => store.corpusItems(kind, ids, opts),
        delta: { upsert: write.upsert, remove: write.remove, rows: write.rows! },
      },
      {},
      ctx,
    );
    for (const doc of out.docs ?? []) {
      docs.set(doc);
      changed.add(doc.id);
    }
    Object.assign(write.upsert, out.upsert);
    Object.assign(write.remove, out.remove);
    Object.assign(write.rows!, out.rows ?? {});
    docs.release(); // what this resolver loaded and did not change: the next loads what it reads
    const put = serialised(out.state);
    write.state.push({ ns: resolver.name, put: [], putJson: [...put] });
    written.set(resolver.name, put);
    afterResolver(opts);
  }
  write.docs = docs.changed().filter((d) => differs(d, docs.stored(d.id)!));
  await store.applyResolution(write);
  return 'incremental';
}

/**
 * A resolver's state entries as JSON text (`null` deletes; a key put twice: the last value), taken as
 * soon as it returns: the text is a third of the size of the values' objects (56 MB of objects, 22 MB
 * of text for the 160k entries of a 500-document step), which the resolver's own structures then no
 * longer keep alive while the later resolvers run.
 */
function serialised(entries: [string, unknown][]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const [key, value] of entries) out.set(key, value === null ? null : JSON.stringify(value));
  return out;
}

/** True when a resolver left a document other than it was stored (one may undo what another did). */
function differs(now: NewsDoc, before: NewsDoc): boolean {
  return !sameJson(now, before);
}
