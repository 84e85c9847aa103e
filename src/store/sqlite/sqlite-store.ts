/**
 * The embedded store: one SQLite file (better-sqlite3) in WAL mode, an FTS5 index over clean text,
 * and migrations recorded in `schema_version`. A batch is written in one transaction, so a crash
 * loses at most the batch in flight and never half of one.
 */
import Database from 'better-sqlite3';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { NewsDoc, RawArticle } from '../../model/doc.js';
import { bytesHash } from '../../model/id.js';
import { assertDistinctIds, type CorpusItem, type CorpusKind, type ResolutionWrite, type DocSummary, type Original, type PutResult, type SearchHit, type Store } from '../store.js';
import { documentLineKeys } from '../line-keys.js';
import { MIGRATIONS } from './migrations.js';

export class SqliteStore implements Store {
  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating if needed) the database file and brings its schema up to date. */
  static open(path: string): SqliteStore {
    let db: Database.Database;
    try {
      db = new Database(path);
    } catch (err) {
      throw new Error(`--db ${path}: cannot open the database (${(err as Error).message})`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // A writer waits this long for another connection's transaction: an ingest's resolver thread
    // (`worker/background-resolver.ts`) writes a whole resolution step in one, ~3–10 s at 1,000 documents.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db);
    return new SqliteStore(db);
  }

  async putBatch(items: { doc: NewsDoc; raw: RawArticle }[]): Promise<PutResult[]> {
    const findOrigin = this.db.prepare('SELECT doc_id, bytes_hash FROM originals WHERE origin = ?');
    const findDoc = this.db.prepare('SELECT 1 FROM documents WHERE id = ?');
    const insertDoc = this.db.prepare(
      'INSERT INTO documents (id, origin, title, outlet, published, text, doc_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const upsertOriginal = this.db.prepare(
      `INSERT INTO originals (origin, doc_id, bytes_hash, bytes, encoding, content_type) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(origin) DO UPDATE SET doc_id = excluded.doc_id, bytes_hash = excluded.bytes_hash,
         bytes = excluded.bytes, encoding = excluded.encoding, content_type = excluded.content_type`,
    );
    const insertLine = this.db.prepare('INSERT OR IGNORE INTO outlet_lines (outlet, line_key, doc_id) VALUES (?, ?, ?)');
    const bumpGeneration = this.db.prepare('UPDATE corpus_state SET changed = changed + 1');
    const write = this.db.transaction((batch: { doc: NewsDoc; raw: RawArticle }[]) => {
      const results = batch.map(({ doc, raw }): PutResult => {
        const hash = bytesHash(raw.bytes);
        const prior = findOrigin.get(raw.origin) as { doc_id: string; bytes_hash: string } | undefined;
        if (prior && prior.bytes_hash === hash) return { status: 'unchanged', id: prior.doc_id, origin: raw.origin };
        const exists = findDoc.get(doc.id) !== undefined;
        if (!exists) {
          insertDoc.run(doc.id, doc.origin, doc.title, doc.outlet, doc.published.date, doc.text, JSON.stringify(doc));
          if (doc.outlet) for (const key of documentLineKeys(doc)) insertLine.run(doc.outlet, key, doc.id);
        }
        upsertOriginal.run(raw.origin, doc.id, hash, gzipSync(raw.bytes), raw.encoding, raw.contentType);
        return { status: exists ? 'duplicate' : 'new', id: doc.id, origin: raw.origin };
      });
      if (results.some((r) => r.status === 'new')) bumpGeneration.run();
      return results;
    });
    return write(items);
  }

  async hasUnchanged(origin: string, bytes: Uint8Array): Promise<boolean> {
    const row = this.db.prepare('SELECT bytes_hash FROM originals WHERE origin = ?').get(origin) as
      | { bytes_hash: string }
      | undefined;
    return row !== undefined && row.bytes_hash === bytesHash(bytes);
  }

  async getDoc(idOrPrefix: string): Promise<NewsDoc | null> {
    if (idOrPrefix.length < 4 || !/^[0-9a-f]+$/i.test(idOrPrefix)) return null;
    const rows = this.db
      .prepare('SELECT doc_json FROM documents WHERE id >= ? AND id < ? LIMIT 2')
      .all(idOrPrefix.toLowerCase(), idOrPrefix.toLowerCase() + 'g') as { doc_json: string }[];
    return rows.length === 1 ? (JSON.parse(rows[0].doc_json) as NewsDoc) : null;
  }

  async originals(id: string): Promise<Original[]> {
    const rows = this.db
      .prepare('SELECT origin, bytes, encoding, content_type FROM originals WHERE doc_id = ? ORDER BY origin')
      .all(id) as { origin: string; bytes: Buffer; encoding: string; content_type: string }[];
    return rows.map((r) => ({
      origin: r.origin,
      bytes: new Uint8Array(gunzipSync(r.bytes)),
      encoding: r.encoding,
      contentType: r.content_type,
    }));
  }

  async listDocs(opts: { limit?: number; offset?: number } = {}): Promise<DocSummary[]> {
    return this.db
      .prepare(
        `SELECT d.id, d.origin, d.title, d.outlet, d.published, length(d.text) AS chars,
                json_array_length(d.doc_json, '$.removed') AS removed,
                (SELECT count(*) FROM originals o WHERE o.doc_id = d.id) AS origins
         FROM documents d ORDER BY d.seq LIMIT ? OFFSET ?`,
      )
      .all(opts.limit ?? -1, opts.offset ?? 0) as DocSummary[];
  }

  async *allDocs(): AsyncIterable<NewsDoc> {
    for (const row of this.db.prepare('SELECT doc_json FROM documents ORDER BY seq').iterate()) {
      yield JSON.parse((row as { doc_json: string }).doc_json) as NewsDoc;
    }
  }

  async docIds(): Promise<string[]> {
    return (this.db.prepare('SELECT id FROM documents ORDER BY seq').all() as { id: string }[]).map((r) => r.id);
  }

  async docsById(ids: string[]): Promise<Map<string, NewsDoc>> {
    const get = this.db.prepare('SELECT doc_json FROM documents WHERE id = ?');
    const out = new Map<string, NewsDoc>();
    for (const id of new Set(ids)) {
      const row = get.get(id) as { doc_json: string } | undefined;
      if (row) out.set(id, JSON.parse(row.doc_json) as NewsDoc);
    }
    return out;
  }

  async countDocs(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  }

  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const terms = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (terms.length === 0) return [];
    const match = terms.map((t) => `"${t}"`).join(' ');
    return this.db
      .prepare(
        `SELECT d.id, d.title, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet
         FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
         WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(match, limit) as SearchHit[];
  }

  async updateDocs(docs: NewsDoc[]): Promise<void> {
    this.db.transaction(() => this.writeDocs(docs))();
  }

  async replaceCorpus(kind: CorpusKind, items: CorpusItem[]): Promise<void> {
    assertDistinctIds(kind, items);
    this.db.transaction(() => this.writeCorpus(kind, items))();
  }

  async corpus<T>(kind: CorpusKind): Promise<T[]> {
    const rows = this.db.prepare('SELECT data FROM corpus_items WHERE kind = ? ORDER BY sort_key, seq').all(kind) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as T);
  }

  async corpusItems<T>(kind: CorpusKind, ids: string[]): Promise<Map<string, T>> {
    const get = this.db.prepare('SELECT data FROM corpus_items WHERE kind = ? AND id = ?');
    const out = new Map<string, T>();
    for (const id of new Set(ids)) {
      const row = get.get(kind, id) as { data: string } | undefined;
      if (row) out.set(id, JSON.parse(row.data) as T);
    }
    return out;
  }

  async applyResolution(w: ResolutionWrite): Promise<void> {
    for (const [kind, items] of Object.entries(w.replace)) assertDistinctIds(kind as CorpusKind, items);
    for (const [kind, items] of Object.entries(w.upsert)) assertDistinctIds(kind as CorpusKind, items);
    const upsert = this.db.prepare(
      `INSERT INTO corpus_items (kind, seq, id, data, sort_key)
       VALUES (?, (SELECT coalesce(max(seq), -1) + 1 FROM corpus_items WHERE kind = ?), ?, ?, ?)
       ON CONFLICT(kind, id) DO UPDATE SET data = excluded.data, sort_key = excluded.sort_key`,
    );
    const remove = this.db.prepare('DELETE FROM corpus_items WHERE kind = ? AND id = ?');
    const clear = this.db.prepare('DELETE FROM resolver_state WHERE ns = ?');
    const put = this.db.prepare('INSERT INTO resolver_state (ns, key, value) VALUES (?, ?, ?) ON CONFLICT(ns, key) DO UPDATE SET value = excluded.value');
    const unset = this.db.prepare('DELETE FROM resolver_state WHERE ns = ? AND key = ?');
    const covered = this.db.prepare('UPDATE documents SET resolved = 1 WHERE id = ? AND resolved = 0');
    this.db.transaction(() => {
      this.writeDocs(w.docs);
      for (const [kind, items] of Object.entries(w.replace)) this.writeCorpus(kind as CorpusKind, items);
      for (const [kind, ids] of Object.entries(w.remove)) for (const id of ids) remove.run(kind, id);
      for (const [kind, items] of Object.entries(w.upsert)) for (const i of items) upsert.run(kind, kind, i.id, JSON.stringify(i.data), i.sortKey ?? '');
      for (const { ns, clear: empty, put: entries } of w.state) {
        if (empty) clear.run(ns);
        for (const [key, value] of entries) {
          if (value === null) unset.run(ns, key);
          else put.run(ns, key, JSON.stringify(value));
        }
      }
      for (const id of w.resolved) covered.run(id);
    })();
  }

  async unresolvedDocIds(): Promise<string[]> {
    return (this.db.prepare('SELECT id FROM documents WHERE resolved = 0 ORDER BY seq').all() as { id: string }[]).map((r) => r.id);
  }

  async readState(ns: string, keys: string[]): Promise<Map<string, unknown>> {
    const get = this.db.prepare('SELECT value FROM resolver_state WHERE ns = ? AND key = ?');
    const out = new Map<string, unknown>();
    for (const key of new Set(keys)) {
      const row = get.get(ns, key) as { value: string } | undefined;
      if (row) out.set(key, JSON.parse(row.value));
    }
    return out;
  }

  private writeDocs(docs: NewsDoc[]): void {
    const update = this.db.prepare('UPDATE documents SET published = ?, doc_json = ? WHERE id = ?');
    for (const doc of docs) update.run(doc.published.date, JSON.stringify(doc), doc.id);
  }

  private writeCorpus(kind: CorpusKind, items: CorpusItem[]): void {
    const insert = this.db.prepare('INSERT INTO corpus_items (kind, seq, id, data, sort_key) VALUES (?, ?, ?, ?, ?)');
    this.db.prepare('DELETE FROM corpus_items WHERE kind = ?').run(kind);
    items.forEach((item, i) => insert.run(kind, i, item.id, JSON.stringify(item.data), item.sortKey ?? ''));
  }

  async lineCounts(outlet: string, lineKeys: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const stmt = this.db.prepare('SELECT count(*) AS n FROM outlet_lines WHERE outlet = ? AND line_key = ?');
    for (const key of new Set(lineKeys)) counts.set(key, (stmt.get(outlet, key) as { n: number }).n);
    return counts;
  }

  async corpusGeneration(): Promise<{ changed: number; resolved: number }> {
    return this.db.prepare('SELECT changed, resolved FROM corpus_state').get() as { changed: number; resolved: number };
  }

  async markResolved(changed: number): Promise<void> {
    this.db.prepare('UPDATE corpus_state SET resolved = ?').run(changed);
  }

  /** SQLite has one writing process at a time, so the lease is the process itself. */
  async withResolverLease<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  async tryResolverLease<T>(fn: () => Promise<T>): Promise<T | null> {
    return fn();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** How long a write waits for another connection's transaction before failing (see `open`). */
const BUSY_TIMEOUT_MS = 120_000;

/** Applies every migration not yet recorded, each in its own transaction. */
function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this Parley (${MIGRATIONS.length}); upgrade Parley`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(v + 1);
    })();
  }
}
