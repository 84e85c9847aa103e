/**
 * The incremental `stories` step on the fixture corpus: each report arriving after the others is
 * filed as state written before sketches files it (every candidate story loaded whole), while a
 * candidate it cannot join is read only by its sketch; the sketch's bound is never below the cosine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/context.js';
import { StoryClusterer } from '../../../src/resolve/stories/cluster.js';
import { addStories } from '../../../src/resolve/stories/incremental.js';
import { termCounts } from '../../../src/resolve/stories/key-terms.js';
import { publicationOrder, storiesResolver, type Story } from '../../../src/resolve/stories/resolver.js';
import { bound, hashedVector, readSketch, sketchOf } from '../../../src/resolve/stories/sketch.js';
import { readHead, storyFrom, type LegacyStory, type StoredBody, type StoredHead } from '../../../src/resolve/stories/stored.js';
import { cosine, DocFreq, tfidf } from '../../../src/resolve/stories/tfidf.js';
import { loadFixture } from '../duplicates/load.js';
import { memoryInput } from './memory-input.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'stories', 'basic');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
const dated = (f: string) => ({ published: { date: expected.published[f], source: 'metadata' as const, confidence: 1, evidence: [] } });
const ctx = makeContext();
const all = loadFixture(DIR, dated);

/** The state as written before sketches: each story in one `s:` entry with its documents and centroid. */
function legacy(state: Map<string, unknown>, items: Map<string, Story>): void {
  for (const [k, v] of [...state]) {
    if (!k.startsWith('s:')) continue;
    const head = v as StoredHead;
    const s = storyFrom(k.slice(2), readHead(head), state.get(`w:${k.slice(2)}`) as StoredBody);
    const old: LegacyStory = { docs: items.get(s.id)!.docs, centroid: [...s.centroid], norm2: s.norm2, indexed: [...s.indexed], first: s.first, last: s.last, order: s.order, central: head.central };
    state.set(k, old);
    state.delete(`w:${k.slice(2)}`);
  }
}

/** The fixture resolved in full without `late`, then `late` taken in by `addStories` over the state (edited by `edit`). */
async function addLate(late: string, edit: (state: Map<string, unknown>, items: Map<string, Story>) => void = () => {}) {
  const stored = all.filter((d) => d.origin !== late);
  const full = storiesResolver.run(stored, {}, ctx);
  const state = new Map(storiesResolver.incremental!.state(stored, full.items!, ctx));
  const items = new Map(full.items!.stories!.map((i) => [i.id, i.data as Story]));
  edit(state, items);
  const read: string[] = [];
  const input = memoryInput(stored, all.filter((d) => d.origin === late), state, items, read);
  const out = await addStories(input);
  const name = (k: string) => k.replace(/[0-9a-f]{16}/g, (id) => all.find((d) => d.id === id)?.origin ?? id);
  return { out, stories: out.upsert.stories!.map((s) => (s.data as Story).docs.map(name)), whole: read.filter((k) => /^[sw]:/.test(k)).map(name) };
}

describe('incremental stories with sketches', () => {
  it('files each report arriving last as state without sketches does, reading whole only the stories it may join', async () => {
    const got = [];
    for (const d of all) {
      const now = await addLate(d.origin);
      const before = await addLate(d.origin, legacy);
      expect(now.out.upsert).toEqual(before.out.upsert);
      // the same state but for the stories' own entries, now in two (and no longer listing their documents)
      const plain = (s: [string, unknown][]) => s.filter(([k]) => !/^[sw]:/.test(k));
      expect(plain(now.out.state)).toEqual(plain(before.out.state));
      got.push([d.origin, now.stories, now.whole]);
    }
    expect(got).toEqual([
      // the strike story shares two index terms with the flood report: a candidate, read only by its sketch
      ['flood-1.txt', [['flood-1.txt']], ['s:story-strike-1.txt']],
      ['strike-1.txt', [['strike-2.txt', 'strike-1.txt']], ['s:story-strike-2.txt', 'w:story-strike-2.txt']],
      ['strike-2.txt', [['strike-1.txt', 'strike-2.txt']], ['s:story-strike-1.txt', 'w:story-strike-1.txt']],
      ['talks-1.txt', [['talks-2.txt', 'talks-3.txt', 'talks-1.txt']], ['s:story-talks-2.txt', 'w:story-talks-2.txt']],
      ['talks-2.txt', [['talks-1.txt', 'talks-3.txt', 'talks-2.txt']], ['s:story-talks-1.txt', 'w:story-talks-1.txt']],
      ['talks-3.txt', [['talks-1.txt', 'talks-2.txt', 'talks-3.txt']], ['s:story-talks-1.txt', 'w:story-talks-1.txt']],
    ]);
  });

  it('a grown story written again keeps its documents in its item only', async () => {
    const { out } = await addLate('talks-3.txt');
    const story = out.state.find(([k]) => k.startsWith('s:'))!;
    expect(Object.keys(story[1] as object).sort()).toEqual(['central', 'first', 'last', 'norm2', 'order', 'sketch']);
    expect(Object.keys(out.state.find(([k]) => k.startsWith('w:'))![1] as object).sort()).toEqual(['indexed', 'terms', 'weights']);
  });
});

describe('story sketches', () => {
  it('bound a document’s cosine with every story from above, within the rounding of the weights', () => {
    const docs = publicationOrder(all);
    const counts = docs.map((d) => termCounts(d));
    const df = new DocFreq();
    for (const c of counts) df.add(c.keys());
    const vectors = counts.map((c) => tfidf(c, df));
    const clusterer = new StoryClusterer();
    docs.forEach((d, i) => clusterer.add(d.id, vectors[i], d.published.date));
    let pairs = 0;
    for (const s of clusterer.stories.values()) {
      const sketch = readSketch(sketchOf(s.centroid, s.norm));
      for (const v of vectors) {
        const [exact, upper] = [cosine(v, s.centroid, s.norm), bound(hashedVector(v), sketch)];
        expect(upper).toBeGreaterThanOrEqual(exact);
        expect(upper - exact).toBeLessThanOrEqual([...v.values()].reduce((a, b) => a + b, 0) / 4095 + 1e-12);
        pairs++;
      }
    }
    expect(pairs).toBe(clusterer.stories.size * docs.length);
  });

  it('negative: a document sharing no term with a story has a bound of zero', () => {
    const s = readSketch(sketchOf(new Map([['name:varnholm', 0.6], ['strike', 0.8]]), 1));
    expect(bound(hashedVector(new Map([['flood', 1]])), s)).toBe(0);
  });
});
