/**
 * The store contract, run against both backends (PostgreSQL tests skip with a message when
 * `PARLEY_TEST_PG` is not set or reachable). Both must behave identically.
 */
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/clean.js';
import type { NewsDoc } from '../../src/model/doc.js';
import { lineKey } from '../../src/model/id.js';
import { makeRaw } from '../helpers.js';
import { BACKENDS } from './backends.js';

const item = (origin: string, body: string, outlet: string | null = null) => {
  const raw = makeRaw(origin, body);
  const doc = clean(raw) as NewsDoc;
  return { raw, doc: { ...doc, outlet } };
};

describe.each(BACKENDS)('$name store', (backend) => {
  const test = it.skipIf(!backend.available);
  const open = async () => backend.open(await backend.freshDb());

  test('stores new documents, records the same text from another origin as a duplicate, and skips unchanged origins', async () => {
    const store = await open();
    const first = await store.putBatch([item('a.txt', 'Envoys met.'), item('b.txt', 'Envoys  met.')]);
    expect(first.map((r) => r.status)).toEqual(['new', 'duplicate']);
    expect(first[0].id).toBe(first[1].id);
    const again = await store.putBatch([item('a.txt', 'Envoys met.')]);
    expect(again.map((r) => r.status)).toEqual(['unchanged']);
    expect(await store.hasUnchanged('a.txt', new TextEncoder().encode('Envoys met.'))).toBe(true);
    expect(await store.hasUnchanged('a.txt', new TextEncoder().encode('Envoys met!'))).toBe(false);
    expect(await store.countDocs()).toBe(1);
    expect((await store.getDoc(first[0].id))?.origin).toBe('a.txt');
    expect((await store.originals(first[0].id)).map((o) => [o.origin, new TextDecoder().decode(o.bytes), o.encoding, o.contentType])).toEqual([
      ['a.txt', 'Envoys met.', 'UTF-8', 'text/plain'],
      ['b.txt', 'Envoys  met.', 'UTF-8', 'text/plain'],
    ]);
    await store.close();
  });

  test('a changed origin is stored again and points at its new document', async () => {
    const store = await open();
    const [a] = await store.putBatch([item('a.txt', 'Envoys met.')]);
    const [b] = await store.putBatch([item('a.txt', 'Envoys left.')]);
    expect(b.status).toBe('new');
    expect(await store.originals(a.id)).toEqual([]);
    expect((await store.originals(b.id)).map((o) => o.origin)).toEqual(['a.txt']);
    await store.close();
  });

  test('finds a document by a unique id prefix, and not by an ambiguous or too short one', async () => {
    const store = await open();
    const [r] = await store.putBatch([item('a.txt', 'Envoys met.')]);
    expect((await store.getDoc(r.id.slice(0, 6)))?.text).toBe('Envoys met.');
    expect(await store.getDoc(r.id.slice(0, 3))).toBeNull();
    expect(await store.getDoc('zzzz')).toBeNull();
    await store.close();
  });

  test('searches title and clean text, ignoring query syntax', async () => {
    const store = await open();
    await store.putBatch([item('a.txt', 'Envoys met in Kessel.'), item('b.txt', 'The ceasefire held.')]);
    expect(await store.search('kessel AND "OR (')).toEqual([]);
    expect(await store.search('  ')).toEqual([]);
    expect((await store.search('Kessel')).map((h) => h.snippet)).toEqual(['Envoys met in [Kessel].']);
    expect((await store.search('ceasefire held')).map((h) => h.title)).toEqual([null]);
    await store.close();
  });

  test('lists, counts and streams documents in ingest order', async () => {
    const store = await open();
    await store.putBatch([item('z.txt', 'Zeta talks.'), item('a.txt', 'Alpha talks.')]);
    await store.putBatch([item('m.txt', 'Mid talks.'), item('m2.txt', 'Mid  talks.')]);
    expect(await store.countDocs()).toBe(3);
    const listed = await store.listDocs();
    expect(listed.map((d) => [d.origin, d.chars, d.removed, d.origins, d.title, d.outlet, d.published])).toEqual([
      ['z.txt', 11, 0, 1, null, null, null],
      ['a.txt', 12, 0, 1, null, null, null],
      ['m.txt', 10, 0, 2, null, null, null],
    ]);
    expect((await store.listDocs({ limit: 1, offset: 1 })).map((d) => d.origin)).toEqual(['a.txt']);
    const streamed: string[] = [];
    for await (const d of store.allDocs()) streamed.push(d.origin);
    expect(streamed).toEqual(['z.txt', 'a.txt', 'm.txt']);
    // the ids in ingest order too, which here is not the ids' own order (so an answer read in id order fails)
    const ids = await store.docIds();
    expect(ids).toEqual(listed.map((d) => d.id));
    expect([...ids].sort()).not.toEqual(ids);
    await store.close();
  });

  test('updates derived fields and replaces corpus items in order', async () => {
    const store = await open();
    const [r] = await store.putBatch([item('a.txt', 'Envoys met.')]);
    const doc = (await store.getDoc(r.id))!;
    await store.updateDocs([{ ...doc, published: { date: '2031-05-04', source: 'corpus', confidence: 0.5, evidence: ['x'] } }]);
    expect((await store.getDoc(r.id))?.published.date).toBe('2031-05-04');
    expect((await store.listDocs())[0].published).toBe('2031-05-04');
    await store.replaceCorpus('stories', [{ id: 's2', data: { n: 2 } }, { id: 's1', data: { n: 1 } }]);
    await store.replaceCorpus('stories', [{ id: 's3', data: { n: 3 } }, { id: 's1', data: { n: 1 } }]);
    expect(await store.corpus('stories')).toEqual([{ n: 3 }, { n: 1 }]);
    expect(await store.corpus('events')).toEqual([]);
    await store.close();
  });

  test('counts lines per outlet', async () => {
    const store = await open();
    await store.putBatch([
      item('a.txt', 'Share this\nEnvoys met.', 'Daily Kessel'),
      item('b.txt', 'Share this\nTalks failed.', 'Daily Kessel'),
      item('c.txt', 'Share this\nOther outlet.', 'Other'),
    ]);
    const counts = await store.lineCounts('Daily Kessel', [lineKey('share this'), lineKey('Envoys met.'), lineKey('never seen')]);
    expect([...counts.values()]).toEqual([2, 1, 0]);
    await store.close();
  });

  test('tracks whether corpus resolution is behind: new documents bump it, duplicates and unchanged inputs do not', async () => {
    const store = await open();
    expect(await store.corpusGeneration()).toEqual({ changed: 0, resolved: 0 });
    await store.putBatch([item('a.txt', 'Envoys met.')]);
    const g = await store.corpusGeneration();
    expect(g.changed).toBeGreaterThan(g.resolved);
    await store.markResolved(g.changed);
    await store.putBatch([item('b.txt', 'Envoys  met.'), item('a.txt', 'Envoys met.')]);
    expect(await store.corpusGeneration()).toEqual({ changed: g.changed, resolved: g.changed });
    expect(await store.withResolverLease(async () => 'ran')).toBe('ran');
    await store.close();
  });
});

describe.each(BACKENDS)('$name store, corpus ids', (backend) => {
  it.skipIf(!backend.available)('refuses two corpus items with the same id, naming them, and keeps the previous items', async () => {
    const store = await backend.open(await backend.freshDb());
    await store.replaceCorpus('entities', [{ id: 'e1', data: 1 }]);
    await expect(store.replaceCorpus('entities', [{ id: 'e2', data: 2 }, { id: 'e2', data: 3 }])).rejects.toThrow(
      'corpus entities: two items share the id e2; the resolver that builds entities must give each item its own id',
    );
    expect(await store.corpus('entities')).toEqual([1]);
    await store.close();
  });
});

describe.each(BACKENDS)('$name store, resolver state', (backend) => {
  const empty = { docs: [], replace: {}, upsert: {}, remove: {}, resolved: [] };
  it.skipIf(!backend.available)('writes state given as values or as JSON text, the last given for a key winning, null deleting; reads keys in any number', async () => {
    const store = await backend.open(await backend.freshDb());
    await store.applyResolution({ ...empty, state: [{ ns: 'n', put: [['a', { x: 1 }], ['b', [1, 2]], ['a', { x: 2 }], ['c', 'gone']] }] });
    await store.applyResolution({
      ...empty,
      state: [
        { ns: 'n', put: [['c', 'kept'], ['d', 4]], putJson: [['c', null], ['e', '{"y":"z"}']] },
        { ns: 'm', put: [], putJson: [['a', '"other namespace"']] },
      ],
    });
    expect(await store.readState('n', ['a', 'b', 'c', 'd', 'e', 'f', 'a'])).toEqual(new Map<string, unknown>([['a', { x: 2 }], ['b', [1, 2]], ['d', 4], ['e', { y: 'z' }]]));
    expect(await store.readState('m', ['a'])).toEqual(new Map([['a', 'other namespace']]));
    // More keys than one look-up takes at once, most of them absent.
    const many = Array.from({ length: 2500 }, (_, i) => `k${i}`);
    await store.applyResolution({ ...empty, state: [{ ns: 'big', put: [], putJson: many.filter((_, i) => i % 3 === 0).map((k) => [k, JSON.stringify(k)]) }] });
    const got = await store.readState('big', [...many, ...many]);
    expect([...got.keys()].sort()).toEqual(many.filter((_, i) => i % 3 === 0).sort());
    expect(got.get('k2499')).toBe('k2499');
    await store.applyResolution({ ...empty, state: [{ ns: 'big', clear: true, put: [['k1', 1]] }] });
    expect(await store.readState('big', many)).toEqual(new Map([['k1', 1]]));
    await store.close();
  });
});

describe.each(BACKENDS)('$name store, awkward text', (backend) => {
  // The PostgreSQL store sends rows as binary arrays (`textArray`, `byteaArray`): every character an
  // array literal would have to escape must come back as it went in.
  const awkward = ['', 'NULL', 'a,b', '{x}', '"q"', 'back\\slash', 'line\nbreak\ttab', 'Ünïcødé — 平和 🕊', "it's"];
  it.skipIf(!backend.available)('keeps documents, raw bytes, state, items and rows with quotes, backslashes, braces, commas and non-Latin text exactly', async () => {
    const store = await backend.open(await backend.freshDb());
    const body = `Envoys said "no" {twice}, then\\again; 'NULL', 平和 🕊`;
    const raw = { ...makeRaw('odd "name",{1}.txt', body), bytes: new Uint8Array([0, 255, 34, 92, 123, 44, 0, 10]) };
    const doc = clean(makeRaw('odd "name",{1}.txt', body)) as NewsDoc;
    const [r] = await store.putBatch([{ raw, doc: { ...doc, outlet: 'The "Daily", {West}' } }]);
    expect([...(await store.originals(r.id))[0].bytes]).toEqual([0, 255, 34, 92, 123, 44, 0, 10]);
    const updated: NewsDoc = { ...(await store.getDoc(r.id))!, title: awkward.join('|') };
    const data = Object.fromEntries(awkward.map((s, i) => [`k${i}`, s]));
    await store.applyResolution({
      docs: [updated],
      replace: {},
      upsert: { stories: awkward.map((id, i) => ({ id, data: { id, i, data }, sortKey: awkward[awkward.length - 1 - i] })) },
      remove: {},
      rows: { entities: { append: [{ item: 'e,"1"', field: 'merges', rows: awkward.map((s) => ({ s })) }] } },
      state: [{ ns: 'n', put: [], putJson: awkward.map((k) => [k, JSON.stringify({ k, data })]) }],
      resolved: [r.id],
    });
    await store.applyResolution({ docs: [], replace: {}, upsert: { entities: [{ id: 'e,"1"', data: { id: 'e,"1"' } }] }, remove: {}, state: [], resolved: [] });
    expect(await store.getDoc(r.id)).toEqual(updated);
    expect(await store.readState('n', awkward)).toEqual(new Map(awkward.map((k) => [k, { k, data }])));
    const stories = await store.corpus<{ id: string; i: number; data: unknown }>('stories');
    expect(stories.map((s) => s.i)).toEqual([...stories.map((s) => s.i)].sort((a, b) => (awkward[awkward.length - 1 - a] < awkward[awkward.length - 1 - b] ? -1 : 1)));
    expect(new Map(stories.map((s) => [s.id, s]))).toEqual(new Map(awkward.map((id, i) => [id, { id, i, data }])));
    expect(await store.corpus('entities')).toEqual([{ id: 'e,"1"', mentions: [], merges: awkward.map((s) => ({ s })) }]);
    await store.close();
  });
});
