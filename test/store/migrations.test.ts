import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { openStore } from '../../src/store/open.js';
import { HAVE_PG, POSTGRES, SQLITE } from './backends.js';

describe('SQLite migrations', () => {
  it('migrates a new file to the latest schema version once', async () => {
    const path = await SQLITE.freshDb();
    await SqliteStore.open(path).close();
    await SqliteStore.open(path).close();
    const db = new Database(path);
    expect(db.prepare('SELECT version FROM schema_version').all()).toEqual(MIGRATIONS.map((_, i) => ({ version: i + 1 })));
    db.close();
  });

  it('refuses a database from a newer Parley', async () => {
    const path = await SQLITE.freshDb();
    const db = new Database(path);
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (999)');
    db.close();
    expect(() => SqliteStore.open(path)).toThrow(`database schema version 999 is newer than this Parley (${MIGRATIONS.length}); upgrade Parley`);
  });
});

describe('PostgreSQL migrations', () => {
  const test = it.skipIf(!HAVE_PG);

  test('migrate once, even when several processes open the database at the same moment', async () => {
    const url = await POSTGRES.freshDb();
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(url)));
    await Promise.all(stores.map((s) => s.close()));
    await (await openStore(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query('SELECT version FROM schema_version ORDER BY version')).rows).toEqual(
      PG_MIGRATIONS.map((_, i) => ({ version: i + 1 })),
    );
    await client.query('INSERT INTO schema_version VALUES (999)');
    await client.end();
    await expect(PostgresStore.open(url)).rejects.toThrow(
      `database schema version 999 is newer than this Parley (${PG_MIGRATIONS.length}); upgrade Parley`,
    );
  });

  it('names the URL, without its password, when the server cannot be reached', async () => {
    await expect(openStore('postgres://someone:secret@127.0.0.1:1/nowhere')).rejects.toThrow(
      /^--db postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere: cannot open the database \(ECONNREFUSED/,
    );
  });
});

describe('split rows over a database written before them', () => {
  const legacy = { id: 'ent-1', name: 'Orin Vell', roles: [], mentions: [{ doc: 'aa', start: 1, end: 5, text: 'Vell' }], merges: [{ reason: 'same surname', a: 'Vell', b: 'Orin Vell' }] };

  it('SQLite: an item that still holds its mentions is read as it was, and grows by rows after them', async () => {
    const path = await SQLITE.freshDb();
    const db = new Database(path);
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    MIGRATIONS.slice(0, -1).forEach((sql, v) => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_version VALUES (?)').run(v + 1);
    });
    db.prepare("INSERT INTO corpus_items (kind, seq, id, data, sort_key) VALUES ('entities', 0, 'ent-1', ?, '')").run(JSON.stringify(legacy));
    db.close();
    const store = SqliteStore.open(path);
    expect(await store.corpus('entities')).toEqual([legacy]);
    await store.applyResolution({ docs: [], replace: {}, upsert: {}, remove: {}, state: [], resolved: [], rows: { entities: { append: [{ item: 'ent-1', field: 'mentions', rows: [{ doc: 'aa', start: 0, end: 4, text: 'Orin' }] }] } } });
    expect(((await store.corpus('entities'))[0] as typeof legacy).mentions.map((m) => m.start)).toEqual([1, 0]);
    await store.close();
  });

  it.skipIf(!HAVE_PG)('PostgreSQL: the same', async () => {
    const url = await POSTGRES.freshDb();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    for (const [v, sql] of PG_MIGRATIONS.slice(0, -1).entries()) {
      await client.query(sql);
      await client.query('INSERT INTO schema_version VALUES ($1)', [v + 1]);
    }
    await client.query("INSERT INTO corpus_items (kind, seq, id, data, sort_key) VALUES ('entities', 0, 'ent-1', $1, '')", [JSON.stringify(legacy)]);
    await client.end();
    const store = await PostgresStore.open(url);
    expect(await store.corpus('entities')).toEqual([legacy]);
    await store.applyResolution({ docs: [], replace: {}, upsert: {}, remove: {}, state: [], resolved: [], rows: { entities: { append: [{ item: 'ent-1', field: 'mentions', rows: [{ doc: 'aa', start: 0, end: 4, text: 'Orin' }] }] } } });
    expect(((await store.corpus('entities'))[0] as typeof legacy).mentions.map((m) => m.start)).toEqual([1, 0]);
    await store.close();
  });
});
