import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

/**
 * Opens the store named by `--db`: a file path (SQLite, created if missing) or, once that backend
 * exists, a `postgres://` URL.
 */
export async function openStore(db: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(db)) {
    throw new Error(`--db ${db}: the PostgreSQL backend is not available in this version; use a SQLite file path`);
  }
  return SqliteStore.open(db);
}
