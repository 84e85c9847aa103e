/**
 * The two store backends for tests. PostgreSQL tests need `PARLEY_TEST_PG` (a URL whose role may
 * create databases; `.ci/run` sets it up); each test gets its own fresh database, dropped at exit.
 * When the variable is unset or the server unreachable, those tests skip and say why, once.
 */
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { tempDir } from '../helpers.js';
import { dropDatabase } from './drop-database.js';

const PG_URL = process.env.PARLEY_TEST_PG;

async function probe(): Promise<string | null> {
  if (!PG_URL) return 'PARLEY_TEST_PG is not set';
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (err) {
    return `PARLEY_TEST_PG is unreachable (${(err as Error).message})`;
  }
}

const whyNot = await probe();
/** True when PostgreSQL tests can run. */
export const HAVE_PG = whyNot === null;
if (!HAVE_PG) console.warn(`PostgreSQL tests skipped: ${whyNot} (start PostgreSQL 15 and export PARLEY_TEST_PG=postgres://…; see .ci/run)`);

const created: string[] = [];

/** A URL naming a new, empty PostgreSQL database. */
export async function freshPgUrl(): Promise<string> {
  const name = `parley_t_${process.pid}_${created.length}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  created.push(name);
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  if (created.length === 0) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  for (const name of created.splice(0)) await dropDatabase(client, name);
  await client.end();
});

/** A backend: how to name a fresh database of it, and open it. */
export interface Backend {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** A `--db` value for a new, empty database. */
  freshDb(): Promise<string>;
  open(db: string): Promise<Store>;
}

export const SQLITE: Backend = {
  name: 'sqlite',
  available: true,
  freshDb: async () => join(tempDir(), 'p.db'),
  open: async (db) => SqliteStore.open(db),
};

export const POSTGRES: Backend = {
  name: 'postgres',
  available: HAVE_PG,
  freshDb: freshPgUrl,
  open: (db) => PostgresStore.open(db),
};

export const BACKENDS: Backend[] = [SQLITE, POSTGRES];
