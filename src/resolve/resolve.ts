/**
 * Corpus-level resolution, run after each ingest over everything stored: each resolver reads the
 * documents (and what earlier resolvers built) and returns updated documents and/or corpus items.
 * Resolvers must be near-linear (blocking keys, inverted indexes), never all-pairs.
 *
 * Ordering constraints:
 * - (each resolver added here says which earlier results it needs and why)
 * - duplicates: needs nothing; runs early so later resolvers (rewrites, stories, events) can see
 *   `duplicateOf` and not count a copy as an independent source.
 * - rewrites: after duplicates (reads its groups, so a verbatim copy is not re-examined as a
 *   rewrite, and adds its reworded copies to them); before events, which should see `duplicateOf`.
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
import type { CorpusKind, Store } from '../store/store.js';
import { duplicatesResolver } from './duplicates/resolver.js';
import { rewritesResolver } from './rewrites/resolver.js';
import { storiesResolver } from './stories/resolver.js';
import { publicationResolver } from './dates/resolver.js';
import { eventsResolver } from './events/resolver.js';
import { entityResolver } from './entities/resolver.js';
import { contradictionsResolver } from './contradictions/resolver.js';

/** What resolvers have built so far, by kind. */
export type Corpus = Partial<Record<CorpusKind, { id: string; data: unknown }[]>>;

export interface Resolver {
  name: string;
  /** Corpus kinds this resolver needs from earlier resolvers. */
  requires: CorpusKind[];
  /** Returns the documents it changed (same ids) and the corpus items it built. */
  run(docs: readonly NewsDoc[], corpus: Corpus, ctx: Context): { docs?: NewsDoc[]; items?: Corpus };
}

/** The resolvers, in order. */
export const RESOLVERS: Resolver[] = [duplicatesResolver, rewritesResolver, publicationResolver, storiesResolver, entityResolver, eventsResolver, contradictionsResolver];

/** Runs every resolver over the stored corpus and writes back what they produced. */
export async function resolveCorpus(store: Store, ctx: Context, resolvers: Resolver[] = RESOLVERS): Promise<void> {
  if (resolvers.length === 0) return;
  const byId = new Map<string, NewsDoc>();
  for await (const doc of store.allDocs()) byId.set(doc.id, doc);
  const corpus: Corpus = {};
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
  }
  await store.updateDocs([...changed].map((id) => byId.get(id)!));
  for (const [kind, items] of Object.entries(corpus)) await store.replaceCorpus(kind as CorpusKind, items!);
}
