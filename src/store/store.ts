/**
 * The one storage interface. SQLite (`sqlite/`) is the embedded default; PostgreSQL is the scale-out
 * backend. Methods are async so both backends fit. Every write of a batch is one transaction.
 */
import type { NewsDoc, RawArticle } from '../model/doc.js';

/** What happened to one article of a batch. */
export type PutStatus =
  /** a new document was stored */
  | 'new'
  /** the same text was already stored from another origin: this origin is recorded against it */
  | 'duplicate'
  /** this origin with these exact bytes was ingested before: nothing changed */
  | 'unchanged';

export interface PutResult {
  status: PutStatus;
  id: string;
  origin: string;
}

/** A line of the document list. */
export interface DocSummary {
  id: string;
  origin: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  chars: number;
  removed: number;
  origins: number;
}

/** One origin a document was read from, with the bytes as read. */
export interface Original {
  origin: string;
  bytes: Uint8Array;
  encoding: string;
  contentType: string;
}

/** Kinds of corpus-level items, built by `resolve/` across all documents. */
export type CorpusKind = 'entities' | 'events' | 'stories' | 'duplicates' | 'contradictions';

/**
 * One corpus item as stored. Items of a kind are listed by `sortKey` (then by when they were first
 * stored), so a resolver that updates a few items in place keeps the kind in its order.
 */
export interface CorpusItem {
  id: string;
  data: unknown;
  sortKey?: string;
}

/**
 * Everything one corpus resolution writes, applied in one transaction (so a crash leaves either the
 * previous resolution or this one, never half): updated documents; per kind, either every item
 * (`replace`) or the items that changed (`upsert`, `remove`); resolver state (string key → JSON
 * value, `null` deletes; `clear` empties a namespace first; `putJson` gives values serialised
 * already, see `stateEntries`); and the documents this resolution covered, which are no longer
 * `unresolvedDocIds`.
 */
export interface ResolutionWrite {
  docs: NewsDoc[];
  replace: Partial<Record<CorpusKind, CorpusItem[]>>;
  upsert: Partial<Record<CorpusKind, CorpusItem[]>>;
  remove: Partial<Record<CorpusKind, string[]>>;
  /** `putJson`: JSON text by key, each key once (see `stateEntries`). */
  state: { ns: string; clear?: boolean; put: [string, unknown][]; putJson?: [string, string | null][] }[];
  resolved: string[];
  /**
   * Row changes of split kinds (`SPLIT_FIELDS`), applied after `replace`: moves, then `remove` (an item
   * removed drops the rows it still has), then `upsert`, then appends. So a resolver grows an item
   * without reading or rewriting what it held.
   */
  rows?: Partial<Record<CorpusKind, RowChanges>>;
}

/**
 * Changes to the rows of a split kind's items (see `SPLIT_FIELDS`): rows appended to an item's field,
 * and every row of one item handed to another (after the other's own, field by field: for a merge).
 */
export interface RowChanges {
  append?: { item: string; field: string; rows: unknown[] }[];
  move?: { from: string; to: string }[];
}

/** The kinds whose growing lists are stored as rows apart from their items (see `split.ts`). */
export { SPLIT_FIELDS } from './split.js';

/**
 * One namespace's state entries of a `ResolutionWrite` as JSON text (`null` deletes), the last given
 * for a key winning: `put` (serialised here) then `putJson` (serialised already, one entry per key, so
 * a resolution holds compact text instead of each resolver's object graphs until the write, and the
 * write's transaction does not spend its time serialising).
 */
export function stateEntries(s: ResolutionWrite['state'][number]): [string, string | null][] {
  if (s.put.length === 0) return s.putJson ?? [];
  const last = new Map<string, string | null>();
  for (const [key, value] of s.put) last.set(key, value === null ? null : JSON.stringify(value));
  for (const [key, json] of s.putJson ?? []) last.set(key, json);
  return [...last];
}

export interface SearchHit {
  id: string;
  title: string | null;
  snippet: string;
}

export interface Store {
  /** Stores a batch of cleaned documents with their raw inputs, all in one transaction. */
  putBatch(items: { doc: NewsDoc; raw: RawArticle }[]): Promise<PutResult[]>;
  /** True when this origin was already ingested with exactly these bytes. */
  hasUnchanged(origin: string, bytes: Uint8Array): Promise<boolean>;
  /** A document by id or unique id prefix (at least 4 characters); null when none or ambiguous. */
  getDoc(idOrPrefix: string): Promise<NewsDoc | null>;
  /** Every origin of a document, each with its original bytes. */
  originals(id: string): Promise<Original[]>;
  listDocs(opts?: { limit?: number; offset?: number }): Promise<DocSummary[]>;
  /** Every stored document, in ingest order. */
  allDocs(): AsyncIterable<NewsDoc>;
  countDocs(): Promise<number>;
  /** Every document id, in ingest order (ids only: cheap at any size). */
  docIds(): Promise<string[]>;
  /** The stored documents with these ids (those that exist), so a resolution loads only what it reads. */
  docsById(ids: string[]): Promise<Map<string, NewsDoc>>;
  /** Full-text search over title and clean text. */
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /**
   * Replaces a stored document's derived fields (published date, flags, duplicateOf, layers) after
   * corpus resolution. Its id and text never change.
   */
  updateDocs(docs: NewsDoc[]): Promise<void>;
  /** Replaces every corpus-level item of one kind (entities, events, stories, …) in one transaction. */
  replaceCorpus(kind: CorpusKind, items: CorpusItem[]): Promise<void>;
  /** The corpus-level items of one kind, by sort key, then in the order they were first stored. */
  corpus<T>(kind: CorpusKind): Promise<T[]>;
  /**
   * The items of one kind with these ids (those that exist). `rows: false`: without their split
   * fields (`SPLIT_FIELDS`), for a resolver that appends to them rather than reading them whole.
   */
  corpusItems<T>(kind: CorpusKind, ids: string[], opts?: { rows?: boolean }): Promise<Map<string, T>>;
  /** Writes a corpus resolution in one transaction (see `ResolutionWrite`). */
  applyResolution(w: ResolutionWrite): Promise<void>;
  /** Ids of the documents no complete resolution has covered yet, in ingest order. */
  unresolvedDocIds(): Promise<string[]>;
  /** Values of resolver state namespace `ns` for those of `keys` that are set. */
  readState(ns: string, keys: string[]): Promise<Map<string, unknown>>;
  /** How many stored documents of `outlet` contain each of `lineKeys` (see `lineKey`). */
  lineCounts(outlet: string, lineKeys: string[]): Promise<Map<string, number>>;
  /**
   * How far corpus resolution lags behind the documents: `changed` grows with every batch that adds or
   * replaces a document (in the same transaction), `resolved` is the `changed` value the last complete
   * resolution started from. They differ after a crash between storing and resolving, so the next run
   * resolves again (see `worker/resolve-pending.ts`).
   */
  corpusGeneration(): Promise<{ changed: number; resolved: number }>;
  /** Records that a resolution that started at generation `changed` has been written completely. */
  markResolved(changed: number): Promise<void>;
  /**
   * Runs `fn` holding the corpus-resolution lease: one resolver at a time across every process using
   * this database (PostgreSQL: an advisory lock, released if the holder dies; SQLite: one process).
   */
  withResolverLease<T>(fn: () => Promise<T>): Promise<T>;
  /** As `withResolverLease`, but gives up at once (null) when another process holds the lease. */
  tryResolverLease<T>(fn: () => Promise<T>): Promise<T | null>;
  close(): Promise<void>;
}

/** A raw article waiting in the job queue, with the reference date of the run that enqueued it. */
export interface QueuedArticle {
  raw: RawArticle;
  referenceDate: string;
}

/** What a worker made of one queued article: a document to store, or a rejection with its reason. */
export type JobOutcome = { doc: NewsDoc; raw: RawArticle } | { skipped: string; reason: string };

/**
 * The work queue of the scale-out backend (PostgreSQL): `parley ingest --enqueue` records raw
 * articles; `parley worker` processes them. A job is claimed, processed and its result stored in one
 * transaction, so a killed worker's jobs simply become available again.
 */
export interface JobQueue {
  /** Queues articles in order; an (origin, bytes) pair already queued is not queued twice. Returns how many were new. */
  enqueue(items: QueuedArticle[]): Promise<number>;
  /**
   * Claims up to `limit` pending jobs (oldest first, skipping those other workers hold), passes them to
   * `work`, stores the outcomes and removes the jobs, all in one transaction. Resolves to the results
   * of the stored documents and the rejections; both empty when no job was pending.
   */
  processJobs(
    limit: number,
    work: (jobs: QueuedArticle[]) => Promise<JobOutcome[]>,
  ): Promise<{ claimed: number; results: PutResult[]; rejected: { skipped: string; reason: string }[] }>;
  /** Jobs not yet processed (rejected ones excluded). */
  pendingJobs(): Promise<number>;
}

/** True when the store also offers the job queue (the PostgreSQL backend). */
export function isJobQueue(store: Store): store is Store & JobQueue {
  return typeof (store as Partial<JobQueue>).enqueue === 'function';
}

/**
 * Throws, naming the kind and the id, when two corpus items share an id: a resolver bug that both
 * backends refuse the same way (with this message rather than a constraint error of their own).
 */
export function assertDistinctIds(kind: CorpusKind, items: { id: string }[]): void {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) throw new Error(`corpus ${kind}: two items share the id ${id}; the resolver that builds ${kind} must give each item its own id`);
    seen.add(id);
  }
}
