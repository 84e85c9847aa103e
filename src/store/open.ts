import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { PostgresStore } from './postgres/postgres-store.js';

/**
 * Opens the store named by `--db`: a file path (SQLite, created if missing) or a `postgres://` URL
 * (PostgreSQL; the database must exist, its tables are created).
 */
export async function openStore(db: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(db)) return PostgresStore.open(db);
  return SqliteStore.open(db);
}
