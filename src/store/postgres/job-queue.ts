/**
 * The job queue in PostgreSQL: `jobs` holds each raw article (so any machine can process it) with its
 * read order. A worker claims jobs with `FOR UPDATE SKIP LOCKED` and keeps the row locks while it
 * works; storing the documents and deleting the jobs commit together. A worker killed mid-batch loses
 * its connection, its transaction rolls back, and the jobs are claimable again: nothing is lost and
 * nothing is stored twice. Rejected articles stay as `state = 'rejected'` with their reason.
 */
import type pg from 'pg';
import type { RawArticle } from '../../model/doc.js';
import { bytesHash } from '../../model/id.js';
import type { JobQueue, QueuedArticle } from '../store.js';
import { inTransaction } from './pg-util.js';
import { writeBatch } from './write-batch.js';

/** The stored form of a queued article, without its bytes (kept in a `bytea` column). */
interface StoredArticle extends Omit<RawArticle, 'bytes'> {
  referenceDate: string;
}

/** Queues the articles in order, each with the next read-order number; returns how many were new. */
export async function enqueueJobs(pool: pg.Pool, items: QueuedArticle[]): Promise<number> {
  if (items.length === 0) return 0;
  const articles = items.map(({ raw, referenceDate }): StoredArticle => {
    const { bytes: _bytes, ...rest } = raw;
    return { ...rest, referenceDate };
  });
  const { rowCount } = await pool.query(
    `INSERT INTO jobs (ord, origin, bytes_hash, article, bytes)
     SELECT nextval('ingest_order'), origin, bytes_hash, article, bytes
     FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[]) WITH ORDINALITY AS u(origin, bytes_hash, article, bytes, n)
     ON CONFLICT (origin, bytes_hash) DO NOTHING`,
    [
      items.map((i) => i.raw.origin),
      items.map((i) => bytesHash(i.raw.bytes)),
      articles.map((a) => JSON.stringify(a)),
      items.map((i) => Buffer.from(i.raw.bytes)),
    ],
  );
  return rowCount ?? 0;
}

/** See `JobQueue.processJobs`. */
export async function processJobs(pool: pg.Pool, limit: number, work: Parameters<JobQueue['processJobs']>[1]) {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ ord: string; article: string; bytes: Buffer }>(
      `SELECT ord, article, bytes FROM jobs WHERE state = 'pending' ORDER BY ord LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    if (rows.length === 0) return { claimed: 0, results: [], rejected: [] };
    const jobs = rows.map((r) => {
      const { referenceDate, ...raw } = JSON.parse(r.article) as StoredArticle;
      return { ord: Number(r.ord), referenceDate, raw: { ...raw, bytes: new Uint8Array(r.bytes) } };
    });
    const outcomes = await work(jobs.map(({ raw, referenceDate }) => ({ raw, referenceDate })));
    if (outcomes.length !== jobs.length) throw new Error(`worker returned ${outcomes.length} outcomes for ${jobs.length} jobs`);
    const items = [];
    const rejected: { ord: number; skipped: string; reason: string }[] = [];
    for (let i = 0; i < jobs.length; i++) {
      const o = outcomes[i];
      if ('doc' in o) items.push({ doc: o.doc, raw: o.raw, ord: jobs[i].ord });
      else rejected.push({ ord: jobs[i].ord, skipped: o.skipped, reason: o.reason });
    }
    const results = await writeBatch(client, items);
    await client.query('DELETE FROM jobs WHERE ord = ANY($1)', [items.map((i) => i.ord)]);
    if (rejected.length > 0) {
      await client.query(
        `UPDATE jobs j SET state = 'rejected', reason = u.reason FROM unnest($1::bigint[], $2::text[]) AS u(ord, reason) WHERE j.ord = u.ord`,
        [rejected.map((r) => r.ord), rejected.map((r) => r.reason)],
      );
    }
    return { claimed: jobs.length, results, rejected: rejected.map(({ skipped, reason }) => ({ skipped, reason })) };
  });
}

/** Jobs still waiting (rejected ones excluded). */
export async function pendingJobs(pool: pg.Pool): Promise<number> {
  return (await pool.query("SELECT count(*)::int AS n FROM jobs WHERE state = 'pending'")).rows[0].n;
}
