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
