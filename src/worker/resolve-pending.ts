/**
 * Corpus resolution that survives crashes and concurrency. The store counts batches that added
 * documents (`corpusGeneration().changed`); a complete resolution records the count it started from.
 * So a run killed between storing and resolving leaves them different, and the next run (or any
 * worker) resolves again. The resolver lease makes sure only one process resolves at a time; a
 * worker that stores documents after a resolution started will find the counts different and
 * resolve again once the lease is free, so the last resolution always sees every document.
 */
import type { Context } from '../context.js';
import { INCREMENTAL_FROM, resolveCorpus, RESOLVERS, type Resolver } from '../resolve/resolve.js';
import type { Store } from '../store/store.js';
import { GarbageCollector } from './collect.js';

/**
 * A long ingest (or worker) resolves the corpus after every this many new documents: the first
 * resolution past `INCREMENTAL_FROM` documents is a full one, the later ones incremental, loading
 * only what they read — so a 100k-document ingest never holds the corpus in memory and each step
 * costs about the same. Equal to `INCREMENTAL_FROM`, so smaller ingests resolve once, at the end.
 */
export const RESOLVE_EVERY = INCREMENTAL_FROM;

export interface PendingOptions {
  /** False: give up when another process is resolving (see `resolvePending`). */
  wait?: boolean;
  /**
   * Resolve only the documents stored up to `doc`, whose batch made the store's generation
   * `generation` (a resolution running alongside the ingest that goes on storing: see
   * `background-resolver.ts`); the documents stored later stay pending.
   */
  upTo?: { doc: string; generation: number };
}

/** One per thread: what survived its last collection carries over from one resolution to the next. */
const collector = new GarbageCollector();

/**
 * Resolves the corpus if documents were added since the last complete resolution; true if it did.
 * With `wait: false` (a resolution in the middle of a long run) it gives up when another process
 * is resolving: that one, or the resolution at the end, takes the documents in.
 */
export async function resolvePending(store: Store, ctx: Context, resolvers: Resolver[] = RESOLVERS, opts: PendingOptions = {}): Promise<boolean> {
  const resolve = async () => {
    const { changed, resolved } = await store.corpusGeneration();
    if (changed === resolved || (opts.upTo && resolved >= opts.upTo.generation)) return false;
    const upTo = opts.upTo && opts.upTo.generation < changed ? opts.upTo : null;
    // resolveCorpus forgets what the step's memos hold (its documents' names and texts), so it is not alive through the next step
    await resolveCorpus(store, ctx, resolvers, { through: upTo?.doc, between: () => collector.between() });
    await store.markResolved(upTo?.generation ?? changed);
    return true;
  };
  return opts.wait === false ? ((await store.tryResolverLease(resolve)) ?? false) : store.withResolverLease(resolve);
}
