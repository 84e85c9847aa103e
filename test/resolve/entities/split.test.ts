/**
 * Entities whose mentions are stored apart (`SPLIT_FIELDS`): an incremental step names and counts an
 * entity from its tally (`tally.ts`) exactly as `finishEntity` does from every mention; a database
 * written before mentions were split (items holding their mentions, entity state without tallies)
 * goes on incrementally to the very entities a database written split reaches.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../../src/context.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { entityFields, entityResolver, finishEntity } from '../../../src/resolve/entities/resolver.js';
import { grown, tallyOf } from '../../../src/resolve/entities/tally.js';
import type { Entity, EntityMention } from '../../../src/resolve/entities/types.js';
import { resolveCorpus } from '../../../src/resolve/resolve.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { makeRaw, tempDir } from '../../helpers.js';
import { contextFor, corpusDocs, FIXTURES } from './helpers.js';

const ctx = contextFor('none');
const m = (doc: string, start: number, text: string, implied?: boolean): EntityMention => ({ doc, start, end: start + text.length, text, ...(implied ? { implied } : {}) });
const order = (a: EntityMention, b: EntityMention) => a.doc.localeCompare(b.doc) || a.start - b.start;

describe('tally', () => {
  // Two stored entities (mentions in the store's order) and new mentions (in publication order).
  const keep = [m('0a', 3, 'Vell'), m('0a', 9, 'Orin Vell'), m('1c', 0, 'Vell'), m('2f', 4, 'the minister', true)].sort(order);
  const gone = [m('0b', 1, 'O. Vell'), m('3d', 2, 'Orin Vell')].sort(order);
  const more = [m('09', 5, 'Orin Vell'), m('00', 7, 'the minister', true), m('ff', 1, 'O. Vell'), m('00', 2, 'O. Vell')];

  it('gives the aliases (counts, order of ties) and name that finishEntity gives from every mention, and the tally of what it becomes', () => {
    const whole = finishEntity({ pack: null, type: 'person', mentions: [...keep, ...gone, ...more], roles: [], merges: [], prefer: 'Vell', stored: keep.length }, ctx);
    const g = grown([tallyOf(keep), tallyOf(gone)], more);
    const { mentions, merges, ...bare } = whole;
    expect(entityFields({ pack: null, type: 'person', roles: [], prefer: 'Vell' }, g.aliases, g.firstText, ctx)).toEqual(bare);
    expect(g.aliases).toEqual([
      { text: 'Orin Vell', count: 3 },
      { text: 'O. Vell', count: 3 },
      { text: 'Vell', count: 2 },
    ]);
    expect(g.tally).toEqual(tallyOf(mentions));
    expect(g.tally).toEqual({ n: 10, first: [`00\u0001${'2'.padStart(10, '0')}`, 'O. Vell'], spellings: [['O. Vell', 3, `00\u0001${'2'.padStart(10, '0')}`], ['Orin Vell', 3, `09\u0001${'5'.padStart(10, '0')}`], ['Vell', 2, `0a\u0001${'3'.padStart(10, '0')}`]] });
  });

  it('names an entity of bare titles only after its first mention, as finishEntity does', () => {
    const titles = [m('0a', 3, 'the envoy', true), m('0b', 3, 'the Envoy', true)];
    const g = grown([tallyOf(titles.slice(1))], titles.slice(0, 1));
    expect(g.aliases).toEqual([]);
    expect(entityFields({ pack: null, type: 'person', roles: [] }, g.aliases, g.firstText, ctx).name).toBe(finishEntity({ pack: null, type: 'person', mentions: [titles[1], titles[0]], roles: [], merges: [] }, ctx).name);
    expect(g.tally.first[1]).toBe('the envoy');
  });
});

/** Stores and resolves `docs` one at a time (each resolution past the first incremental). */
async function oneByOne(store: SqliteStore, docs: NewsDoc[], base: Context) {
  const at = { ...base, options: { ...base.options, incrementalFrom: 1 } };
  for (const doc of docs) {
    await store.putBatch([{ doc, raw: makeRaw(`${doc.id}.txt`, doc.text) }]);
    await resolveCorpus(store, at, [entityResolver]);
  }
}

describe('a database written before mentions were stored apart', () => {
  it('goes on incrementally to exactly the entities of one written split all along', async () => {
    const corpus = JSON.parse(readFileSync(join(FIXTURES, 'spellings', 'corpus.json'), 'utf8'));
    const docs = corpusDocs(corpus.docs, ctx);
    const half = Math.ceil(docs.length / 2);
    const split = SqliteStore.open(join(tempDir(), 'split.sqlite'));
    await oneByOne(split, docs, ctx);
    const expected = await split.corpus<Entity>('entities');
    await split.close();

    // The older layout: each item holds its mentions and merges; entity state has no tallies.
    const path = join(tempDir(), 'legacy.sqlite');
    const legacy = SqliteStore.open(path);
    await oneByOne(legacy, docs.slice(0, half), ctx);
    const before = await legacy.corpus<Entity>('entities');
    await legacy.close();
    const db = new Database(path);
    for (const e of before) db.prepare("UPDATE corpus_items SET data = ? WHERE kind = 'entities' AND id = ?").run(JSON.stringify(e), e.id);
    db.exec("DELETE FROM corpus_rows WHERE kind = 'entities'");
    const tallies = db.prepare("SELECT value FROM resolver_state WHERE ns = 'entities' AND key LIKE 't:%'").all() as { value: string }[];
    expect(tallies.length).toBeGreaterThan(0);
    expect(tallies.every(({ value }) => JSON.parse(value).n > 0)).toBe(true);
    db.prepare("DELETE FROM resolver_state WHERE ns = 'entities' AND key LIKE 't:%'").run();
    db.close();

    const reopened = SqliteStore.open(path);
    expect(await reopened.corpus<Entity>('entities')).toEqual(before);
    await oneByOne(reopened, docs.slice(half), ctx);
    const after = await reopened.corpus<Entity>('entities');
    expect(after).toEqual(expected);
    expect(after.some((e, i) => e.mentions.length > before[i]?.mentions.length)).toBe(true);
    await reopened.close();
  });
});
