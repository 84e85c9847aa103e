/**
 * Redirects of merged-away entities (`incremental-redirects.ts`): a merge of two stored entities writes
 * the redirect and not the look-ups of the documents the one folded away was in; readers (`EntityView`,
 * and events through it) follow it to the entity that kept its id; the filter of merged-away ids misses
 * none and flags few others.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewsDoc } from '../../../src/model/doc.js';
import { entityResolver } from '../../../src/resolve/entities/resolver.js';
import type { Entity } from '../../../src/resolve/entities/types.js';
import { resolveCorpus, type IncrementalInput, type Resolver } from '../../../src/resolve/resolve.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { EntityView } from '../../../src/resolve/entities/entity-view.js';
import { addMerged, FIRST_SEGMENT, Redirects } from '../../../src/resolve/entities/incremental-redirects.js';
import { makeRaw, tempDir } from '../../helpers.js';
import { contextFor, docWith } from './helpers.js';

const ctx = contextFor('none');

/** A state namespace in memory, read as a resolver reads its state. */
function memoryState(entries: [string, unknown][] = []) {
  const state = new Map(entries);
  const read = async (keys: string[]) => new Map(keys.flatMap((k): [string, unknown][] => (state.has(k) ? [[k, state.get(k)]] : [])));
  const put = (out: [string, unknown][]) => out.forEach(([k, v]) => state.set(k, v));
  return { state, read, put };
}

describe('the filter of merged-away ids', () => {
  it('holds every id added, over several segments, and flags few others', async () => {
    const { read, put, state } = memoryState();
    const merged = Array.from({ length: 3 * FIRST_SEGMENT + 10 }, (_, i) => `ent-merged-${i}`);
    for (let i = 0; i < merged.length; i += 500) put(await addMerged(read, merged.slice(i, i + 500)));
    expect(state.get('rf:')).toEqual([FIRST_SEGMENT, 2 * FIRST_SEGMENT, 10]);
    for (const id of merged) put([[`r:${id}`, ['ent-kept', null]]]);
    const redirects = new Redirects(read);
    const others = Array.from({ length: 20_000 }, (_, i) => `ent-alive-${i}`);
    let asked = 0;
    const counting = new Redirects(async (keys) => ((asked += keys.filter((k) => k.startsWith('r:')).length), read(keys)));
    await counting.resolve(others);
    expect(asked).toBeLessThan(others.length / 500);
    await redirects.resolve(merged);
    expect(merged.every((id) => redirects.final(id)?.[0] === 'ent-kept')).toBe(true);
  });

  it('follows a chain of redirects to its end, with the pack of the last', async () => {
    const { read, put } = memoryState([
      ['r:a', ['b', null]],
      ['r:b', ['c', 'pack-c']],
    ]);
    put(await addMerged(read, ['a', 'b']));
    const redirects = new Redirects(read);
    await redirects.resolve(['a', 'x']);
    expect(redirects.entries([[0, 4, 'a', null], [5, 9, 'x', null]])).toEqual([[0, 4, 'c', 'pack-c'], [5, 9, 'x', null]]);
  });
});

describe('a merge of stored entities', () => {
  // "KR" and "Kessland Railways" are two organisations until a document spells one as the other.
  const docs = [
    docWith('KR cut services in Arbor.', [['KR', 'organization'], ['Arbor', 'place']], '2031-01-02'),
    docWith('KR raised fares again.', [['KR', 'organization']], '2031-01-03'),
    docWith('Kessland Railways hired drivers.', [['Kessland Railways', 'organization']], '2031-01-04'),
    docWith('Kessland Railways (KR) said the strike was over.', [['Kessland Railways', 'organization'], ['KR', 'organization']], '2031-01-05'),
  ];

  it('writes the redirect, not the look-ups of the documents of the entity folded away, which readers follow', async () => {
    const store = SqliteStore.open(join(tempDir(), 'parley.sqlite'));
    const c = { ...ctx, options: { ...ctx.options, incrementalFrom: 1 } };
    const written: string[] = [];
    let view: EntityView | undefined;
    const recorded: Resolver = {
      ...entityResolver,
      incremental: {
        state: entityResolver.incremental!.state,
        add: async (input, corpus, x) => {
          const out = await entityResolver.incremental!.add(input, corpus, x);
          written.splice(0, written.length, ...out.state.map(([k]) => k));
          return out;
        },
      },
    };
    // A reader after the entities resolver: the look-ups of every document as it sees them.
    const reader: Resolver = {
      name: 'reader',
      requires: ['entities'],
      run: () => ({}),
      incremental: {
        state: () => [],
        add: async (input: IncrementalInput) => {
          view = new EntityView(input);
          await view.load(docs.map((d) => d.id));
          return { state: [] };
        },
      },
    } as unknown as Resolver;
    for (const doc of docs) {
      await store.putBatch([{ doc, raw: makeRaw(`${doc.id}.txt`, doc.text) }]);
      await resolveCorpus(store, c, [recorded, reader]);
    }
    const orgs = (await store.corpus<Entity>('entities')).filter((e) => e.type === 'organization');
    expect(orgs.map((e) => [e.name, e.mentions.length])).toEqual([['Kessland Railways', 5]]);
    const kept = orgs[0].id;
    const merged = written.find((k) => k.startsWith('r:'))!.slice(2);
    expect(merged).not.toBe(kept);
    // Only the new document's look-ups were written; the older ones still name the merged-away id.
    expect(written.filter((k) => k.startsWith('d:'))).toEqual([`d:${docs[3].id}`]);
    const stored = await store.readState('entities', docs.map((d) => `d:${d.id}`));
    const org = (d: NewsDoc) => (stored.get(`d:${d.id}`) as [number, number, string][]).filter((e) => d.text.slice(e[0], e[1]) !== 'Arbor');
    expect(docs.map((d) => org(d).map((e) => e[2]))).toEqual([[kept], [kept], [merged], [kept, kept]]);
    // A reader sees the entity that kept its id.
    expect(docs.map((d) => org(d).map(([start, end]) => view!.lookup.at(d.id, { start, end })?.id))).toEqual([[kept], [kept], [kept], [kept, kept]]);
    await store.close();
  });
});
