/**
 * The `duplicates` corpus resolver: marks every near-duplicate copy with `duplicateOf` (its group's
 * original) and a `duplicate` flag with its shingle Jaccard. The groups are stored (corpus kind
 * `duplicates`) by the `rewrites` resolver that follows, which adds the reworded copies it finds.
 *
 * Incremental form (`incremental.ts`): the LSH buckets, the groups and the word frequencies are kept
 * as resolver state; a new document is compared with the documents sharing its buckets, joins or
 * founds a group, and becomes a group's original when it precedes it (the copies are re-pointed).
 */
import type { NewsDoc } from '../../model/doc.js';
import type { Resolver } from '../resolve.js';
import { RunMemo } from '../run-memo.js';
import { docLabel, replaceFlags } from './flags.js';
import { nearDuplicates, type DuplicateLink } from './near-duplicates.js';
import { addDuplicates, duplicateState, type FullRun } from './incremental.js';

/** The flag kind this resolver owns. */
export const DUPLICATE_FLAG = 'duplicate';

/** One group of copies as stored under corpus kind `duplicates`. */
export interface DuplicateGroup {
  original: string;
  copies: { doc: string; kind: 'duplicate' | 'rewrite'; score: number }[];
}

/** `doc` flagged as a near-duplicate of `original` (or unflagged: null), or null when nothing changes. */
export function markCopy(doc: NewsDoc, original: NewsDoc | null, jaccard: number): NewsDoc | null {
  const flags = original ? [{ kind: DUPLICATE_FLAG, score: jaccard, evidence: [`near-duplicate of ${docLabel(original)}: word-shingle Jaccard ${jaccard.toFixed(2)}`] }] : [];
  return replaceFlags(doc, DUPLICATE_FLAG, flags, original ? original.id : null);
}

const fullRuns = new RunMemo<FullRun>('duplicates');

/** The near-duplicate resolver (see the file comment); registered in `RESOLVERS`. */
export const duplicatesResolver: Resolver = {
  name: 'duplicates',
  requires: [],
  run(docs) {
    const byId = new Map(docs.map((d) => [d.id, d]));
    const run = nearDuplicates(docs);
    const links = new Map<string, DuplicateLink>(run.links.map((l) => [l.copy, l]));
    const changed: NewsDoc[] = [];
    for (const doc of docs) {
      const link = links.get(doc.id);
      if (!link && !doc.flags.some((f) => f.kind === DUPLICATE_FLAG)) continue;
      const next = markCopy(doc, link ? byId.get(link.original)! : null, link?.jaccard ?? 0);
      if (next) changed.push(next);
    }
    return { docs: changed, items: fullRuns.keep({}, run) };
  },
  incremental: {
    state: (_docs, items) => duplicateState(fullRuns.get(items)),
    add: (input) => addDuplicates(input),
  },
};
