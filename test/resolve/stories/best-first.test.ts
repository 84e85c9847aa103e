/**
 * Candidates are loaded whole best sketch bound first: once a loaded candidate scores above another's
 * bound, that one cannot be chosen and its centroid (`w:`) is not read; a candidate whose bound
 * still reaches the best score is read.
 */
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/context.js';
import { STORY_SIMILARITY, timeFactor } from '../../../src/resolve/stories/cluster.js';
import { addStories } from '../../../src/resolve/stories/incremental.js';
import { termCounts } from '../../../src/resolve/stories/key-terms.js';
import { storiesResolver, type Story } from '../../../src/resolve/stories/resolver.js';
import { bound, hashedVector } from '../../../src/resolve/stories/sketch.js';
import { readHead, storyFrom, type StoredBody, type StoredHead } from '../../../src/resolve/stories/stored.js';
import { cosine, DocFreq, tfidf } from '../../../src/resolve/stories/tfidf.js';
import { makeDoc } from '../../helpers.js';
import { memoryInput } from './memory-input.js';

const ctx = makeContext();
const on = (date: string) => ({ published: { date, source: 'metadata' as const, confidence: 1, evidence: [] } });
const GRAIN = 'Varnholm and Ostrava signed the grain corridor accord in Kessel after weeks of haggling over tariffs, shipping lanes and harbour inspections.';
const FISH = 'Lornland and Brask quarrelled over fishing quotas near Dornach while trawler captains blockaded the harbour and inspectors counted catches.';
const STORED = [makeDoc(GRAIN, { id: 'grain-1', origin: 'grain-1.txt', ...on('2031-04-10') }), makeDoc(FISH, { id: 'fish-1', origin: 'fish-1.txt', ...on('2031-04-10') })];

async function add(text: string) {
  const full = storiesResolver.run(STORED, {}, ctx);
  const state = new Map(storiesResolver.incremental!.state(STORED, full.items!, ctx));
  const items = new Map(full.items!.stories!.map((i) => [i.id, i.data as Story]));
  const doc = makeDoc(text, { id: 'new-1', origin: 'new-1.txt', ...on('2031-04-11') });
  const read: string[] = [];
  const input = memoryInput(STORED, [doc], state, items, read);
  // Each stored story's bound and score for the new document, as the step weighs them.
  const df = new DocFreq();
  for (const d of [...STORED, doc]) df.add(termCounts(d).keys());
  const v = tfidf(termCounts(doc), df);
  const day = Date.parse('2031-04-11') / 86_400_000;
  const weigh = new Map(
    [...state].flatMap(([k, h]) => {
      if (!k.startsWith('s:')) return [];
      const head = readHead(h as StoredHead);
      const s = storyFrom(k.slice(2), head, state.get(`w:${k.slice(2)}`) as StoredBody);
      return [[k.slice(2), { bound: bound(hashedVector(v), head.sketch!) * timeFactor(day, head), score: cosine(v, s.centroid, s.norm) * timeFactor(day, head) }]];
    }),
  );
  const out = await addStories(input);
  return { joined: out.upsert.stories!.map((s) => (s.data as Story).docs), whole: read.filter((k) => k.startsWith('w:')), weigh };
}

describe('stories: candidates loaded best bound first', () => {
  it('does not read whole a candidate whose bound falls short of a loaded candidate\'s score', async () => {
    const { joined, whole, weigh } = await add(`${GRAIN} ${FISH.split(' ').slice(0, 8).join(' ')}.`);
    const [grain, fish] = [weigh.get('story-grain-1')!, weigh.get('story-fish-1')!];
    // The fishing story could reach the similarity by its sketch, but not the grain story's score.
    expect(fish.bound).toBeGreaterThanOrEqual(STORY_SIMILARITY);
    expect(fish.bound).toBeLessThan(grain.score);
    expect(joined).toEqual([['grain-1', 'new-1']]);
    expect(whole).toEqual(['w:story-grain-1']);
  });

  it('negative: reads whole a candidate whose bound reaches the best score found (here a tie, which the later candidate wins)', async () => {
    const { joined, whole, weigh } = await add(`${FISH} ${GRAIN}`);
    const [grain, fish] = [weigh.get('story-grain-1')!, weigh.get('story-fish-1')!];
    expect(grain.score).toBe(fish.score);
    expect(grain.bound).toBeGreaterThanOrEqual(fish.score);
    expect(joined).toEqual([['grain-1', 'new-1']]);
    expect(whole.sort()).toEqual(['w:story-fish-1', 'w:story-grain-1']);
  });
});
