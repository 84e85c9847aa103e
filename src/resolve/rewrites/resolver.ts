/**
 * The `rewrites` corpus resolver: flags machine-rewritten ("spun") documents `rewritten` with a score
 * and evidence, and links a reworded copy to its original when the original is in the corpus.
 *
 * Decision: a linked rewrite also gets `duplicateOf` = its original, because like a verbatim copy it
 * is not an independent source (timelines must not count it twice); the flag kind (`rewritten` vs
 * `duplicate`) tells the two apart. The `duplicates` corpus groups list it with `kind: 'rewrite'`.
 *
 * Ordering: after `duplicates` (needs its groups so verbatim copies are not re-examined as rewrites).
 * Incremental version: keep `NameStats`, `RoleStats` and the content-word LSH between ingests and
 * `add` new documents; a new name spelling or role can change an older document's clues, so
 * re-score (cheaply, per document) the documents sharing a surname or a name neighbour with it.
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
import { findRewordedCopies, type RewordedLink } from './reworded-copies.js';
import { substitutions } from './substitutions.js';

/** The flag kind this resolver owns. */
export const REWRITE_FLAG = 'rewritten';
/** Swapped-word examples quoted in a link's evidence. */
const MAX_EXAMPLES = 5;

const packCache = new WeakMap<object, PackFacts>();

/** Evidence for a link: how much aligns, and which words were swapped. */
function linkEvidence(link: RewordedLink, copy: NewsDoc, orig: NewsDoc): string {
  const swaps = new Map<string, string>();
  for (const p of link.pairs) {
    if (p.shingles >= 0.5) continue;
    for (const [a, b] of substitutions(copy.text.slice(p.copy.start, p.copy.end), orig.text.slice(p.original.start, p.original.end)))
      if (!swaps.has(a) && swaps.size < MAX_EXAMPLES) swaps.set(a, b);
  }
  const eg = [...swaps].map(([a, b]) => `"${a}" for "${b}"`).join(', ');
  return `reworded copy of ${docLabel(orig)}: ${link.pairs.length} of ${link.alignable} sentences align by content words, ${link.reworded} of them reworded${eg ? `; e.g. ${eg}` : ''}`;
}

export const rewritesResolver: Resolver = {
  name: 'rewrites',
  requires: ['duplicates'],
  run(docs, corpus, ctx: Context) {
    const pack = packCache.get(ctx.pack) ?? packCache.set(ctx.pack, packFacts(ctx.pack)).get(ctx.pack)!;
    const names = new NameStats();
    const roles = new RoleStats();
    for (const d of docs) {
      names.add(d);
      roles.add(d);
    }
    const clues = new Map<string, Clue[]>(docs.map((d) => [d.id, lexicalClues(d, names, roles, pack)]));
    const lex = (d: NewsDoc) => combine(clues.get(d.id)!.map((c) => c.weight));
    const order = new Map(docs.map((d, i) => [d.id, i]));
    const copyOf = new Map(docs.filter((d) => d.flags.some((f) => f.kind === DUPLICATE_FLAG)).map((d) => [d.id, d.duplicateOf]));
    const links = new Map<string, RewordedLink>();
    const precedes = (a: NewsDoc, b: NewsDoc) => {
      const [da, db] = [a.published.date, b.published.date];
      if (da && db && da !== db) return da < db;
      if (lex(a) !== lex(b)) return lex(a) < lex(b);
      return isOriginalOf(a, b, order);
    };
    const skip = (a: string, b: string) => copyOf.has(a) || copyOf.has(b);
    for (const l of findRewordedCopies(docs, skip, precedes)) if (!links.has(l.copy)) links.set(l.copy, l);
    const byId = new Map(docs.map((d) => [d.id, d]));
    const changed: NewsDoc[] = [];
    const groups = new Map(((corpus.duplicates ?? []) as { id: string; data: DuplicateGroup }[]).map((g) => [g.id, structuredClone(g.data)]));
    for (const doc of docs) {
      const link = links.get(doc.id);
      const score = lex(doc);
      const evidence = [
        ...(link ? [linkEvidence(link, doc, byId.get(link.original)!)] : []),
        ...clues.get(doc.id)!.map((c) => c.evidence),
      ];
      const flagged = link !== undefined || score >= REWRITE_SCORE;
      const linkScore = link ? link.pairs.length / link.alignable : 0;
      const flags = flagged ? [{ kind: REWRITE_FLAG, score: round(Math.max(score, linkScore)), evidence }] : [];
      const dupOf = copyOf.has(doc.id) ? doc.duplicateOf : (link?.original ?? null);
      const next = replaceFlags(doc, REWRITE_FLAG, flags, dupOf);
      if (next) changed.push(next);
      if (link) {
        const g = groups.get(link.original) ?? { original: link.original, copies: [] };
        g.copies.push({ doc: doc.id, kind: 'rewrite', score: round(linkScore) });
        groups.set(link.original, g);
      }
    }
    return { docs: changed, items: { duplicates: [...groups].map(([id, data]) => ({ id, data })) } };
  },
};
