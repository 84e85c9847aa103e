/**
 * Duplicates and rewrites on a labelled synthetic corpus (`copies-corpus.ts`): precision/recall of
 * near-duplicate links (exact and near copies) and of `rewritten` flags (spun copies), and the speed
 * of MinHash/LSH against a brute-force all-pairs exact Jaccard baseline on the same shingle sets,
 * measured in the same run, plus the cost of adding one document at 1k and 10k documents.
 * Published anchor: Broder (1997) and MMDS ch. 3 give the S-curve these bands follow; no public
 * spun-news benchmark exists, so the corpus is our own (fiction).
 */
import { labelledCorpus, shuffled, type LabelledDoc } from './copies-corpus.js';
import { DUPLICATE_JACCARD, findNearDuplicates, MIN_BAND_HITS, NearDuplicateFinder } from '../src/resolve/duplicates/near-duplicates.js';
import { duplicatesResolver } from '../src/resolve/duplicates/resolver.js';
import { rewritesResolver } from '../src/resolve/rewrites/resolver.js';
import { jaccard, shingleSet, tokens } from '../src/resolve/duplicates/tokens.js';
import { LshIndex, signature } from '../src/resolve/duplicates/minhash.js';
import { makeContext } from '../src/context.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ms = (t: number) => `${t.toFixed(0)} ms`;

function quality(corpus: LabelledDoc[]): void {
  const docs = corpus.map((c) => c.doc);
  const label = new Map(corpus.map((c) => [c.doc.id, c]));
  const root = (id: string) => label.get(id)!.of ?? id;
  const links = findNearDuplicates(docs);
  const goldDup = corpus.filter((c) => c.kind === 'exact' || c.kind === 'near');
  const sameGroup = links.filter((l) => root(l.copy) === root(l.original));
  const found = new Set(sameGroup.flatMap((l) => [l.copy, l.original]));
  const recall = goldDup.filter((c) => found.has(c.doc.id)).length / goldDup.length;
  console.log(`corpus: ${corpus.length} documents; ${goldDup.length} exact/near copies, ${corpus.filter((c) => c.kind === 'spun').length} spun copies`);
  console.log(`near-duplicates (Jaccard ≥ ${DUPLICATE_JACCARD}): precision ${pct(sameGroup.length / Math.max(1, links.length))} (${sameGroup.length}/${links.length} links within a true copy group), recall ${pct(recall)}`);
  const direction = sameGroup.filter((l) => label.get(l.copy)!.of === l.original).length;
  console.log(`  direction (copy → its own original): ${pct(direction / Math.max(1, sameGroup.length))}`);
  const ctx = makeContext();
  const dup = duplicatesResolver.run(docs, {}, ctx);
  const after = docs.map((d) => dup.docs!.find((c) => c.id === d.id) ?? d);
  const rw = rewritesResolver.run(after, dup.items!, ctx);
  const flagged = new Map(rw.docs!.filter((d) => d.flags.some((f) => f.kind === 'rewritten')).map((d) => [d.id, d]));
  const spun = corpus.filter((c) => c.kind === 'spun');
  const tp = spun.filter((c) => flagged.has(c.doc.id)).length;
  const linked = spun.filter((c) => flagged.get(c.doc.id)?.duplicateOf === c.of).length;
  const fpDocs = [...flagged.keys()].filter((id) => label.get(id)!.kind !== 'spun');
  console.log(`rewritten flags: precision ${pct(tp / Math.max(1, flagged.size))} (${tp}/${flagged.size}), recall ${pct(tp / spun.length)} (${tp}/${spun.length}); linked to the right original ${pct(linked / spun.length)}`);
  const noOriginal = rw.docs!.filter((d) => d.flags.some((f) => f.kind === 'rewritten') && d.duplicateOf === null).length;
  console.log(`  false flags by kind: ${JSON.stringify(count(fpDocs.map((id) => label.get(id)!.kind)))}; flagged without a link: ${noOriginal}`);
}

function count(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

function speed(corpus: LabelledDoc[]): void {
  const docs = corpus.map((c) => c.doc);
  let t = performance.now();
  const sets = docs.map((d) => shingleSet(tokens(d.text).map((x) => x.norm)));
  const tShingle = performance.now() - t;
  t = performance.now();
  const lsh = new LshIndex<number>();
  const lshPairs = new Set<string>();
  sets.forEach((s, i) => {
    for (const j of lsh.add(i, signature(s))) if (jaccard(s, sets[j]) >= DUPLICATE_JACCARD) lshPairs.add(`${j}:${i}`);
  });
  const tLsh = performance.now() - t;
  t = performance.now();
  const brute = new Set<string>();
  for (let i = 0; i < sets.length; i++) for (let j = 0; j < i; j++) if (jaccard(sets[i], sets[j]) >= DUPLICATE_JACCARD) brute.add(`${j}:${i}`);
  const tBrute = performance.now() - t;
  const agree = [...brute].filter((p) => lshPairs.has(p)).length;
  console.log(
    `speed, ${docs.length} docs: shingling ${ms(tShingle)}; MinHash+LSH+verify ${ms(tLsh)}; brute-force all pairs ${ms(tBrute)} ` +
      `(${((docs.length * (docs.length - 1)) / 2).toLocaleString('en')} pairs) → LSH ${(tBrute / tLsh).toFixed(1)}× faster; ` +
      `LSH finds ${agree}/${brute.size} of the brute-force pairs (${pct(agree / Math.max(1, brute.size))})`,
  );
}

export function incremental(sizes: number[]): void {
  const max = Math.max(...sizes) + 500;
  const corpus = labelledCorpus(Math.ceil(max / 3), 11).slice(0, max);
  const sets = corpus.map((c) => shingleSet(tokens(c.doc.text).map((x) => x.norm)));
  const sigs = sets.map(signature);
  for (const n of sizes) {
    const finder = new NearDuplicateFinder();
    for (const c of corpus.slice(0, n)) finder.add(c.doc);
    let t = performance.now();
    for (const c of corpus.slice(n, n + 500)) finder.add(c.doc);
    const full = (performance.now() - t) / 500;
    const lsh = new LshIndex<number>();
    for (let i = 0; i < n; i++) lsh.add(i, sigs[i], MIN_BAND_HITS);
    let candidates = 0;
    t = performance.now();
    for (let i = n; i < n + 500; i++) for (const j of lsh.add(i, sigs[i], MIN_BAND_HITS)) candidates += jaccard(sets[i], sets[j]) >= 0 ? 1 : 0;
    const index = (performance.now() - t) / 500;
    console.log(
      `incremental: adding one document to ${n.toLocaleString('en')}: ${full.toFixed(2)} ms in all (shingling, signature, index, verify), ` +
        `${index.toFixed(3)} ms for the LSH index step alone, with verification (${(candidates / 500).toFixed(1)} candidates) — means of the next 500`,
    );
  }
}

export async function runDuplicates(): Promise<void> {
  console.log('### dated (copies published a day after their original), shuffled ingest order');
  quality(shuffled(labelledCorpus(800, 7, 0.3, true), 1));
  console.log('### undated, shuffled ingest order (direction can only follow ingest order: ~50% expected)');
  quality(shuffled(labelledCorpus(800, 7), 1));
  console.log('### speed');
  speed(labelledCorpus(800, 7));
  incremental([1000, 10000, 20000]);
}
