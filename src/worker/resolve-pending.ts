/**
 * Corpus resolution that survives crashes and concurrency. The store counts batches that added
 * documents (`corpusGeneration().changed`); a complete resolution records the count it started from.
 * So a run killed between storing and resolving leaves them different, and the next run (or any
 * worker) resolves again. The resolver lease makes sure only one process resolves at a time; a
 * worker that stores documents after a resolution started will find the counts different and
 * resolve again once the lease is free, so the last resolution always sees every document.
 */
import type { Context } from '../context.js';
import { resolveCorpus, RESOLVERS, type Resolver } from '../resolve/resolve.js';
import type { Store } from '../store/store.js';

/** Resolves the corpus if documents were added since the last complete resolution; true if it did. */
export async function resolvePending(store: Store, ctx: Context, resolvers: Resolver[] = RESOLVERS): Promise<boolean> {
  return store.withResolverLease(async () => {
    const { changed, resolved } = await store.corpusGeneration();
    if (changed === resolved) return false;
    await resolveCorpus(store, ctx, resolvers);
    await store.markResolved(changed);
    return true;
  });
}
