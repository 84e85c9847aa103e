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

/** OIDs of PostgreSQL's `text` and `bytea` types, the element types of `textArray` and `byteaArray`. */
const TEXT_OID = 25;
const BYTEA_OID = 17;

/**
 * A `text[]` parameter in PostgreSQL's binary array format (what `array_recv` reads: dimensions, then
 * each element's length and bytes), for a statement that casts it `$n::text[]`. `pg` sends a Buffer
 * as it is, so a chunk of rows costs one buffer outside the JS heap; given a JS array instead, `pg`
 * builds the array literal as JS strings (each element escaped twice, then all of them joined),
 * garbage of about three times the chunk's text on the heap: writing a full resolution of 1,000
 * documents (80 MB of JSON) took the main heap from 185 to 757 MB (live: 221) and 5.0 s of CPU; this
 * way 252 MB and 0.9 s. Each element's bytes are what the text format sends (UTF-8, as `Buffer`
 * encodes it).
 */
export function textArray(values: readonly (string | null | undefined)[]): Buffer {
  return binaryArray(TEXT_OID, values, (v) => Buffer.byteLength(v, 'utf8'), (buf, v, at, n) => buf.write(v, at, n, 'utf8'));
}

/** A `bytea[]` parameter in binary array format (see `textArray`): the bytes as they are, where `pg` would send each as hex text. */
export function byteaArray(values: readonly Uint8Array[]): Buffer {
  return binaryArray(BYTEA_OID, values, (v) => v.byteLength, (buf, v, at) => buf.set(v, at));
}

/** `values` in binary array format with element type `oid`; null and undefined are NULL, as `pg` sends them. */
function binaryArray<T>(oid: number, values: readonly (T | null | undefined)[], size: (v: T) => number, put: (buf: Buffer, v: T, at: number, n: number) => void): Buffer {
  const head = values.length === 0 ? 12 : 20;
  const lengths = values.map((v) => (v === null || v === undefined ? -1 : size(v)));
  const buf = Buffer.allocUnsafe(lengths.reduce((sum, n) => sum + 4 + Math.max(n, 0), head));
  buf.writeInt32BE(values.length === 0 ? 0 : 1, 0); // dimensions
  buf.writeInt32BE(lengths.includes(-1) ? 1 : 0, 4); // has nulls
  buf.writeUInt32BE(oid, 8);
  if (values.length > 0) {
    buf.writeInt32BE(values.length, 12);
    buf.writeInt32BE(1, 16); // lower bound
  }
  let at = head;
  values.forEach((v, i) => {
    buf.writeInt32BE(lengths[i], at);
    at += 4;
    if (lengths[i] >= 0) put(buf, v as T, at, lengths[i]);
    at += Math.max(lengths[i], 0);
  });
  return buf;
}
