/**
 * The embedded store: one SQLite file (better-sqlite3) in WAL mode, an FTS5 index over clean text,
 * and migrations recorded in `schema_version`. A batch is written in one transaction, so a crash
 * loses at most the batch in flight and never half of one.
 */
import Database from 'better-sqlite3';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { NewsDoc, RawArticle } from '../../model/doc.js';
import { bytesHash } from '../../model/id.js';
import { groupRows, joinItem, rowSort, SPLIT_FIELDS, splitItem } from '../split.js';
import { assertDistinctIds, stateEntries, type CorpusItem, type CorpusKind, type ResolutionWrite, type RowChanges, type DocSummary, type Original, type PutResult, type SearchHit, type Store } from '../store.js';
import { documentLineKeys } from '../line-keys.js';
import { MIGRATIONS } from './migrations.js';
import { FileLease } from './lease.js';

/**
 * Keys, ids or line keys looked up per statement, passed as one JSON array (`json_each`): one call into
 * SQLite per chunk instead of one per key (measured on a 460k-key state table: 100k look-ups in about
 * 0.5 s against 0.8 s key by key; chunks of 100 to 10,000 cost the same), small enough to keep the
 * array's text small.
 */
const LOOKUP_CHUNK = 1000;

export class SqliteStore implements Store {
  /** Prepared statements by SQL text, prepared once per connection (preparing costs more than a look-up). */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    private readonly db: Database.Database,
    private readonly lease: FileLease,
  ) {}

  /** Opens (creating if needed) the database file and brings its schema up to date. */
  static open(path: string): SqliteStore {
    let db: Database.Database;
    try {
      db = new Database(path);
    } catch (err) {
      throw new Error(`--db ${path}: cannot open the database (${(err as Error).message})`);
    }
    // A writer waits this long for another connection's transaction: an ingest's resolver thread
    // (`worker/background-resolver.ts`) writes a whole resolution step in one, ~3–10 s at 1,000 documents.
    // Set first, so that two processes opening one new file wait for each other's switch to WAL.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return new SqliteStore(db, new FileLease(db.memory ? null : path));
  }

  /** The prepared statement of `sql`, prepared on first use. */
  private sql(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) this.statements.set(sql, (stmt = this.db.prepare(sql)));
    return stmt;
  }

  /**
   * Runs `sql` (whose last parameter is a JSON array read with `json_each`, and whose first two
   * columns are a key and its JSON value) once per chunk of the distinct `keys`; returns the values
   * found, parsed, in the order of `keys` (as looking them up one by one did).
   */
  private lookup<T>(sql: string, params: unknown[], keys: string[]): Map<string, T> {
    const stmt = this.sql(sql).raw(true);
    const all = [...new Set(keys)];
    const found = new Map<string, string>();
    for (let i = 0; i < all.length; i += LOOKUP_CHUNK) {
      for (const [key, json] of stmt.all(...params, JSON.stringify(all.slice(i, i + LOOKUP_CHUNK))) as [string, string][]) found.set(key, json);
    }
    const out = new Map<string, T>();
    for (const key of all) {
      const json = found.get(key);
      if (json !== undefined) out.set(key, JSON.parse(json) as T);
    }
    return out;
  }

  async putBatch(items: { doc: NewsDoc; raw: RawArticle }[]): Promise<PutResult[]> {
    const findOrigin = this.sql('SELECT doc_id, bytes_hash FROM originals WHERE origin = ?');
    const findDoc = this.sql('SELECT 1 FROM documents WHERE id = ?');
    const insertDoc = this.sql(
      'INSERT INTO documents (id, origin, title, outlet, published, text, doc_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const upsertOriginal = this.sql(
      `INSERT INTO originals (origin, doc_id, bytes_hash, bytes, encoding, content_type) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(origin) DO UPDATE SET doc_id = excluded.doc_id, bytes_hash = excluded.bytes_hash,
         bytes = excluded.bytes, encoding = excluded.encoding, content_type = excluded.content_type`,
    );
    const insertLine = this.sql('INSERT OR IGNORE INTO outlet_lines (outlet, line_key, doc_id) VALUES (?, ?, ?)');
    const bumpGeneration = this.sql('UPDATE corpus_state SET changed = changed + 1');
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
    return write.immediate(items);
  }

  async hasUnchanged(origin: string, bytes: Uint8Array): Promise<boolean> {
    const row = this.sql('SELECT bytes_hash FROM originals WHERE origin = ?').get(origin) as
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

  /**
   * Read from the index of ids (which holds each row's seq too) and sorted here: scanning the table in
   * seq order reads every document's page (on a 29k-document database 244 ms cold, 50 ms warm, in
   * each incremental resolution that asks the ingest order), the index a small fraction of them (20–30 ms).
   */
  async docIds(): Promise<string[]> {
    const rows = this.sql('SELECT id, seq FROM documents INDEXED BY sqlite_autoindex_documents_1').all() as { id: string; seq: number }[];
    return rows.sort((a, b) => a.seq - b.seq).map((r) => r.id);
  }

  async docsById(ids: string[]): Promise<Map<string, NewsDoc>> {
    // One document per call: a document is large, so a call costs little beside parsing it, and each
    // is parsed as it is read (measured: no faster in chunks).
    const get = this.sql('SELECT doc_json FROM documents WHERE id = ?').pluck();
    const out = new Map<string, NewsDoc>();
    for (const id of new Set(ids)) {
      const json = get.get(id) as string | undefined;
      if (json !== undefined) out.set(id, JSON.parse(json) as NewsDoc);
    }
    return out;
  }

  async countDocs(): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
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
    this.db.transaction(() => this.writeDocs(docs)).immediate();
  }

  async replaceCorpus(kind: CorpusKind, items: CorpusItem[]): Promise<void> {
    assertDistinctIds(kind, items);
    this.db.transaction(() => this.writeCorpus(kind, items)).immediate();
  }

  async corpus<T>(kind: CorpusKind): Promise<T[]> {
    const rows = this.db.prepare('SELECT id, data FROM corpus_items WHERE kind = ? ORDER BY sort_key, seq').all(kind) as { id: string; data: string }[];
    if (!SPLIT_FIELDS[kind]) return rows.map((r) => JSON.parse(r.data) as T);
    const split = groupRows(this.sql('SELECT item, field, data FROM corpus_rows WHERE kind = ? ORDER BY item, field, sort, pos').raw(true).iterate(kind) as Iterable<[string, string, string]>);
    return rows.map((r) => joinItem(kind, JSON.parse(r.data), split.get(r.id)) as T);
  }

  async corpusItems<T>(kind: CorpusKind, ids: string[], opts: { rows?: boolean } = {}): Promise<Map<string, T>> {
    const items = this.lookup<T>('SELECT id, data FROM corpus_items WHERE kind = ? AND id IN (SELECT value FROM json_each(?))', [kind], ids);
    if (!SPLIT_FIELDS[kind] || opts.rows === false || items.size === 0) return items;
    const stmt = this.sql('SELECT item, field, data FROM corpus_rows WHERE kind = ? AND item IN (SELECT value FROM json_each(?)) ORDER BY item, field, sort, pos').raw(true);
    const all = [...items.keys()];
    const out = new Map<string, T>();
    for (let i = 0; i < all.length; i += LOOKUP_CHUNK) {
      const split = groupRows(stmt.all(kind, JSON.stringify(all.slice(i, i + LOOKUP_CHUNK))) as [string, string, string][]);
      for (const id of all.slice(i, i + LOOKUP_CHUNK)) out.set(id, joinItem(kind, items.get(id), split.get(id)) as T);
    }
    return out;
  }

  /**
   * What this write costs, measured on a 500-article incremental step (synthetic corpus, same batch
   * on a resolved corpus of 1k and of 10k documents): the same ~325 rows and ~100 KB per article at
   * both sizes (state 260 → 200 keys, ~50 KB; documents written back 29 KB; entity mention rows 55 → 85),
   * but 198 → 467 KB of WAL and 2.1–2.6 → 4.9–5.2 ms of CPU per article, because once a table (the
   * state, the index of `corpus_rows`) has more pages than a step writes keys, each key written lands
   * on a page of its own, which is then written to the WAL and checkpointed whole. Measured without
   * gain: keys sorted before writing (the sort cost more than it saved), a 128–512 MB page cache,
   * mmap, 1 KB pages (-10% WAL, +45% CPU). Only fewer keys written per article make it cheaper.
   */
  async applyResolution(w: ResolutionWrite): Promise<void> {
    for (const [kind, items] of Object.entries(w.replace)) assertDistinctIds(kind as CorpusKind, items);
    for (const [kind, items] of Object.entries(w.upsert)) assertDistinctIds(kind as CorpusKind, items);
    const upsert = this.sql(
      `INSERT INTO corpus_items (kind, seq, id, data, sort_key)
       VALUES (?, (SELECT coalesce(max(seq), -1) + 1 FROM corpus_items WHERE kind = ?), ?, ?, ?)
       ON CONFLICT(kind, id) DO UPDATE SET data = excluded.data, sort_key = excluded.sort_key`,
    );
    const remove = this.sql('DELETE FROM corpus_items WHERE kind = ? AND id = ?');
    const clear = this.sql('DELETE FROM resolver_state WHERE ns = ?');
    const put = this.sql('INSERT INTO resolver_state (ns, key, value) VALUES (?, ?, ?) ON CONFLICT(ns, key) DO UPDATE SET value = excluded.value');
    const unset = this.sql('DELETE FROM resolver_state WHERE ns = ? AND key = ?');
    const covered = this.sql('UPDATE documents SET resolved = 1 WHERE id IN (SELECT value FROM json_each(?)) AND resolved = 0');
    const removeRows = this.sql('DELETE FROM corpus_rows WHERE kind = ? AND item = ?');
    const removeField = this.sql('DELETE FROM corpus_rows WHERE kind = ? AND item = ? AND field = ?');
    this.db.transaction(() => {
      this.writeDocs(w.docs);
      for (const [kind, items] of Object.entries(w.replace)) this.writeCorpus(kind as CorpusKind, items);
      for (const [kind, changes] of Object.entries(w.rows ?? {})) for (const m of changes.move ?? []) this.moveRows(kind, m.from, m.to);
      for (const [kind, ids] of Object.entries(w.remove)) for (const id of ids) {
        remove.run(kind, id);
        if (SPLIT_FIELDS[kind as CorpusKind]) removeRows.run(kind, id);
      }
      for (const [kind, items] of Object.entries(w.upsert)) for (const i of items) {
        const split = splitItem(kind as CorpusKind, i.data);
        upsert.run(kind, kind, i.id, JSON.stringify(split.data), i.sortKey ?? '');
        for (const field of split.fields) removeField.run(kind, i.id, field);
        this.insertRows(kind, i.id, split.rows ?? []);
      }
      for (const [kind, changes] of Object.entries(w.rows ?? {})) this.appendRows(kind as CorpusKind, changes);
      for (const entries of w.state) {
        const { ns, clear: empty } = entries;
        if (empty) clear.run(ns);
        // The last value given for a key wins, as it would written one by one. (Sorting by key first cost
        // more than it saved: a resolver's keys come grouped already; 985 against 937 ms CPU for 160k.)
        for (const [key, json] of stateEntries(entries)) {
          if (json === null) {
            if (!empty) unset.run(ns, key);
          } else put.run(ns, key, json);
        }
      }
      for (let i = 0; i < w.resolved.length; i += LOOKUP_CHUNK) covered.run(JSON.stringify(w.resolved.slice(i, i + LOOKUP_CHUNK)));
    }).immediate();
  }

  async unresolvedDocIds(): Promise<string[]> {
    return (this.sql('SELECT id FROM documents WHERE resolved = 0 ORDER BY seq').all() as { id: string }[]).map((r) => r.id);
  }

  async readState(ns: string, keys: string[]): Promise<Map<string, unknown>> {
    return this.lookup('SELECT key, value FROM resolver_state WHERE ns = ? AND key IN (SELECT value FROM json_each(?))', [ns], keys);
  }

  private writeDocs(docs: NewsDoc[]): void {
    const update = this.sql('UPDATE documents SET published = ?, doc_json = ? WHERE id = ?');
    for (const doc of docs) update.run(doc.published.date, JSON.stringify(doc), doc.id);
  }

  private writeCorpus(kind: CorpusKind, items: CorpusItem[]): void {
    const insert = this.sql('INSERT INTO corpus_items (kind, seq, id, data, sort_key) VALUES (?, ?, ?, ?, ?)');
    this.sql('DELETE FROM corpus_items WHERE kind = ?').run(kind);
    if (SPLIT_FIELDS[kind]) this.sql('DELETE FROM corpus_rows WHERE kind = ?').run(kind);
    items.forEach((item, i) => {
      const split = splitItem(kind, item.data);
      insert.run(kind, i, item.id, JSON.stringify(split.data), item.sortKey ?? '');
      this.insertRows(kind, item.id, split.rows ?? []);
    });
  }

  /** Inserts rows of an item's split fields, after those it has (`pos` only grows). */
  private insertRows(kind: string, item: string, rows: { field: string; sort: string; data: unknown }[]): void {
    const insert = this.sql('INSERT INTO corpus_rows (kind, item, field, sort, data) VALUES (?, ?, ?, ?, ?)');
    for (const r of rows) insert.run(kind, item, r.field, r.sort, JSON.stringify(r.data));
  }

  /** The appends of a `ResolutionWrite`'s row changes, each row keyed as its field says. */
  private appendRows(kind: CorpusKind, changes: RowChanges): void {
    const split = SPLIT_FIELDS[kind];
    for (const a of changes.append ?? []) {
      if (!split || !(a.field in split)) throw new Error(`corpus ${kind}: field ${a.field} is not stored as rows (see SPLIT_FIELDS)`);
      this.insertRows(kind, a.item, a.rows.map((data) => ({ field: a.field, sort: rowSort(split[a.field], data), data })));
    }
  }

  /**
   * Hands every row of item `from` to item `to`, after `to`'s own and in their order: renumbered one
   * by one past every row's position. (Shifting them all by one offset instead made positions double
   * with each move of an item holding both old and new rows, past 2^53 after about fifty moves.)
   */
  private moveRows(kind: string, from: string, to: string): void {
    if (from === to) return;
    const moved = this.sql('SELECT pos FROM corpus_rows WHERE kind = ? AND item = ? ORDER BY pos').pluck(true).all(kind, from) as number[];
    if (moved.length === 0) return;
    const hi = this.sql('SELECT max(pos) FROM corpus_rows').pluck(true).get() as number;
    const move = this.sql('UPDATE corpus_rows SET item = ?, pos = ? WHERE pos = ?');
    moved.forEach((pos, i) => move.run(to, hi + 1 + i, pos));
  }

  async lineCounts(outlet: string, lineKeys: string[]): Promise<Map<string, number>> {
    // count(*) as JSON text (a number parses to itself), so the look-up shape serves here too.
    const found = this.lookup<number>(
      'SELECT line_key, count(*) FROM outlet_lines WHERE outlet = ? AND line_key IN (SELECT value FROM json_each(?)) GROUP BY line_key',
      [outlet],
      lineKeys,
    );
    return new Map([...new Set(lineKeys)].map((k) => [k, found.get(k) ?? 0]));
  }

  async corpusGeneration(): Promise<{ changed: number; resolved: number }> {
    return this.sql('SELECT changed, resolved FROM corpus_state').get() as { changed: number; resolved: number };
  }

  async markResolved(changed: number): Promise<void> {
    this.sql('UPDATE corpus_state SET resolved = ?').run(changed);
  }

  /** Held across processes and threads by a lock on the side file `<db>.lease` (see `lease.ts`). */
  async withResolverLease<T>(fn: () => Promise<T>): Promise<T> {
    return (await this.lease.hold(fn, true)) as T;
  }

  async tryResolverLease<T>(fn: () => Promise<T>): Promise<T | null> {
    return this.lease.hold(fn, false);
  }

  async close(): Promise<void> {
    this.lease.close();
    this.db.close();
  }
}

/** How long a write waits for another connection's transaction before failing (see `open`). */
const BUSY_TIMEOUT_MS = 120_000;

/** Applies every migration not yet recorded, each in its own transaction. */
function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const version = () => (db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
  const current = version();
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this Parley (${MIGRATIONS.length}); upgrade Parley`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      if (version() > v) return; // another process opening the file at the same time applied it
      db.exec(MIGRATIONS[v]);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(v + 1);
    }).immediate();
  }
}
