/**
 * SQLite schema migrations, applied in order; `schema_version` records the last one applied.
 * Never edit a released migration: add a new one.
 */
export const MIGRATIONS: string[] = [
  `CREATE TABLE documents (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     origin TEXT NOT NULL,
     title TEXT,
     outlet TEXT,
     published TEXT,
     text TEXT NOT NULL,
     doc_json TEXT NOT NULL
   );
   CREATE TABLE originals (
     origin TEXT PRIMARY KEY,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     bytes_hash TEXT NOT NULL,
     bytes BLOB NOT NULL,
     encoding TEXT NOT NULL,
     content_type TEXT NOT NULL
   );
   CREATE INDEX originals_doc ON originals(doc_id);
   CREATE TABLE outlet_lines (
     outlet TEXT NOT NULL,
     line_key TEXT NOT NULL,
     doc_id TEXT NOT NULL,
     PRIMARY KEY (outlet, line_key, doc_id)
   ) WITHOUT ROWID;
   CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='seq');
   CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
     INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
   END;`,
  `CREATE TABLE corpus_items (
     kind TEXT NOT NULL,
     seq INTEGER NOT NULL,
     id TEXT NOT NULL,
     data TEXT NOT NULL,
     PRIMARY KEY (kind, id)
   );
   CREATE INDEX corpus_items_order ON corpus_items(kind, seq);`,
  // Resolution bookkeeping, so a run killed between storing and resolving resolves on the next run.
  `CREATE TABLE corpus_state (
     singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
     changed INTEGER NOT NULL,
     resolved INTEGER NOT NULL
   );
   INSERT INTO corpus_state (singleton, changed, resolved)
     SELECT 1, count(*), CASE WHEN count(*) = 0 THEN 0 ELSE -1 END FROM documents;`,
  // Incremental resolution: items keep their order by a resolver-given key when updated in place;
  // documents record whether a resolution covered them; resolvers keep their indexes between runs.
  `ALTER TABLE corpus_items ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
   CREATE INDEX corpus_items_sorted ON corpus_items(kind, sort_key, seq);
   ALTER TABLE documents ADD COLUMN resolved INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX documents_unresolved ON documents(seq) WHERE resolved = 0;
   CREATE TABLE resolver_state (
     ns TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (ns, key)
   ) WITHOUT ROWID;`,
  // Split fields (`SPLIT_FIELDS`): an item's growing lists (an entity's mentions, merges) as rows of
  // their own, listed by (sort, pos); pos only grows, so rows appended or moved come after an item's
  // own. Items written before keep their lists in \`data\` and are read as they were (the first full
  // resolution rewrites them split).
  `CREATE TABLE corpus_rows (
     pos INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL,
     item TEXT NOT NULL,
     field TEXT NOT NULL,
     sort TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX corpus_rows_item ON corpus_rows(kind, item, field, sort, pos);`,
];
