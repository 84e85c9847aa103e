import { existsSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { CliError, EXIT } from './exit-codes.js';

export const DEFAULT_DB = 'parley.db';

/** Parses a positive whole number option, or fails with a usage error naming the value. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`);
  return n;
}

/** Opens the store, turning failure into a fatal one-line error. */
export async function storeFor(db: string): Promise<Store> {
  try {
    return await openStore(db);
  } catch (err) {
    throw new CliError((err as Error).message, EXIT.FATAL);
  }
}

/**
 * Runs `fn` with an existing store named by `--db` open, and closes the store whatever happens. For
 * commands that only read: a mistyped path is an error, not a new empty database.
 */
export async function withStore<T>(db: string, fn: (store: Store) => Promise<T>): Promise<T> {
  if (!/^postgres(ql)?:\/\//.test(db) && !existsSync(db)) {
    throw new CliError(`--db ${db}: no database there; create one with parley ingest`, EXIT.NOT_FOUND);
  }
  const store = await storeFor(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Runs `fn`, turning what it throws (a bad option value found late, an unknown pack) into a usage error. */
export function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new CliError((err as Error).message, EXIT.USAGE);
  }
}

/** The one place the CLI reads the clock: the reference date passed to stages through the context. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
