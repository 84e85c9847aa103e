/**
 * Near-duplicates, incrementally: a new document reads only the LSH buckets of its own signature,
 * is checked (most shared buckets first, `TRIES_PER_GROUP` per group, as `NearDuplicateFinder.add`
 * does) against the documents it finds there, and joins their group; when it is the earlier version
 * it becomes the group's original and every copy is re-pointed. The same fold over documents in
 * ingest order as a full run, continued from stored state (word frequencies for the spin vote are those of the corpus so far).
 *
 * State (resolver `duplicates`): `b:<bucket>` the `MAX_BUCKET_READ` most recent documents in an LSH
 * bucket; `s:<doc>` a document's MinHash signature (base64), so candidates are prefiltered without
 * loading them; `o:<doc>` a copy's original; `g:<original>` its copies; `w:<bucket>` document frequencies of
 * content words (`word-counts.ts`; the `rewrites` resolver reads them too, the new documents counted
 * in: it keeps none).
 */
import type { NewsDoc } from '../../model/doc.js';
import type { IncrementalInput, IncrementalOutput } from '../resolve.js';
import { contentSet } from '../rewrites/content-words.js';
import { WordFreq } from '../rewrites/direction.js';
import { countRows, StoredCounts } from './word-counts.js';
import { bandKeys, estimateJaccard, ROWS, signature } from './minhash.js';
import { packSig, StoredLsh, unpackSig } from './stored-lsh.js';
import { DUPLICATE_JACCARD, isOriginalOf, MIN_BAND_HITS, MIN_SHINGLES, PREFILTER_JACCARD, round, TRIES_PER_GROUP, type DuplicateLink, type NearDuplicateFinder } from './near-duplicates.js';
import { jaccard, shingleSet, tokens } from './tokens.js';
import { markCopy } from './resolver.js';

/** What a full run leaves for the state. */
export interface FullRun {
  links: DuplicateLink[];
  finder: NearDuplicateFinder;
  freq: WordFreq;
}

/** The state a full run leaves (see the header), from which later documents are filed incrementally. */
export function duplicateState(run: FullRun): [string, unknown][] {
  const out: [string, unknown][] = [...run.finder.lsh.postings()].map(([key, ids]) => [`b:${key}`, ids]);
  const copies = new Map<string, string[]>();
  for (const l of run.links) {
    out.push([`o:${l.copy}`, l.original]);
    (copies.get(l.original) ?? copies.set(l.original, []).get(l.original)!).push(l.copy);
  }
  for (const [original, ids] of copies) out.push([`g:${original}`, ids]);
  out.push(...countRows(run.freq));
  for (const [id, sig] of run.finder.signatures) out.push([`s:${id}`, packSig(sig)]);
  return out;
}

/** A filed document: its shingle set and MinHash signature. */
interface Filed {
  set: Uint32Array;
  sig: Uint32Array;
}

/** Files the new documents in ingest order; returns the documents whose copy link changed. */
export async function addDuplicates(input: IncrementalInput): Promise<IncrementalOutput> {
  const freq = new WordFreq();
  const counts = new StoredCounts(input.state, freq);
  const loadFreq = (texts: string[]) => counts.load(texts.flatMap((t) => [...contentSet(t)]));
  await loadFreq(input.added.map((d) => d.text));
  for (const d of input.added) freq.add(d.text);
  const counted = counts.changed(new Set(input.added.flatMap((d) => [...contentSet(d.text)])));

  const originalOf = new Map<string, string | null>();
  const copiesOf = new Map<string, string[]>();
  const root = async (id: string) => {
    if (!originalOf.has(id)) originalOf.set(id, ((await input.state([`o:${id}`])).get(`o:${id}`) as string | undefined) ?? null);
    return originalOf.get(id) ?? id;
  };
  const copies = async (id: string) => {
    if (!copiesOf.has(id)) copiesOf.set(id, ((await input.state([`g:${id}`])).get(`g:${id}`) as string[] | undefined) ?? []);
    return copiesOf.get(id)!;
  };
  const filed = new Map<string, Filed>();
  const isAdded = new Set(input.added.map((d) => d.id));
  const file = (doc: NewsDoc): Filed => {
    const seen = filed.get(doc.id);
    if (seen) return seen;
    const set = shingleSet(tokens(doc.text).map((t) => t.norm));
    return filed.set(doc.id, { set, sig: signature(set) }).get(doc.id)!;
  };
  // Every new document's buckets read at once (one read instead of one per document; the same buckets).
  for (const doc of input.added) file(doc);
  const own = (d: NewsDoc) => filed.get(d.id)!;
  const read = await input.state([...new Set(input.added.flatMap((d) => (own(d).set.length < MIN_SHINGLES ? [] : bandKeys(own(d).sig, ROWS).map((k) => `b:${k}`))))]);
  const lsh = new StoredLsh(async (keys) => new Map(keys.flatMap((k): [string, unknown][] => (read.has(k) ? [[k, read.get(k)]] : []))), ROWS);
  const sigs = new Map<string, Uint32Array>();
  const moved = new Set<string>();

  /** Joins two groups (by their originals): the earlier version becomes the original of every member. */
  const joinGroups = async (ra: string, rb: string) => {
    await input.docs.load([ra, rb]);
    const [a, b] = [input.docs.get(ra)!, input.docs.get(rb)!];
    await loadFreq([a.text, b.text]);
    const [keep, lose] = isOriginalOf(a, b, await input.order(), freq) ? [ra, rb] : [rb, ra];
    const members = [lose, ...(await copies(lose)), ...(await copies(keep))];
    for (const m of [lose, ...(await copies(lose))]) {
      originalOf.set(m, keep);
      moved.add(m);
    }
    copiesOf.set(keep, [...new Set(members)]);
    copiesOf.set(lose, []);
    originalOf.set(keep, null);
    moved.add(keep);
  };

  for (const doc of input.added) {
    const own = file(doc);
    if (own.set.length < MIN_SHINGLES) continue;
    const tries = new Map<string, number>();
    const candidates = await lsh.add(doc.id, own.sig, MIN_BAND_HITS);
    for (const [k, v] of await input.state(candidates.filter((id) => !filed.has(id) && !sigs.has(id)).map((id) => `s:${id}`))) sigs.set(k.slice(2), unpackSig(v as string));
    const sigOf = (id: string) => filed.get(id)?.sig ?? sigs.get(id);
    const near = candidates.filter((id) => {
      const sig = sigOf(id);
      return sig === undefined || estimateJaccard(own.sig, sig) >= PREFILTER_JACCARD;
    });
    for (const other of near) {
      const group = await root(other);
      const tried = tries.get(group) ?? 0;
      if (tried >= TRIES_PER_GROUP) continue;
      if (!filed.has(other)) {
        await input.docs.load([other]);
        file(input.docs.get(other)!);
        if (!isAdded.has(other)) input.docs.forget(other);
      }
      const theirs = filed.get(other)!;
      if (estimateJaccard(own.sig, theirs.sig) < PREFILTER_JACCARD) continue;
      const j = jaccard(own.set, theirs.set);
      tries.set(group, j >= DUPLICATE_JACCARD ? TRIES_PER_GROUP : tried + 1);
      if (j < DUPLICATE_JACCARD) continue;
      const ra = await root(doc.id);
      if (ra !== group) await joinGroups(ra, group);
    }
  }
  await input.docs.load([...moved, ...[...moved].flatMap((id) => originalOf.get(id) ?? [])]);
  const docs: NewsDoc[] = [];
  for (const id of moved) {
    const original = originalOf.get(id) ?? null;
    const doc = input.docs.get(id)!;
    const next = markCopy(doc, original ? input.docs.get(original)! : null, original ? round(jaccard(file(doc).set, file(input.docs.get(original)!).set)) : 0);
    if (next) docs.push(next);
  }
  return {
    upsert: {},
    remove: {},
    docs,
    state: [
      ...lsh.entries(),
      ...[...originalOf].map(([id, o]): [string, unknown] => [`o:${id}`, o]),
      ...[...copiesOf].map(([id, ids]): [string, unknown] => [`g:${id}`, ids.length > 0 ? ids : null]),
      ...counted,
      ...input.added.flatMap((d): [string, unknown][] => (filed.has(d.id) ? [[`s:${d.id}`, packSig(filed.get(d.id)!.sig)]] : [])),
    ],
  };
}
