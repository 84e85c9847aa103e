import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateJaccard, LshIndex, NUM_HASHES, signature } from '../../../src/resolve/duplicates/minhash.js';
import { findNearDuplicates } from '../../../src/resolve/duplicates/near-duplicates.js';
import { rewritesResolver } from '../../../src/resolve/rewrites/resolver.js';
import { duplicatesResolver } from '../../../src/resolve/duplicates/resolver.js';
import { jaccard, shingleSet, tokens, WORD } from '../../../src/resolve/duplicates/tokens.js';
import { makeContext } from '../../../src/context.js';
import { makeDoc } from '../../helpers.js';
import { loadFixture } from './load.js';
import { nearDuplicates } from '../../../src/resolve/duplicates/near-duplicates.js';
import { duplicateState } from '../../../src/resolve/duplicates/incremental.js';
import { countKey, StoredCounts } from '../../../src/resolve/duplicates/word-counts.js';
import { WordFreq } from '../../../src/resolve/rewrites/direction.js';
import { contentSet } from '../../../src/resolve/rewrites/content-words.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'duplicates', 'talks');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));

describe('shingles and MinHash', () => {
  it('tokenises with offsets and folds case and apostrophes', () => {
    expect(tokens('Osmark’s envoy, 2 days')).toEqual([
      { norm: "osmark's", start: 0, end: 8 },
      { norm: 'envoy', start: 9, end: 14 },
      { norm: '2', start: 16, end: 17 },
      { norm: 'days', start: 18, end: 22 },
    ]);
  });

  it('finds the words the word pattern finds, beyond ASCII too', () => {
    // letters and digits of any script, astral letters, an apostrophe only before a letter; combining marks, emoji and lone surrogates end a word
    const text = "Çelik's 2nd talk—l'Élysée ’tis x' 𝐀𝐁c ٣٤ e\u0301t ǅx ²3 😀ok \ud800ab İSTANBUL rock’n’roll don'2 中文";
    const byPattern = [...text.matchAll(WORD)].map((m) => ({ norm: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length }));
    expect(tokens(text).map((t) => t.norm)).toEqual(["çelik's", '2nd', 'talk', "l'élysée", 'tis', 'x', '𝐀𝐁c', '٣٤', 'e', 't', 'ǆx', '²3', 'ok', 'ab', 'i̇stanbul', "rock'n'roll", 'don', '2', '中文']);
    expect(tokens(text)).toEqual(byPattern);
  });

  it('computes exact Jaccard of shingle sets', () => {
    const a = shingleSet('a b c d e'.split(' '));
    const b = shingleSet('a b c d f'.split(' '));
    expect(a.length).toBe(3);
    expect(jaccard(a, b)).toBeCloseTo(2 / 4);
    expect(jaccard(a, a)).toBe(1);
    // sorted and distinct: a repeated run of words gives one shingle
    expect([...shingleSet('x y z x y z'.split(' '))]).toEqual([...new Set(['x y z', 'y z x', 'z x y'].map((s) => shingleSet(s.split(' '))[0]))].sort((p, q) => p - q));
    expect([...shingleSet(['a', 'b'])]).toHaveLength(1);
    expect(shingleSet([])).toHaveLength(0);
  });

  it('is deterministic and its estimate tracks the exact Jaccard', () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const a = shingleSet(words);
    const b = shingleSet([...words.slice(0, 300), ...Array.from({ length: 100 }, (_, i) => `x${i}`)]);
    expect(signature(a)).toEqual(signature(a));
    expect(signature(a).length).toBe(NUM_HASHES);
    expect(Math.abs(estimateJaccard(signature(a), signature(b)) - jaccard(a, b))).toBeLessThan(0.12);
  });

  it('LSH returns earlier items sharing a band, once each', () => {
    const lsh = new LshIndex<string>();
    const s = signature(shingleSet('the quick brown fox jumps over the lazy dog'.split(' ')));
    expect(lsh.add('a', s)).toEqual([]);
    expect(lsh.add('b', s)).toEqual(['a']);
    expect(lsh.add('c', signature(shingleSet('completely different words in this one here'.split(' '))))).toEqual([]);
  });
});

describe('near-duplicates on the talks fixture', () => {
  const docs = loadFixture(DIR);
  const origin = new Map(docs.map((d) => [d.id, d.origin]));

  it('links the boilerplate copy to its original and nothing else', () => {
    const links = findNearDuplicates(docs).map((l) => ({ copy: origin.get(l.copy), original: origin.get(l.original) }));
    expect(links).toEqual(expected.links);
  });

  it('the resolver sets duplicateOf and a duplicate flag with evidence; the rewrites resolver stores the group', () => {
    const out = duplicatesResolver.run(docs, {}, makeContext());
    expect(out.docs!.map((d) => d.origin)).toEqual(['updated-copy.txt']);
    const copy = out.docs![0];
    const original = docs.find((d) => d.origin === 'original.txt')!;
    expect(copy.duplicateOf).toBe(original.id);
    expect(copy.flags).toHaveLength(1);
    expect(copy.flags[0].kind).toBe('duplicate');
    expect(copy.flags[0].score).toBeGreaterThan(0.7);
    expect(copy.flags[0].evidence[0]).toMatch(new RegExp(`^near-duplicate of ${original.id} \\("Osmark and Veltria open`));
    const marked = docs.map((d) => (d.id === copy.id ? copy : d));
    expect(rewritesResolver.run(marked, {}, makeContext()).items!.duplicates).toEqual([
      { id: original.id, data: { original: original.id, copies: [{ doc: copy.id, kind: 'duplicate', score: copy.flags[0].score }] } },
    ]);
  });

  it('is idempotent: a second run over its own output changes nothing', () => {
    const first = duplicatesResolver.run(docs, {}, makeContext());
    const again = docs.map((d) => first.docs!.find((c) => c.id === d.id) ?? d);
    expect(duplicatesResolver.run(again, {}, makeContext()).docs).toEqual([]);
  });
});

describe('near-duplicates: negative cases', () => {
  it.each(expected.notDuplicates as string[])('%s is nobody’s copy', (file) => {
    const docs = loadFixture(DIR);
    const doc = docs.find((d) => d.origin === file)!;
    expect(findNearDuplicates(docs).some((l) => l.copy === doc.id || (l.original === doc.id))).toBe(false);
  });

  it('an earlier-published copy is the original, whatever the ingest order', () => {
    const docs = loadFixture(DIR, (f) => ({
      published: { date: f === 'updated-copy.txt' ? '2031-04-01' : '2031-04-02', source: 'metadata', confidence: 1, evidence: [] },
    }));
    const [link] = findNearDuplicates(docs);
    expect(docs.find((d) => d.id === link.original)!.origin).toBe('updated-copy.txt');
  });

  it('clears a stale duplicate flag when the original is gone', () => {
    const stale = makeDoc('A text that once was a copy of something now deleted from the store for good.', {
      duplicateOf: 'gone',
      flags: [{ kind: 'duplicate', score: 0.9, evidence: ['x'] }, { kind: 'other', score: 1, evidence: [] }],
    });
    const [doc] = duplicatesResolver.run([stale], {}, makeContext()).docs!;
    expect(doc.duplicateOf).toBeNull();
    expect(doc.flags).toEqual([{ kind: 'other', score: 1, evidence: [] }]);
  });
});

describe('near-duplicates: the word counts kept for the spin vote', () => {
  const texts = ['Osmark envoys met 12 times in 2031; the envoys met again.', 'The F-16 talks: Osmark envoys left.', 'Envoys of Osmark and Valdoria met; talks constructor resumed.'];
  /** The counts of `rows` (`w:` state rows), by word, each checked to be in its own word's row. */
  const flat = (rows: [string, unknown][]) =>
    new Map(rows.filter(([k]) => k.startsWith('w:')).flatMap(([k, row]) => Object.entries(row as Record<string, number>).map(([w, n]) => (expect(countKey(w)).toBe(k), [w, n] as const))));

  it('counts each content word once per document ("again" is a function word), and no word with a digit (the vote never reads those)', () => {
    const counts = flat(duplicateState(nearDuplicates(texts.slice(0, 2).map((t) => makeDoc(t)))));
    expect(counts).toEqual(new Map([['osmark', 2], ['envoys', 2], ['met', 1], ['times', 1], ['talks', 1], ['left', 1]]));
  });

  it('a document counted in over stored rows leaves the rows a full run over all of them leaves', async () => {
    const state = new Map(duplicateState(nearDuplicates(texts.slice(0, 2).map((t) => makeDoc(t)))));
    const freq = new WordFreq();
    const stored = new StoredCounts(async (keys) => new Map(keys.filter((k) => state.has(k)).map((k) => [k, structuredClone(state.get(k))])), freq);
    await stored.load(contentSet(texts[2]));
    freq.add(texts[2]);
    for (const [k, row] of stored.changed(contentSet(texts[2]))) state.set(k, row);
    const full = duplicateState(nearDuplicates(texts.map((t) => makeDoc(t))));
    expect(flat([...state])).toEqual(flat(full));
    expect(flat([...state]).get('constructor')).toBe(1);
    expect(new Map([...state].filter(([k]) => k.startsWith('w:')))).toEqual(new Map(full.filter(([k]) => k.startsWith('w:'))));
  });
});
