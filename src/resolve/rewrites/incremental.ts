/**
 * Rewritten copies, incrementally: the corpus statistics (name spellings, stated roles, word
 * frequencies) and the content-word LSH are kept as state. New documents are added to them, scored
 * against them, and compared with the documents sharing their LSH buckets; a new document can be a
 * rewrite of a stored one or its original. An older document's clues are not scored again when later
 * documents change the statistics (a full resolution does that).
 *
 * Content-word document frequencies are read from the `duplicates` state (`batch-stats.ts`).
 *
 * State (resolver `rewrites`): the name keys of `name-state.ts` (`n:`, `x:`);
 * `r:<name>` titles stated for a name, with their documents; `b:<bucket>` content-word LSH buckets; `s:<doc>` its content-word signature;
 * `a:<doc>` its sentence sketch (`sketch.ts`); `g:<original>` its group of copies.
 */
import type { Context } from '../../context.js';
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput, IncrementalOutput } from '../resolve.js';
import type { LshIndex } from '../duplicates/minhash.js';
import { packSig } from '../duplicates/stored-lsh.js';
import type { DuplicateGroup } from '../duplicates/resolver.js';
import { DUPLICATE_FLAG } from '../duplicates/resolver.js';
import { replaceFlags } from '../duplicates/flags.js';
import { isOriginalOf, round } from '../duplicates/near-duplicates.js';
import { BatchStats } from './batch-stats.js';
import { spinVote } from './direction.js';
import { combine, lexicalClues, REWRITE_SCORE } from './lexical.js';
import type { NameStats } from './names.js';
import { nameState } from './name-state.js';
import type { RoleStats } from './role-errors.js';
import { packFactsOf, REWRITE_FLAG, swappedCopy, type Link } from './resolver.js';
import { packSketch, sketchOf } from './sketch.js';
import { isCopy, rewordedCopies } from './stored-copies.js';

/** What a full run leaves for the state. */
export interface FullRun {
  /** Content-word signatures by document. */
  sigs: Map<string, Uint32Array>;
  names: NameStats;
  roles: RoleStats;
  lsh: LshIndex<string>;
  groups: Map<string, DuplicateGroup>;
}

type Copy = DuplicateGroup['copies'][number];

/** The state of a full run over `docs`. */
export function rewriteState(run: FullRun, docs: readonly NewsDoc[]): [string, unknown][] {
  const out = nameState(run.names);
  for (const [name, titles] of run.roles.tally) out.push([`r:${name}`, [...titles].map(([t, docs]) => [t, [...docs]])]);
  for (const [k, ids] of run.lsh.postings()) out.push([`b:${k}`, ids]);
  for (const [id, sig] of run.sigs) out.push([`s:${id}`, packSig(sig)]);
  for (const d of docs) {
    const sketch = run.sigs.has(d.id) ? packSketch(sketchOf(d)) : null;
    if (sketch) out.push([`a:${d.id}`, sketch]);
  }
  for (const [o, g] of run.groups) out.push([`g:${o}`, g.copies]);
  return out;
}

/** Scores and links the new documents; returns the documents whose rewrite flags or links changed. */
export async function addRewrites(input: IncrementalInput, ctx: Context): Promise<IncrementalOutput> {
  const pack = packFactsOf(ctx.pack);
  const fresh = [...input.added, ...input.changed];
  const stats = new BatchStats(input.state, (keys) => input.stateOf('duplicates', keys));
  await stats.load(fresh);
  const state = await stats.add(input.added);
  const lexOf = new Map<string, ReturnType<typeof lexicalClues>>();
  const clues = async (d: NewsDoc) => {
    if (!lexOf.has(d.id)) {
      await stats.loadLexical([d]);
      lexOf.set(d.id, lexicalClues(d, stats.names, stats.roles, pack));
    }
    return lexOf.get(d.id)!;
  };
  const lex = async (d: NewsDoc) => combine((await clues(d)).map((c) => c.weight));
  const precedes = async (a: NewsDoc, b: NewsDoc) => {
    const [da, db] = [a.published.date, b.published.date];
    if (da && db && da !== db) return da < db;
    await stats.loadWords([a, b]);
    const vote = spinVote(a.text, b.text, stats.freq);
    if (vote !== 0) return vote > 0;
    const [la, lb] = [await lex(a), await lex(b)];
    if (la !== lb) return la < lb;
    return isOriginalOf(a, b, await input.order());
  };
  const { links, state: found } = await rewordedCopies(input, precedes, (d) => stats.wordsOf(d));
  await input.docs.load(fresh.flatMap((d) => d.duplicateOf ?? []));
  for (const doc of fresh) {
    const original = isCopy(doc) && doc.duplicateOf ? input.docs.get(doc.duplicateOf) : undefined;
    const link = original ? swappedCopy(doc, original) : null;
    if (link) links.set(doc.id, link);
  }

  // Flags of the new and changed documents, and of stored ones that became copies.
  // A changed document that is no copy keeps what it had: only its publication date or links moved.
  const targets = new Map([...input.added, ...input.changed.filter(isCopy), ...[...links.keys()].map((id) => input.docs.get(id)!)].map((d) => [d.id, d]));
  const docs: NewsDoc[] = [];
  for (const doc of targets.values()) {
    const link = links.get(doc.id);
    const score = await lex(doc);
    const evidence = [...(link ? [link.evidence] : []), ...(await clues(doc)).map((c) => c.evidence)];
    const flags = link !== undefined || score >= REWRITE_SCORE ? [{ kind: REWRITE_FLAG, score: round(Math.max(score, link?.score ?? 0)), evidence }] : [];
    const next = replaceFlags(doc, REWRITE_FLAG, flags, isCopy(doc) ? doc.duplicateOf : (link?.original ?? doc.duplicateOf));
    if (next) docs.push(next);
  }
  const groups = await regroup([...targets.values()].map((d) => docs.find((n) => n.id === d.id) ?? d), input, links);
  return { docs, upsert: { duplicates: groups.upsert }, remove: { duplicates: groups.remove }, state: [...state, ...found, ...groups.state] };
}

/** Moves each document into the group of its original now (out of the one it was in before). */
async function regroup(docs: NewsDoc[], input: IncrementalInput, links: Map<string, Link>) {
  const before = (d: NewsDoc) => input.docs.stored(d.id)?.duplicateOf ?? null;
  const originals = [...new Set(docs.flatMap((d) => [before(d), d.duplicateOf]).filter((o): o is string => o !== null))];
  const got = await input.state(originals.map((o) => `g:${o}`));
  const groups = new Map(originals.map((o) => [o, [...((got.get(`g:${o}`) as Copy[] | undefined) ?? [])]]));
  for (const d of docs) {
    for (const o of [before(d), d.duplicateOf]) if (o) groups.set(o, groups.get(o)!.filter((c) => c.doc !== d.id));
    if (!d.duplicateOf) continue;
    const dup = d.flags.find((f) => f.kind === DUPLICATE_FLAG);
    const copy: Copy = dup ? { doc: d.id, kind: 'duplicate', score: dup.score } : { doc: d.id, kind: 'rewrite', score: round(links.get(d.id)?.score ?? 0) };
    groups.get(d.duplicateOf)!.push(copy);
  }
  const full = [...groups].filter(([, copies]) => copies.length > 0);
  return {
    upsert: full.map(([o, copies]) => ({ id: o, data: { original: o, copies } satisfies DuplicateGroup })),
    remove: [...groups].filter(([, copies]) => copies.length === 0).map(([o]) => o),
    state: [...groups].map(([o, copies]): [string, unknown] => [`g:${o}`, copies.length > 0 ? copies : null]),
  };
}
