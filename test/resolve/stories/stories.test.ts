import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterStories, storiesResolver } from '../../../src/resolve/stories/resolver.js';
import { termCounts } from '../../../src/resolve/stories/key-terms.js';
import { makeContext } from '../../../src/context.js';
import { makeDoc } from '../../helpers.js';
import { loadFixture } from '../duplicates/load.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'stories', 'basic');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
const dated = (f: string) => ({ published: { date: expected.published[f], source: 'metadata' as const, confidence: 1, evidence: [] } });

function named(docs: ReturnType<typeof loadFixture>) {
  const origin = new Map(docs.map((d) => [d.id, d.origin]));
  return clusterStories(docs).map((s) => ({ title: s.title, docs: s.docs.map((id) => origin.get(id)).sort() }));
}

describe('story clustering on the fixture corpus', () => {
  it('groups the reports of each story and titles it by its most central report', () => {
    expect(named(loadFixture(DIR, dated))).toEqual(expected.stories);
  });

  it('the resolver stores the stories in the contract shape', () => {
    const docs = loadFixture(DIR, dated);
    const items = storiesResolver.run(docs, {}, makeContext()).items!.stories!;
    expect(items.map((i) => Object.keys(i.data as object))).toEqual(items.map(() => ['id', 'title', 'docs']));
    expect(items.map((i) => i.id)).toEqual(items.map((i) => (i.data as { id: string }).id));
    expect(items.flatMap((i) => (i.data as { docs: string[] }).docs).sort()).toEqual(docs.map((d) => d.id).sort());
  });

  it('a copy joins its original’s story', () => {
    const docs = loadFixture(DIR, dated);
    const flood = docs.find((d) => d.origin === 'flood-1.txt')!;
    const copy = makeDoc('An unrelated text about dock strikes in Port Telmar and Haldorsen.', { duplicateOf: flood.id });
    const story = clusterStories([...docs, copy]).find((s) => s.docs.includes(copy.id))!;
    expect(story.docs).toEqual([flood.id, copy.id]);
  });
});

describe('story clustering: negative cases', () => {
  it('stories that share only a country name stay apart (no dates to help)', () => {
    const docs = loadFixture(DIR).filter((d) => ['strike-1.txt', 'flood-1.txt', 'talks-1.txt'].includes(d.origin));
    expect(clusterStories(docs).map((s) => s.docs.length)).toEqual([1, 1, 1]);
  });

  it('the same story months apart is a new story', () => {
    const docs = loadFixture(DIR, (f) => ({
      published: { date: f === 'strike-2.txt' ? '2031-09-10' : expected.published[f], source: 'metadata', confidence: 1, evidence: [] },
    })).filter((d) => d.origin.startsWith('strike'));
    expect(clusterStories(docs).map((s) => s.docs.length)).toEqual([1, 1]);
  });

  it('key terms skip function words and sentence-initial ordinary words', () => {
    const counts = termCounts(makeDoc('However, Ilse Brandvik met envoys. However the envoys left Varnholm.'));
    expect([...counts]).toEqual([
      ['name:ilse', 2], ['name:brandvik', 2], ['name:ilse brandvik', 2], ['envoy', 2], ['left', 1], ['name:varnholm', 2],
    ]);
  });
});
