/**
 * Late typing of waiting names (`typeAgain`): a name no type fitted keeps, when it is filed, what
 * typing it needs of its document (`waitAll`), so a later step that learns its spelling's type types it
 * without loading the document — the very group the document would give — and loads a document only
 * when typing one of its names still reads it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewsDoc } from '../../../src/model/doc.js';
import { canonicalKey } from '../../../src/resolve/entities/keys.js';
import { typeAgain, waitAll, waitingState, type Waiting } from '../../../src/resolve/entities/incremental-waiting.js';
import { singleGroup, type LocalGroup } from '../../../src/resolve/entities/local.js';
import { entityResolver } from '../../../src/resolve/entities/resolver.js';
import type { Entity } from '../../../src/resolve/entities/types.js';
import { resolveCorpus, type IncrementalInput, type Resolver } from '../../../src/resolve/resolve.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { makeRaw, tempDir } from '../../helpers.js';
import { contextFor, docWith } from './helpers.js';

/** A resolver state and document set in memory; `loaded` lists the documents read. */
function memory(docs: NewsDoc[], waiting: Map<string, Waiting[]>) {
  const map = new Map<string, unknown>(waitingState(waiting));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const loaded: string[] = [];
  const input = {
    state: async (keys: string[]) => new Map(keys.filter((k) => map.has(k)).map((k) => [k, map.get(k)])),
    docs: { load: async (ids: Iterable<string>) => void loaded.push(...ids), get: (id: string) => byId.get(id) },
  } as unknown as IncrementalInput;
  return { input, loaded };
}

/** What merging and naming read of a group. */
const seen = (g: LocalGroup) => ({ doc: g.doc.id, type: g.type, name: g.name, parts: g.parts, pack: g.pack, keys: [...g.keys], spans: g.mentions.map((m) => m.span), merges: g.merges });

describe('late typing of waiting names', () => {
  const a = docWith('Talvik was quiet on Monday. Jordan said nothing.', [['Talvik', 'other'], ['Jordan', 'other']]);
  const untyped = (d: NewsDoc) => (d.layers.mentions ?? []).filter((m) => m.type === 'other');

  it('files a name with its place, text and what its document says of its type', () => {
    const twice = docWith('Jordan met Jordan officials and Jordan.', [['Jordan', 'person'], ['Jordan', 'place'], ['Jordan', 'other']]);
    const cued = docWith('Minister Brask spoke.', [['Brask', 'other']]);
    cued.layers.mentions![0].title = { title: 'Minister', of: null, span: { start: 0, end: 8 } };
    const into = new Map<string, Waiting[]>();
    for (const d of [a, twice, cued]) waitAll(into, d, untyped(d));
    expect(into.get(`place|${canonicalKey('place', 'Talvik')}`)).toEqual([[a.id, 0, 6, 0, 'Talvik', 0, 0]]);
    expect(into.get(`person|${canonicalKey('person', 'Jordan')}`)).toEqual([[a.id, 28, 34, 1, 'Jordan', 0, 0], [twice.id, 32, 38, 2, 'Jordan', 1, 0]]); // typed two ways in its document: never typed
    expect(into.get(`organization|${canonicalKey('organization', 'Brask')}`)).toEqual([[cued.id, 9, 14, 0, 'Brask', 0, 1]]); // a title cue: its group reads the document
  });

  it('types a waiting name without loading its document, as its document would type it', async () => {
    const into = new Map<string, Waiting[]>();
    waitAll(into, a, untyped(a));
    const { input, loaded } = memory([a], into);
    const state: [string, unknown][] = [];
    const groups = await typeAgain(input, ['place|talvik'], new Set(['place|talvik']), state);
    expect(loaded).toEqual([]);
    expect(groups.map(seen)).toEqual([seen(singleGroup(a, a.layers.mentions![0], 'place'))]);
    expect(groups[0].text).toBe('Talvik');
    expect(state.map(([k, v]) => [k, v])).toEqual([['uw:place|talvik#0', null], ['un:place|talvik', null]]);
  });

  it('loads the document of a name whose typing reads it (negative case: the fast path is not taken)', async () => {
    const cued = docWith('Minister Brask spoke.', [['Brask', 'other']]);
    const cue = { title: 'Minister', of: null, span: { start: 0, end: 8 } };
    cued.layers.mentions![0].title = cue;
    const into = new Map<string, Waiting[]>();
    waitAll(into, cued, untyped(cued));
    const { input, loaded } = memory([cued], into);
    const groups = await typeAgain(input, ['person|brask'], new Set(['person|brask']), []);
    expect(loaded).toEqual([cued.id]);
    expect(groups.map((g) => [g.doc, g.mentions[0].title, g.text])).toEqual([[cued, cue, undefined]]);
  });

  it('in a run, types an older document\'s name without loading it into the entity of its spelling', async () => {
    const ctx = contextFor('none');
    const docs = [
      docWith('Talvik was quiet on Monday.', [['Talvik', 'other']], '2031-01-02'),
      docWith('Shelling hit Talvik overnight.', [['Talvik', 'place']], '2031-01-03'),
    ];
    const store = SqliteStore.open(join(tempDir(), 'parley.sqlite'));
    const loads: string[][] = [];
    const counted: Resolver = {
      ...entityResolver,
      incremental: {
        ...entityResolver.incremental!,
        add: (input, corpus, x) => entityResolver.incremental!.add({ ...input, docs: Object.assign(Object.create(input.docs), { load: (ids: Iterable<string>) => (loads.push([...ids]), input.docs.load(ids)) }) }, corpus, x),
      },
    };
    for (const doc of docs) {
      await store.putBatch([{ doc, raw: makeRaw(`${doc.id}.txt`, doc.text) }]);
      await resolveCorpus(store, { ...ctx, options: { ...ctx.options, incrementalFrom: 1 } }, [counted]);
    }
    expect(loads).toEqual([]);
    const entities = await store.corpus<Entity>('entities');
    expect(entities.map((e) => [e.name, e.type, e.mentions.map((m) => [m.doc, m.start, m.text])])).toEqual([['Talvik', 'place', [[docs[0].id, 0, 'Talvik'], [docs[1].id, 13, 'Talvik']].sort()]]);
    await store.close();
  });
});
