import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { clean } from '../../src/clean/clean.js';
import type { NewsDoc } from '../../src/model/doc.js';
import { makeRaw, tempDir } from '../helpers.js';

const item = (origin: string, body: string) => {
  const raw = makeRaw(origin, body);
  return { raw, doc: clean(raw) as NewsDoc };
};

describe('SqliteStore', () => {
  it('stores new documents, records the same text from another origin as a duplicate, and skips unchanged origins', async () => {
    const store = SqliteStore.open(join(tempDir(), 'p.db'));
    const first = await store.putBatch([item('a.txt', 'Envoys met.'), item('b.txt', 'Envoys  met.')]);
    expect(first.map((r) => r.status)).toEqual(['new', 'duplicate']);
    expect(first[0].id).toBe(first[1].id);
    const again = await store.putBatch([item('a.txt', 'Envoys met.')]);
    expect(again.map((r) => r.status)).toEqual(['unchanged']);
    expect(await store.countDocs()).toBe(1);
    expect((await store.originals(first[0].id)).map((o) => [o.origin, new TextDecoder().decode(o.bytes)])).toEqual([
      ['a.txt', 'Envoys met.'],
      ['b.txt', 'Envoys  met.'],
    ]);
    await store.close();
  });

  it('finds a document by a unique id prefix, and not by an ambiguous or too short one', async () => {
    const store = SqliteStore.open(join(tempDir(), 'p.db'));
    const [r] = await store.putBatch([item('a.txt', 'Envoys met.')]);
    expect((await store.getDoc(r.id.slice(0, 6)))?.text).toBe('Envoys met.');
    expect(await store.getDoc(r.id.slice(0, 3))).toBeNull();
    expect(await store.getDoc('zzzz')).toBeNull();
    await store.close();
  });

  it('searches clean text with FTS5 and ignores query syntax', async () => {
    const store = SqliteStore.open(join(tempDir(), 'p.db'));
    await store.putBatch([item('a.txt', 'Envoys met in Kessel.'), item('b.txt', 'The ceasefire held.')]);
    const hits = await store.search('kessel AND "OR (');
    expect(hits).toEqual([]);
    expect((await store.search('Kessel')).map((h) => h.snippet)).toEqual(['Envoys met in [Kessel].']);
    await store.close();
  });

  it('migrates a new file to the latest schema version once', async () => {
    const path = join(tempDir(), 'p.db');
    (await SqliteStore.open(path)).close();
    (await SqliteStore.open(path)).close();
    const db = new Database(path);
    expect(db.prepare('SELECT version FROM schema_version').all()).toEqual(
      MIGRATIONS.map((_, i) => ({ version: i + 1 })),
    );
    db.close();
  });

  it('refuses a database from a newer Parley', () => {
    const path = join(tempDir(), 'p.db');
    const db = new Database(path);
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (999)');
    db.close();
    expect(() => SqliteStore.open(path)).toThrow(`database schema version 999 is newer than this Parley (${MIGRATIONS.length}); upgrade Parley`);
  });

  it('counts lines per outlet', async () => {
    const store = SqliteStore.open(join(tempDir(), 'p.db'));
    const a = item('a.txt', 'Share this\nEnvoys met.');
    const b = item('b.txt', 'Share this\nTalks failed.');
    await store.putBatch([
      { ...a, doc: { ...a.doc, outlet: 'Daily Kessel' } },
      { ...b, doc: { ...b.doc, outlet: 'Daily Kessel' } },
    ]);
    const { lineKey } = await import('../../src/model/id.js');
    const counts = await store.lineCounts('Daily Kessel', [lineKey('share this'), lineKey('Envoys met.')]);
    expect([...counts.values()]).toEqual([2, 1]);
    await store.close();
  });
});
