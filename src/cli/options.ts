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
