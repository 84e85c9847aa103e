/**
 * The `rewrites` corpus resolver: flags machine-rewritten ("spun") documents `rewritten` with a score
 * and evidence, and links a reworded copy to its original when the original is in the corpus.
 *
 * Decision: a linked rewrite also gets `duplicateOf` = its original, because like a verbatim copy it
 * is not an independent source (timelines must not count it twice); the flag kind (`rewritten` vs
 * `duplicate`) tells the two apart. The `duplicates` corpus groups list it with `kind: 'rewrite'`.
 *
 * Direction (which is the original): the earlier published; else the one whose own words are the
 * commoner (`direction.ts`; the near-duplicate resolver uses the same vote); else the one with fewer
 * spin clues; else the one ingested first.
 *
 * Ordering: after `duplicates` (reads the copies it marked, so verbatim copies are not re-examined as
 * rewrites, and stores their groups with the reworded copies as corpus kind `duplicates`).
 * Incremental version (`incremental.ts`): keep `NameStats`, `RoleStats` and the content-word LSH between ingests and
 * `add` new documents; a new name spelling or role can change an older document's clues, so
 * re-score (cheaply, per document) the documents sharing a surname or a name neighbour with it.
 * A candidate pair is first tested on stored sentence sketches (`sketch.ts`), so a stored document
 * is loaded, ordered and aligned only when it may be a copy or the original of a new one.
 */
import type { NewsDoc } from '../../model/doc.js';
import type { Context } from '../../context.js';
import type { Resolver } from '../resolve.js';
import { DUPLICATE_FLAG, type DuplicateGroup } from '../duplicates/resolver.js';
import { docLabel, replaceFlags } from '../duplicates/flags.js';
import { isOriginalOf, round } from '../duplicates/near-duplicates.js';
import { combine, lexicalClues, REWRITE_SCORE, type Clue } from './lexical.js';
import { NameStats } from './names.js';
import { packFacts, type PackFacts } from './pack-facts.js';
import { RoleStats } from './role-errors.js';
import { CONTENT_ROWS, findRewordedCopies, type RewordedLink } from './reworded-copies.js';
import { LshIndex } from '../duplicates/minhash.js';
import { RunMemo } from '../run-memo.js';
import { addRewrites, rewriteState, type FullRun } from './incremental.js';
import { substitutions } from './substitutions.js';
import { MIN_SWAPS, swapsBetween } from './copy-swaps.js';
import { spinVote, WordFreq } from './direction.js';

/** The flag kind this resolver owns. */
export const REWRITE_FLAG = 'rewritten';
/** Swapped-word examples quoted in a link's evidence. */
const MAX_EXAMPLES = 5;

const packCache = new WeakMap<object, PackFacts>();

/** A document's rewrite link: its original, evidence sentence and score. */
export interface Link {
  original: string;
  evidence: string;
  score: number;
}

const examples = (swaps: Iterable<[string, string]>) => {
  const seen = new Map<string, string>();
  for (const [a, b] of swaps) if (!seen.has(a) && seen.size < MAX_EXAMPLES) seen.set(a, b);
  return [...seen].map(([a, b]) => `"${a}" for "${b}"`).join(', ');
};

/** Evidence for a reworded copy: how much aligns, and which words were swapped. */
export function rewordedLink(link: RewordedLink, copy: NewsDoc, orig: NewsDoc): Link {
  const swaps = link.pairs
    .filter((p) => p.shingles < 0.5)
    .flatMap((p) => substitutions(copy.text.slice(p.copy.start, p.copy.end), orig.text.slice(p.original.start, p.original.end)));
  const eg = examples(swaps);
  return {
    original: orig.id,
    score: link.pairs.length / link.alignable,
    evidence: `reworded copy of ${docLabel(orig)}: ${link.pairs.length} of ${link.alignable} sentences align by content words, ${link.reworded} of them reworded${eg ? `; e.g. ${eg}` : ''}`,
  };
}

/** A near-duplicate with words swapped inside its sentences, or null. */
export function swappedCopy(copy: NewsDoc, orig: NewsDoc): Link | null {
  const { pairs, swaps, alignable } = swapsBetween(copy, orig);
  if (swaps.length < MIN_SWAPS) return null;
  const touched = new Set(pairs.filter((p) => copy.text.slice(p.copy.start, p.copy.end) !== orig.text.slice(p.original.start, p.original.end)).map((p) => p.copy.start));
  return {
    original: orig.id,
    score: Math.max(REWRITE_SCORE, touched.size / Math.max(1, alignable)),
    evidence: `reworded near-duplicate of ${docLabel(orig)}: ${swaps.length} words or phrases swapped in ${touched.size} of ${alignable} sentences; e.g. ${examples(swaps)}`,
  };
}

const fullRuns = new RunMemo<FullRun>('rewrites');

/** The pack facts rewrites compare with, built once per pack. */
export function packFactsOf(pack: Context['pack']): PackFacts {
  return packCache.get(pack) ?? packCache.set(pack, packFacts(pack)).get(pack)!;
}

/** The rewrite resolver (see the file comment); registered in `RESOLVERS` after `duplicates`. */
export const rewritesResolver: Resolver = {
  name: 'rewrites',
  requires: [],
  run(docs, _corpus, ctx: Context) {
    const pack = packFactsOf(ctx.pack);
    const names = new NameStats();
    const roles = new RoleStats();
    const freq = new WordFreq();
    for (const d of docs) {
      names.add(d);
      roles.add(d);
      freq.add(d.text);
    }
    const clues = new Map<string, Clue[]>(docs.map((d) => [d.id, lexicalClues(d, names, roles, pack)]));
    const lex = (d: NewsDoc) => combine(clues.get(d.id)!.map((c) => c.weight));
    const order = new Map(docs.map((d, i) => [d.id, i]));
    const copyOf = new Map(docs.filter((d) => d.flags.some((f) => f.kind === DUPLICATE_FLAG)).map((d) => [d.id, d.duplicateOf]));
    const links = new Map<string, Link>();
    const byId = new Map(docs.map((d) => [d.id, d]));
    const precedes = (a: NewsDoc, b: NewsDoc) => {
      const [da, db] = [a.published.date, b.published.date];
      if (da && db && da !== db) return da < db;
      const vote = spinVote(a.text, b.text, freq);
      if (vote !== 0) return vote > 0;
      if (lex(a) !== lex(b)) return lex(a) < lex(b);
      return isOriginalOf(a, b, order);
    };
    const skip = (a: string, b: string) => copyOf.has(a) || copyOf.has(b);
    const lsh = new LshIndex<string>(CONTENT_ROWS);
    const sigs = new Map<string, Uint32Array>();
    for (const l of findRewordedCopies(docs, skip, precedes, lsh, byId, sigs)) if (!links.has(l.copy)) links.set(l.copy, rewordedLink(l, byId.get(l.copy)!, byId.get(l.original)!));
    for (const [copy, original] of copyOf) {
      const link = original && byId.has(original) ? swappedCopy(byId.get(copy)!, byId.get(original)!) : null;
      if (link) links.set(copy, link);
    }
    const changed: NewsDoc[] = [];
    // The near-duplicate groups, from the copies the `duplicates` resolver marked; reworded copies join them below.
    const groups = new Map<string, DuplicateGroup>();
    for (const d of docs) {
      const flag = d.flags.find((f) => f.kind === DUPLICATE_FLAG);
      if (!flag || !d.duplicateOf) continue;
      const g = groups.get(d.duplicateOf) ?? groups.set(d.duplicateOf, { original: d.duplicateOf, copies: [] }).get(d.duplicateOf)!;
      g.copies.push({ doc: d.id, kind: 'duplicate', score: flag.score });
    }
    for (const doc of docs) {
      const link = links.get(doc.id);
      const score = lex(doc);
      const evidence = [
        ...(link ? [link.evidence] : []),
        ...clues.get(doc.id)!.map((c) => c.evidence),
      ];
      const flagged = link !== undefined || score >= REWRITE_SCORE;
      const linkScore = link?.score ?? 0;
      const flags = flagged ? [{ kind: REWRITE_FLAG, score: round(Math.max(score, linkScore)), evidence }] : [];
      const dupOf = copyOf.has(doc.id) ? doc.duplicateOf : (link?.original ?? null);
      const next = replaceFlags(doc, REWRITE_FLAG, flags, dupOf);
      if (next) changed.push(next);
      if (link && !copyOf.has(doc.id)) {
        const g = groups.get(link.original) ?? { original: link.original, copies: [] };
        g.copies.push({ doc: doc.id, kind: 'rewrite', score: round(linkScore) });
        groups.set(link.original, g);
      }
    }
    const items = { duplicates: [...groups].map(([id, data]) => ({ id, data })) };
    return { docs: changed, items: fullRuns.keep(items, { sigs, names, roles, lsh, groups }) };
  },
  incremental: {
    state: (docs, items) => rewriteState(fullRuns.get(items), docs),
    add: (input, _corpus, ctx) => addRewrites(input, ctx),
  },
};
