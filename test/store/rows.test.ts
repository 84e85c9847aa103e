/**
 * Split fields (`SPLIT_FIELDS`): an entity's mentions and merges stored as rows apart from the item,
 * grown through `ResolutionWrite.rows` (appends, moves), read whole by the export's readers and bare
 * by the resolver. Run against both backends, which must agree.
 */
import { describe, expect, it } from 'vitest';
import type { ResolutionWrite } from '../../src/store/store.js';
import { BACKENDS } from './backends.js';

const empty: ResolutionWrite = { docs: [], replace: {}, upsert: {}, remove: {}, state: [], resolved: [] };
const m = (doc: string, start: number, text = 'Vell') => ({ doc, start, end: start + text.length, text });
const merge = (a: string, b: string) => ({ reason: 'same surname', a, b });
/** An entity item as the resolver builds it (only the fields this test reads). */
const entity = (id: string, mentions: ReturnType<typeof m>[], merges: ReturnType<typeof merge>[] = []) => ({ id, name: id.toUpperCase(), roles: [], mentions, merges });

describe.each(BACKENDS)('$name store, split rows', (backend) => {
  const test = it.skipIf(!backend.available);

  test('a full write splits mentions and merges off; whole reads give them back in place and in order, bare reads without', async () => {
    const store = await backend.open(await backend.freshDb());
    // Mentions out of order on purpose: the store lists them by document, then offset (ties: as given).
    const a = entity('a', [m('bb', 5), m('aa', 40), m('aa', 7), m('bb', 5, 'Orin Vell')], [merge('Vell', 'Orin Vell'), merge('O. Vell', 'Orin Vell')]);
    await store.replaceCorpus('entities', [{ id: 'a', data: a, sortKey: '1' }, { id: 'b', data: entity('b', [m('cc', 1)]), sortKey: '2' }]);
    const whole = { ...a, mentions: [m('aa', 7), m('aa', 40), m('bb', 5), m('bb', 5, 'Orin Vell')] };
    expect(await store.corpus('entities')).toEqual([whole, entity('b', [m('cc', 1)])]);
    expect(JSON.stringify((await store.corpus('entities'))[0])).toBe(JSON.stringify(whole)); // same key order as written
    expect(await store.corpusItems('entities', ['a', 'zz'])).toEqual(new Map([['a', whole]]));
    expect(await store.corpusItems('entities', ['a', 'b'], { rows: false })).toEqual(
      new Map([
        ['a', { id: 'a', name: 'A', roles: [] }],
        ['b', { id: 'b', name: 'B', roles: [] }],
      ]),
    );
    // Kinds that are not split keep their data whole.
    await store.replaceCorpus('stories', [{ id: 's', data: { id: 's', mentions: [3, 1] } }]);
    expect(await store.corpusItems('stories', ['s'], { rows: false })).toEqual(new Map([['s', { id: 's', mentions: [3, 1] }]]));
    await store.close();
  });

  test('appends land in order among the rows held; a move hands every row over after the taker\'s own; a removed item drops the rest', async () => {
    const store = await backend.open(await backend.freshDb());
    await store.replaceCorpus('entities', [
      { id: 'a', data: entity('a', [m('bb', 1), m('dd', 1)], [merge('x', 'y')]) },
      { id: 'b', data: entity('b', [m('cc', 2), m('bb', 1, 'V.')], [merge('p', 'q')]) },
      { id: 'c', data: entity('c', [m('ee', 3)], [merge('r', 's')]) },
    ]);
    await store.applyResolution({
      ...empty,
      // The item itself is upserted bare: its rows stay as they are.
      upsert: { entities: [{ id: 'a', data: { id: 'a', name: 'A2', roles: [] } }] },
      remove: { entities: ['b', 'c'] },
      rows: {
        entities: {
          move: [{ from: 'b', to: 'a' }],
          append: [
            { item: 'a', field: 'mentions', rows: [m('cc', 0), m('bb', 1, 'Vell!'), m('aa', 9)] },
            { item: 'a', field: 'merges', rows: [merge('t', 'u')] },
          ],
        },
      },
    });
    const [a] = (await store.corpus('entities')) as ReturnType<typeof entity>[];
    expect(a).toEqual({
      id: 'a',
      name: 'A2',
      roles: [],
      // ties on (document, offset): the taker's own, then the moved ones, then the appended ones
      mentions: [m('aa', 9), m('bb', 1), m('bb', 1, 'V.'), m('bb', 1, 'Vell!'), m('cc', 0), m('cc', 2), m('dd', 1)],
      merges: [merge('x', 'y'), merge('p', 'q'), merge('t', 'u')],
    });
    expect((await store.corpus('entities')).length).toBe(1); // c and its rows are gone
    // A removed item's id used again starts with no rows.
    await store.applyResolution({ ...empty, upsert: { entities: [{ id: 'c', data: { id: 'c', name: 'C', roles: [] } }] } });
    expect(await store.corpusItems('entities', ['c'])).toEqual(new Map([['c', { id: 'c', name: 'C', roles: [], mentions: [], merges: [] }]]));
    // Moving again after later appends still puts the moved rows last among ties.
    await store.applyResolution({ ...empty, rows: { entities: { append: [{ item: 'c', field: 'mentions', rows: [m('aa', 9, 'X')] }] } } });
    await store.applyResolution({ ...empty, remove: { entities: ['a'] }, rows: { entities: { move: [{ from: 'a', to: 'c' }] } } });
    const c = (await store.corpusItems('entities', ['c'])).get('c') as ReturnType<typeof entity>;
    expect(c.mentions.slice(0, 3)).toEqual([m('aa', 9, 'X'), m('aa', 9), m('bb', 1)]);
    expect(c.merges).toEqual([merge('x', 'y'), merge('p', 'q'), merge('t', 'u')]);
    await store.close();
  });

  test('an item passed along by a hundred moves, each to an item with an old row of its own, keeps every row in order', async () => {
    // Each taker holds a row older than everything moved into it, so the mover spans the whole table:
    // positions shifted by one offset per move doubled each time (past 2^53 in SQLite after ~50 moves).
    const store = await backend.open(await backend.freshDb());
    const ids = Array.from({ length: 101 }, (_, i) => `e${i}`);
    await store.replaceCorpus('entities', ids.map((id) => ({ id, data: entity(id, [], [merge(id, 'own')]) })));
    for (let i = 1; i < ids.length; i++) {
      await store.applyResolution({ ...empty, remove: { entities: [ids[i - 1]] }, rows: { entities: { move: [{ from: ids[i - 1], to: ids[i] }] } } });
    }
    const [last] = (await store.corpus('entities')) as ReturnType<typeof entity>[];
    expect(last.merges).toEqual([...ids].reverse().map((id) => merge(id, 'own'))); // each taker's own row, then what it was handed
    await store.close();
  });

  test('an upsert that holds a split field replaces that field\'s rows; appending to a field that is not split is refused', async () => {
    const store = await backend.open(await backend.freshDb());
    await store.replaceCorpus('entities', [{ id: 'a', data: entity('a', [m('bb', 1), m('aa', 1)], [merge('x', 'y')]) }]);
    await store.applyResolution({ ...empty, upsert: { entities: [{ id: 'a', data: { id: 'a', mentions: [m('zz', 4)] } }] } });
    expect(await store.corpus('entities')).toEqual([{ id: 'a', mentions: [m('zz', 4)], merges: [merge('x', 'y')] }]);
    await expect(store.applyResolution({ ...empty, rows: { entities: { append: [{ item: 'a', field: 'roles', rows: [1] }] } } })).rejects.toThrow(
      'corpus entities: field roles is not stored as rows (see SPLIT_FIELDS)',
    );
    await expect(store.applyResolution({ ...empty, rows: { stories: { append: [{ item: 'a', field: 'mentions', rows: [1] }] } } })).rejects.toThrow(
      'corpus stories: field mentions is not stored as rows (see SPLIT_FIELDS)',
    );
    expect(await store.corpus('entities')).toEqual([{ id: 'a', mentions: [m('zz', 4)], merges: [merge('x', 'y')] }]);
    // A full write replaces every row of the kind.
    await store.replaceCorpus('entities', [{ id: 'b', data: entity('b', [m('cc', 1)]) }]);
    await store.replaceCorpus('entities', [{ id: 'a', data: entity('a', []) }]);
    expect(await store.corpus('entities')).toEqual([entity('a', [])]);
    await store.close();
  });
});
