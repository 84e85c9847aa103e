/**
 * PostgreSQL schema migrations, applied in order under an advisory lock (several workers may start at
 * once); `schema_version` records the last one applied. Never edit a released migration: add one.
 *
 * Differences from the SQLite schema, each for a reason:
 * - `ord` (from the `ingest_order` sequence) orders documents by when their input was *read*, not when
 *   a worker happened to store it, so a run with several workers lists documents exactly as one
 *   process would; the earliest-read origin of a text owns the document.
 * - `doc_json` is `text`, not `jsonb`, so documents come back byte-identical (jsonb reorders keys);
 *   `removed_count` is kept beside it so listing documents need not parse it (measured: a page of 50
 *   among 1,000 documents with 75 KB of JSON each, 227 ms when parsing, 0.8 ms with the column).
 * - Full-text search is a generated `tsvector` with the `simple` configuration (no stemming, like
 *   SQLite's unicode61 tokenizer) over the first `FTS_CHARS` characters: PostgreSQL refuses a
 *   tsvector over 1 MB, which a hostile 5 MB document would otherwise reach.
 */

/** Characters of title + text indexed for search: 200k keeps the tsvector well under PostgreSQL's 1 MB cap even for text with no repeated words (~2 bytes per character measured). */
export const FTS_CHARS = 200_000;

export const PG_MIGRATIONS: string[] = [
  `CREATE SEQUENCE ingest_order;
   CREATE TABLE documents (
     ord BIGINT NOT NULL,
     id TEXT PRIMARY KEY,
     origin TEXT NOT NULL,
     title TEXT,
     outlet TEXT,
     published TEXT,
     text TEXT NOT NULL,
     doc_json TEXT NOT NULL,
     removed_count INTEGER NOT NULL,
     tsv tsvector GENERATED ALWAYS AS
       (to_tsvector('simple', left(coalesce(title, '') || ' ' || text, ${FTS_CHARS}))) STORED
   );
   CREATE INDEX documents_ord ON documents (ord);
   CREATE INDEX documents_tsv ON documents USING gin (tsv);
   CREATE TABLE originals (
     origin TEXT PRIMARY KEY,
     ord BIGINT NOT NULL,
     doc_id TEXT NOT NULL REFERENCES documents (id),
     bytes_hash TEXT NOT NULL,
     bytes BYTEA NOT NULL,
     encoding TEXT NOT NULL,
     content_type TEXT NOT NULL
   );
   CREATE INDEX originals_doc ON originals (doc_id);
   CREATE TABLE outlet_lines (
     outlet TEXT NOT NULL,
     line_key TEXT NOT NULL,
     doc_id TEXT NOT NULL,
     PRIMARY KEY (outlet, line_key, doc_id)
   );
   CREATE TABLE corpus_items (
     kind TEXT NOT NULL,
     seq INTEGER NOT NULL,
     id TEXT NOT NULL,
     data TEXT NOT NULL,
     PRIMARY KEY (kind, id)
   );
   CREATE INDEX corpus_items_order ON corpus_items (kind, seq);
   CREATE TABLE corpus_state (
     singleton BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
     changed BIGINT NOT NULL,
     resolved BIGINT NOT NULL
   );
   INSERT INTO corpus_state (changed, resolved) VALUES (0, 0);
   CREATE TABLE jobs (
     ord BIGINT PRIMARY KEY,
     origin TEXT NOT NULL,
     bytes_hash TEXT NOT NULL,
     article TEXT NOT NULL,
     bytes BYTEA NOT NULL,
     state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected')),
     reason TEXT,
     UNIQUE (origin, bytes_hash)
   );
   CREATE INDEX jobs_pending ON jobs (ord) WHERE state = 'pending';`,
  // Incremental resolution (as in the SQLite schema): item order by a resolver-given key, documents
  // that a resolution covered, resolvers' indexes kept between runs.
  `ALTER TABLE corpus_items ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
   CREATE INDEX corpus_items_sorted ON corpus_items (kind, sort_key COLLATE "C", seq);
   ALTER TABLE documents ADD COLUMN resolved BOOLEAN NOT NULL DEFAULT false;
   CREATE INDEX documents_unresolved ON documents (ord) WHERE NOT resolved;
   CREATE TABLE resolver_state (
     ns TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (ns, key)
   );`,
  // Split fields (as in the SQLite schema): an item's growing lists as rows of their own, listed by
  // (sort, pos); pos only grows, so rows appended or moved come after an item's own.
  `CREATE TABLE corpus_rows (
     pos BIGSERIAL PRIMARY KEY,
     kind TEXT NOT NULL,
     item TEXT NOT NULL,
     field TEXT NOT NULL,
     sort TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX corpus_rows_item ON corpus_rows (kind, item, field, sort COLLATE "C", pos);`,
];
