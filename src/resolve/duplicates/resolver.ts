/**
 * The `duplicates` corpus resolver: marks every near-duplicate copy with `duplicateOf` (its group's
 * original) and a `duplicate` flag, and stores one corpus item per group.
 *
 * Incremental version: keep the `NearDuplicateFinder` (band buckets and shingle sets, or just the
 * signatures plus shingle sets in the store) between ingests and `add` only the new documents; a new
 * document can only join or found a group, and can become the original of an existing group only when
 * it precedes it (then that group's copies are re-pointed).
 */
import type { NewsDoc } from '../../model/doc.js';
import type { Resolver } from '../resolve.js';
import { docLabel, replaceFlags } from './flags.js';
import { findNearDuplicates } from './near-duplicates.js';

/** The flag kind this resolver owns. */
export const DUPLICATE_FLAG = 'duplicate';

/** One group of copies as stored under corpus kind `duplicates`. */
export interface DuplicateGroup {
  original: string;
  copies: { doc: string; kind: 'duplicate' | 'rewrite'; score: number }[];
}

/** The near-duplicate resolver (see the file comment); registered in `RESOLVERS`. */
export const duplicatesResolver: Resolver = {
  name: 'duplicates',
  requires: [],
  run(docs) {
    const byId = new Map(docs.map((d) => [d.id, d]));
    const links = new Map(findNearDuplicates(docs).map((l) => [l.copy, l]));
    const changed: NewsDoc[] = [];
    const groups = new Map<string, DuplicateGroup>();
    for (const doc of docs) {
      const link = links.get(doc.id);
      const wasCopy = doc.flags.some((f) => f.kind === DUPLICATE_FLAG);
      if (!link && !wasCopy) continue;
      const flags = link
        ? [
            {
              kind: DUPLICATE_FLAG,
              score: link.jaccard,
              evidence: [`near-duplicate of ${docLabel(byId.get(link.original)!)}: word-shingle Jaccard ${link.jaccard.toFixed(2)}`],
            },
          ]
        : [];
      const next = replaceFlags(doc, DUPLICATE_FLAG, flags, link ? link.original : null);
      if (next) changed.push(next);
      if (link) {
        const group = groups.get(link.original) ?? { original: link.original, copies: [] };
        group.copies.push({ doc: doc.id, kind: 'duplicate', score: link.jaccard });
        groups.set(link.original, group);
      }
    }
    return { docs: changed, items: { duplicates: [...groups.values()].map((g) => ({ id: g.original, data: g })) } };
  },
};
