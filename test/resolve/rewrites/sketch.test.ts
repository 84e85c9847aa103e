/**
 * Sentence sketches (`sketch.ts`): a pair they rule out is one `tryLink` rejects both ways, so the
 * incremental run may skip it; they survive the state's encoding; and the subsequence test that
 * orders close names agrees with the deletion sets it replaces.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignableSentences } from '../../../src/resolve/rewrites/align.js';
import { deletions, isDeletion } from '../../../src/resolve/rewrites/edit-distance.js';
import { tryLink } from '../../../src/resolve/rewrites/reworded-copies.js';
import { mayLink, packSketch, sketchOf, unpackSketch } from '../../../src/resolve/rewrites/sketch.js';
import { makeDoc } from '../../helpers.js';
import { loadFixture } from '../duplicates/load.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'duplicates', 'rewrites');

describe('sentence sketches', () => {
  const docs = loadFixture(DIR);
  const byName = new Map(docs.map((d) => [d.origin, d]));
  const may = (copy: string, orig: string) => mayLink(sketchOf(byName.get(copy)!), sketchOf(byName.get(orig)!));

  it('keep the spun copy and its original as a possible link one way, and rule out an independent report of the same event', () => {
    expect(may('spun-copy.txt', 'original.txt')).toEqual({ forward: true, backward: true });
    expect(may('same-event-other-report.txt', 'original.txt')).toEqual({ forward: false, backward: false });
    expect(may('clean-weak-clues.txt', 'spun-copy.txt')).toEqual({ forward: false, backward: false });
  });

  it('never rule out a pair that tryLink links, in either direction', () => {
    let linked = 0;
    for (const a of docs) {
      for (const b of docs) {
        if (a === b) continue;
        const { forward, backward } = mayLink(sketchOf(a), sketchOf(b));
        if (tryLink(a, b)) {
          linked++;
          expect([a.origin, b.origin, forward]).toEqual([a.origin, b.origin, true]);
        }
        if (tryLink(b, a)) expect([b.origin, a.origin, backward]).toEqual([b.origin, a.origin, true]);
      }
    }
    expect(linked).toBeGreaterThan(0);
  });

  it('rule out a digest of the same facts rearranged: one vocabulary, no sentence alike', () => {
    const [digest, report] = loadFixture(join(import.meta.dirname, '..', '..', 'fixtures', 'rewrites', 'rearranged'));
    expect([digest.origin, report.origin]).toEqual(['digest.txt', 'report.txt']);
    expect(mayLink(sketchOf(digest), sketchOf(report))).toEqual({ forward: false, backward: false });
  });

  it('rule out documents with fewer alignable sentences than a link needs', () => {
    const short = makeDoc('Delegates of Varnholm and Ostrava met in Kessel on Tuesday for talks. The ceasefire talks resumed in Kessel after a long pause.');
    expect(sketchOf(short)).toHaveLength(2);
    expect(mayLink(sketchOf(short), sketchOf(short))).toEqual({ forward: false, backward: false });
  });

  it('are the same from remembered sentences and from the text, and survive packing', () => {
    const doc = byName.get('original.txt')!;
    const fresh = sketchOf(doc);
    alignableSentences(doc);
    expect(sketchOf(doc)).toEqual(fresh);
    expect(unpackSketch(packSketch(fresh)!)).toEqual(fresh);
    expect(fresh.length).toBe(alignableSentences(doc).length);
  });
});

describe('isDeletion', () => {
  it('agrees with the deletion sets on every pair of a seeded word list', () => {
    let x = 3;
    const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = Array.from({ length: 60 }, () => Array.from({ length: 2 + Math.floor(rand() * 6) }, () => 'abrn'[Math.floor(rand() * 4)]).join(''));
    let hits = 0;
    for (const w of words) {
      const set = deletions(w);
      for (const d of words) {
        expect([d, w, isDeletion(d, w)]).toEqual([d, w, set.has(d)]);
        if (set.has(d)) hits++;
      }
    }
    expect(hits).toBeGreaterThan(words.length);
  });
});
