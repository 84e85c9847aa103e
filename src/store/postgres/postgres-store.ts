/**
 * The scale-out store: PostgreSQL through `pg`, with the same behaviour as the SQLite store (the store
 * test suite runs against both) plus the job queue workers share (`job-queue.ts`). Each batch is one
 * transaction; a transaction that loses a deadlock or serialization race is retried.
 */
import pg from 'pg';
import type { NewsDoc, RawArticle } from '../../model/doc.js';
import { bytesHash } from '../../model/id.js';
import { groupRows, joinItem, rowSort, SPLIT_FIELDS, splitItem } from '../split.js';
import { assertDistinctIds, stateEntries, type CorpusItem, type CorpusKind, type ResolutionWrite, type DocSummary, type JobQueue, type Original, type PutResult, type SearchHit, type Store } from '../store.js';
import { FTS_CHARS, PG_MIGRATIONS } from './migrations.js';
import { writeBatch } from './write-batch.js';
import { enqueueJobs, pendingJobs, processJobs } from './job-queue.js';
import { hidePassword, inTransaction, LOCK_MIGRATE, LOCK_RESOLVE, textArray } from './pg-util.js';

/** Rows read per round trip when streaming every document: large enough to amortise latency, small enough for memory. */
const PAGE = 500;
/** Connections per process: one holding the resolver lease, one in a job transaction, the rest for reads. */
const POOL_SIZE = 5;
/** Texts this short are shown whole in search snippets, as SQLite's FTS5 does (fragment mode would drop the final punctuation). */
const SHORT_TEXT = 120;

export class PostgresStore implements Store, JobQueue {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connects, and brings the schema up to date; fails with one line naming the URL (password hidden). */
  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
    pool.on('error', () => {}); // an idle connection dropped by the server is replaced on next use
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end().catch(() => {});
      if ((err as Error).message.startsWith('database schema version')) throw err;
      const e = err as NodeJS.ErrnoException;
      throw new Error(`--db ${hidePassword(url)}: cannot open the database (${e.code ? e.code + ': ' : ''}${e.message})`);
    }
    return new PostgresStore(pool);
  }

  async putBatch(items: { doc: NewsDoc; raw: RawArticle }[]): Promise<PutResult[]> {
    return inTransaction(this.pool, async (client) => {
      const seq = await client.query<{ n: string }>("SELECT nextval('ingest_order') AS n FROM generate_series(1, $1)", [items.length]);
      const ords = seq.rows.map((r) => Number(r.n)).sort((a, b) => a - b);
      return writeBatch(client, items.map((item, i) => ({ ...item, ord: ords[i] })));
    });
  }

  async hasUnchanged(origin: string, bytes: Uint8Array): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT bytes_hash FROM originals WHERE origin = $1', [origin]);
    return rows.length > 0 && rows[0].bytes_hash === bytesHash(bytes);
  }

  async getDoc(idOrPrefix: string): Promise<NewsDoc | null> {
    if (idOrPrefix.length < 4 || !/^[0-9a-f]+$/i.test(idOrPrefix)) return null;
    const p = idOrPrefix.toLowerCase();
    const { rows } = await this.pool.query('SELECT doc_json FROM documents WHERE id COLLATE "C" >= $1 AND id COLLATE "C" < $2 LIMIT 2', [p, p + 'g']);
    return rows.length === 1 ? (JSON.parse(rows[0].doc_json) as NewsDoc) : null;
  }

  async originals(id: string): Promise<Original[]> {
    const { rows } = await this.pool.query(
      'SELECT origin, bytes, encoding, content_type FROM originals WHERE doc_id = $1 ORDER BY origin COLLATE "C"',
      [id],
    );
    return rows.map((r) => ({ origin: r.origin, bytes: new Uint8Array(r.bytes), encoding: r.encoding, contentType: r.content_type }));
  }

  async listDocs(opts: { limit?: number; offset?: number } = {}): Promise<DocSummary[]> {
    const { rows } = await this.pool.query(
      `SELECT d.id, d.origin, d.title, d.outlet, d.published, length(d.text) AS chars,
              d.removed_count AS removed,
              (SELECT count(*) FROM originals o WHERE o.doc_id = d.id)::int AS origins
       FROM documents d ORDER BY d.ord LIMIT $1 OFFSET $2`,
      [opts.limit ?? null, opts.offset ?? 0],
    );
    return rows as DocSummary[];
  }

  async *allDocs(): AsyncIterable<NewsDoc> {
    let after = -1;
    for (;;) {
      const { rows } = await this.pool.query('SELECT ord, doc_json FROM documents WHERE ord > $1 ORDER BY ord LIMIT $2', [after, PAGE]);
      for (const r of rows) yield JSON.parse(r.doc_json) as NewsDoc;
      if (rows.length < PAGE) return;
      after = Number(rows[rows.length - 1].ord);
    }
  }

  async docIds(): Promise<string[]> {
    const { rows } = await this.pool.query('SELECT id FROM documents ORDER BY ord');
    return rows.map((r) => r.id as string);
  }

  async docsById(ids: string[]): Promise<Map<string, NewsDoc>> {
    const out = new Map<string, NewsDoc>();
    const all = [...new Set(ids)];
    for (let i = 0; i < all.length; i += PAGE) {
      const { rows } = await this.pool.query({ name: 'docs-by-id', text: 'SELECT id, doc_json FROM documents WHERE id = ANY($1)', values: [all.slice(i, i + PAGE)] });
      for (const r of rows) out.set(r.id as string, JSON.parse(r.doc_json) as NewsDoc);
    }
    return out;
  }

  async countDocs(): Promise<number> {
    return (await this.pool.query('SELECT count(*)::int AS n FROM documents')).rows[0].n;
  }

  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const terms = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (terms.length === 0) return [];
    const { rows } = await this.pool.query(
      `SELECT d.id, d.title,
              ts_headline('simple', left(d.text, ${FTS_CHARS}), q,
                          'StartSel=[, StopSel=], MaxWords=12, MinWords=4, FragmentDelimiter=…, MaxFragments='
                          || CASE WHEN length(d.text) <= ${SHORT_TEXT} THEN '0' ELSE '1' END) AS snippet
       FROM documents d, plainto_tsquery('simple', $1) q
       WHERE d.tsv @@ q ORDER BY ts_rank(d.tsv, q) DESC, d.ord LIMIT $2`,
      [terms.join(' '), limit],
    );
    return rows as SearchHit[];
  }

  async updateDocs(docs: NewsDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await inTransaction(this.pool, (client) => writeDocs(client, docs));
  }

  async replaceCorpus(kind: CorpusKind, items: CorpusItem[]): Promise<void> {
    assertDistinctIds(kind, items);
    await inTransaction(this.pool, (client) => writeCorpus(client, kind, items));
  }

  async corpus<T>(kind: CorpusKind): Promise<T[]> {
    const { rows } = await this.pool.query('SELECT id, data FROM corpus_items WHERE kind = $1 ORDER BY sort_key COLLATE "C", seq', [kind]);
    if (!SPLIT_FIELDS[kind]) return rows.map((r) => JSON.parse(r.data) as T);
    const split = await this.rowsOf(kind, null);
    return rows.map((r) => joinItem(kind, JSON.parse(r.data), split.get(r.id)) as T);
  }

  async corpusItems<T>(kind: CorpusKind, ids: string[], opts: { rows?: boolean } = {}): Promise<Map<string, T>> {
    const { rows } = await this.pool.query({ name: 'corpus-items', text: 'SELECT id, data FROM corpus_items WHERE kind = $1 AND id = ANY($2)', values: [kind, [...new Set(ids)]] });
    const items = new Map(rows.map((r) => [r.id as string, JSON.parse(r.data) as T]));
    if (!SPLIT_FIELDS[kind] || opts.rows === false || items.size === 0) return items;
    const split = await this.rowsOf(kind, [...items.keys()]);
    return new Map([...items].map(([id, data]) => [id, joinItem(kind, data, split.get(id)) as T]));
  }

  /** The split-field rows of a kind's items (`ids`; null: every item), grouped by item and field, in order. */
  private async rowsOf(kind: CorpusKind, ids: string[] | null): Promise<Map<string, Map<string, unknown[]>>> {
    const order = 'ORDER BY item, field, sort COLLATE "C", pos';
    const { rows } = ids === null
      ? await this.pool.query({ text: `SELECT item, field, data FROM corpus_rows WHERE kind = $1 ${order}`, values: [kind], rowMode: 'array' })
      : await this.pool.query({ name: 'corpus-rows', text: `SELECT item, field, data FROM corpus_rows WHERE kind = $1 AND item = ANY($2) ${order}`, values: [kind, ids], rowMode: 'array' });
    return groupRows(rows as [string, string, string][]);
  }

  async applyResolution(w: ResolutionWrite): Promise<void> {
    for (const [kind, items] of Object.entries(w.replace)) assertDistinctIds(kind as CorpusKind, items);
    for (const [kind, items] of Object.entries(w.upsert)) assertDistinctIds(kind as CorpusKind, items);
    await inTransaction(this.pool, async (client) => {
      await writeDocs(client, w.docs);
      for (const [kind, items] of Object.entries(w.replace)) await writeCorpus(client, kind as CorpusKind, items);
      for (const [kind, changes] of Object.entries(w.rows ?? {})) for (const m of changes.move ?? []) await moveRows(client, kind, m.from, m.to);
      for (const [kind, ids] of Object.entries(w.remove)) {
        await client.query('DELETE FROM corpus_items WHERE kind = $1 AND id = ANY($2)', [kind, ids]);
        if (SPLIT_FIELDS[kind as CorpusKind] && ids.length > 0) await client.query('DELETE FROM corpus_rows WHERE kind = $1 AND item = ANY($2)', [kind, ids]);
      }
      for (const [kind, items] of Object.entries(w.upsert)) {
        if (items.length === 0) continue;
        const split = items.map((i) => splitItem(kind as CorpusKind, i.data));
        await client.query(
          `INSERT INTO corpus_items (kind, seq, id, data, sort_key)
           SELECT $1, (SELECT coalesce(max(seq), -1) FROM corpus_items WHERE kind = $1) + n, id, data, sort_key
           FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(id, data, sort_key, n)
           ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, sort_key = excluded.sort_key`,
          [kind, textArray(items.map((i) => i.id)), textArray(split.map((p) => JSON.stringify(p.data))), textArray(items.map((i) => i.sortKey ?? ''))],
        );
        const replaced = items.flatMap((i, k) => split[k].fields.map((f) => [i.id, f]));
        if (replaced.length > 0) await client.query('DELETE FROM corpus_rows r USING unnest($2::text[], $3::text[]) AS u(item, field) WHERE r.kind = $1 AND r.item = u.item AND r.field = u.field', [kind, replaced.map((x) => x[0]), replaced.map((x) => x[1])]);
        await insertRows(client, kind, items.flatMap((i, k) => (split[k].rows ?? []).map((r) => ({ item: i.id, ...r }))));
      }
      for (const [kind, changes] of Object.entries(w.rows ?? {})) {
        const split = SPLIT_FIELDS[kind as CorpusKind];
        const rows = (changes.append ?? []).flatMap((a) => {
          if (!split || !(a.field in split)) throw new Error(`corpus ${kind}: field ${a.field} is not stored as rows (see SPLIT_FIELDS)`);
          return a.rows.map((data) => ({ item: a.item, field: a.field, sort: rowSort(split[a.field], data), data }));
        });
        await insertRows(client, kind, rows);
      }
      for (const entries of w.state) {
        const { ns, clear } = entries;
        if (clear) await client.query('DELETE FROM resolver_state WHERE ns = $1', [ns]);
        // The last value given for a key wins, as it would written one by one. After `clear` there is
        // nothing to delete.
        const last = stateEntries(entries);
        const [unset, set] = [clear ? [] : last.filter(([, v]) => v === null), last.filter(([, v]) => v !== null)];
        for (const part of chunks(unset)) await client.query('DELETE FROM resolver_state WHERE ns = $1 AND key = ANY($2)', [ns, part.map(([k]) => k)]);
        for (const part of chunks(set))
          await client.query(
            `INSERT INTO resolver_state (ns, key, value) SELECT $1, k, v FROM unnest($2::text[], $3::text[]) AS u(k, v)
             ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value`,
            [ns, textArray(part.map(([k]) => k)), textArray(part.map(([, json]) => json))],
          );
      }
      for (const part of chunks(w.resolved)) await client.query('UPDATE documents SET resolved = true WHERE id = ANY($1) AND NOT resolved', [part]);
    });
  }

  async unresolvedDocIds(): Promise<string[]> {
    const { rows } = await this.pool.query('SELECT id FROM documents WHERE NOT resolved ORDER BY ord');
    return rows.map((r) => r.id as string);
  }

  async readState(ns: string, keys: string[]): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    for (const part of chunks([...new Set(keys)])) {
      const { rows } = await this.pool.query({ name: 'read-state', text: 'SELECT key, value FROM resolver_state WHERE ns = $1 AND key = ANY($2)', values: [ns, part] });
      for (const r of rows) out.set(r.key as string, JSON.parse(r.value));
    }
    return out;
  }

  async lineCounts(outlet: string, lineKeys: string[]): Promise<Map<string, number>> {
    const keys = [...new Set(lineKeys)];
    const { rows } = await this.pool.query(
      'SELECT line_key, count(*)::int AS n FROM outlet_lines WHERE outlet = $1 AND line_key = ANY($2) GROUP BY line_key',
      [outlet, keys],
    );
    const found = new Map(rows.map((r) => [r.line_key as string, r.n as number]));
    return new Map(keys.map((k) => [k, found.get(k) ?? 0]));
  }

  async corpusGeneration(): Promise<{ changed: number; resolved: number }> {
    const { rows } = await this.pool.query('SELECT changed, resolved FROM corpus_state');
    return { changed: Number(rows[0].changed), resolved: Number(rows[0].resolved) };
  }

  async markResolved(changed: number): Promise<void> {
    await this.pool.query('UPDATE corpus_state SET resolved = $1', [changed]);
  }

  async withResolverLease<T>(fn: () => Promise<T>): Promise<T> {
    return (await this.lease(fn, true)) as T;
  }

  async tryResolverLease<T>(fn: () => Promise<T>): Promise<T | null> {
    return this.lease(fn, false);
  }

  /**
   * Runs `fn` holding the resolver's advisory lock, on a connection of its own: released by
   * `pg_advisory_unlock`, or by the server if this process dies. Without `wait`, null when another
   * process holds it.
   */
  private async lease<T>(fn: () => Promise<T>, wait: boolean): Promise<T | null> {
    const client = await this.pool.connect();
    try {
      if (wait) await client.query('SELECT pg_advisory_lock($1)', [LOCK_RESOLVE]);
      else if (!(await client.query('SELECT pg_try_advisory_lock($1) AS got', [LOCK_RESOLVE])).rows[0].got) return null;
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [LOCK_RESOLVE]);
      }
    } finally {
      client.release();
    }
  }

  enqueue: JobQueue['enqueue'] = (items) => enqueueJobs(this.pool, items);
  processJobs: JobQueue['processJobs'] = (limit, work) => processJobs(this.pool, limit, work);
  pendingJobs: JobQueue['pendingJobs'] = () => pendingJobs(this.pool);

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Applies every migration not yet recorded, all under one advisory lock so concurrent starts do not race. */
async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_MIGRATE]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const current = Number((await client.query('SELECT max(version) AS v FROM schema_version')).rows[0].v ?? 0);
    if (current > PG_MIGRATIONS.length) {
      throw new Error(`database schema version ${current} is newer than this Parley (${PG_MIGRATIONS.length}); upgrade Parley`);
    }
    for (let v = current; v < PG_MIGRATIONS.length; v++) {
      await client.query(PG_MIGRATIONS[v]);
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [v + 1]);
    }
  }, 0);
}

/**
 * Replaces stored documents' derived fields. `origin` guards against a stale write: a document taken
 * over by an earlier-read copy meanwhile is left alone (its generation was bumped, so it is resolved again).
 */
async function writeDocs(client: pg.PoolClient, all: NewsDoc[]): Promise<void> {
  for (const docs of chunks(all)) await client.query(
    `UPDATE documents d SET published = u.published, doc_json = u.doc_json, removed_count = u.removed
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS u(id, origin, published, doc_json, removed)
     WHERE d.id = u.id AND d.origin = u.origin`,
    [textArray(docs.map((d) => d.id)), textArray(docs.map((d) => d.origin)), textArray(docs.map((d) => d.published.date)), textArray(docs.map((d) => JSON.stringify(d))), docs.map((d) => d.removed.length)],
  );
}

async function writeCorpus(client: pg.PoolClient, kind: CorpusKind, all: CorpusItem[]): Promise<void> {
  await client.query('DELETE FROM corpus_items WHERE kind = $1', [kind]);
  if (SPLIT_FIELDS[kind]) await client.query('DELETE FROM corpus_rows WHERE kind = $1', [kind]);
  for (const [k, items] of chunks(all).entries()) {
    const split = items.map((i) => splitItem(kind, i.data));
    await client.query(
      `INSERT INTO corpus_items (kind, seq, id, data, sort_key)
       SELECT $1, $5 + n - 1, id, data, sort_key FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(id, data, sort_key, n)`,
      [kind, textArray(items.map((i) => i.id)), textArray(split.map((p) => JSON.stringify(p.data))), textArray(items.map((i) => i.sortKey ?? '')), k * CHUNK],
    );
    await insertRows(client, kind, items.flatMap((i, n) => (split[n].rows ?? []).map((r) => ({ item: i.id, ...r }))));
  }
}

/** Inserts split-field rows in the order given (`pos` from the sequence: after every row stored). */
async function insertRows(client: pg.PoolClient, kind: string, all: { item: string; field: string; sort: string; data: unknown }[]): Promise<void> {
  for (const rows of chunks(all)) {
    await client.query(
      `INSERT INTO corpus_rows (kind, item, field, sort, data)
       SELECT $1, item, field, sort, data FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS u(item, field, sort, data, n) ORDER BY n`,
      [kind, textArray(rows.map((r) => r.item)), textArray(rows.map((r) => r.field)), textArray(rows.map((r) => r.sort)), textArray(rows.map((r) => JSON.stringify(r.data)))],
    );
  }
}

/**
 * Hands every row of item `from` to item `to`, after `to`'s own and in their order: renumbered past
 * every row's position (shifting them all by one offset instead made positions double with each move
 * of an item holding both old and new rows, out of range after about sixty moves).
 */
async function moveRows(client: pg.PoolClient, kind: string, from: string, to: string): Promise<void> {
  if (from === to) return;
  const { rowCount } = await client.query(
    `UPDATE corpus_rows r SET item = $3, pos = m.hi + o.n
     FROM (SELECT pos, row_number() OVER (ORDER BY pos) AS n FROM corpus_rows WHERE kind = $1 AND item = $2) o,
          (SELECT max(pos) AS hi FROM corpus_rows) m
     WHERE r.pos = o.pos`,
    [kind, from, to],
  );
  if (rowCount) await client.query("SELECT setval(pg_get_serial_sequence('corpus_rows', 'pos'), (SELECT max(pos) FROM corpus_rows))");
}

/**
 * Rows per statement when writing many: a full resolution writes a million state entries at 10k
 * documents, and one statement would hold them all (and their serialised copies) in memory at once.
 */
const CHUNK = 5000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}
