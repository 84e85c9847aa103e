/** Small helpers shared by the PostgreSQL store files: transactions with retry, lock keys, safe URLs. */
import type pg from 'pg';

/** Advisory lock keys ("parl" in ASCII, then a number per use), fixed so every process agrees. */
export const LOCK_MIGRATE = 0x7061726c01;
export const LOCK_RESOLVE = 0x7061726c02;

/** SQLSTATEs worth retrying: deadlock detected, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);
/** Retries of a transaction that lost a deadlock: each retry starts from scratch, so a few suffice. */
const DEFAULT_RETRIES = 5;

/**
 * Runs `fn` in a transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it
 * throws. A deadlock or serialization failure is retried up to `retries` times.
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, retries = DEFAULT_RETRIES): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      if (attempt < retries && RETRYABLE.has((err as { code?: string }).code ?? '')) continue;
      throw err;
    } finally {
      client.release();
    }
  }
}

/** The URL with any password replaced by `***`, for error messages. */
export function hidePassword(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@/]*@/, '$1:***@');
}
