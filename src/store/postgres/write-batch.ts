/**
 * The PostgreSQL write path for one batch, inside the caller's transaction. Several workers write at
 * once, so: rows are written in key order (documents by id, originals by origin) so that two batches
 * never wait on each other in opposite orders, and every rule depends on `ord` (when the input was
 * read), never on which worker got there first:
 * - the document of a text belongs to its earliest-read origin (a later-read copy is a duplicate, an
 *   earlier-read one takes the document over, as a single process reading in order would have done);
 * - an origin's stored bytes are those read last.
 */
import type { PoolClient } from 'pg';
import type { NewsDoc, RawArticle } from '../../model/doc.js';
import { bytesHash } from '../../model/id.js';
import { documentLineKeys } from '../line-keys.js';
import type { PutResult } from '../store.js';
import { byteaArray, textArray } from './pg-util.js';

/** A document to store, with the read order of its input. */
export interface OrderedItem {
  doc: NewsDoc;
  raw: RawArticle;
  ord: number;
}

/** Writes the batch; returns one result per item, in the items' order. */
export async function writeBatch(client: PoolClient, items: OrderedItem[]): Promise<PutResult[]> {
  if (items.length === 0) return [];
  const hashes = items.map((i) => bytesHash(i.raw.bytes));
  const prior = new Map<string, { id: string; hash: string }>();
  const found = await client.query<{ origin: string; doc_id: string; bytes_hash: string }>(
    'SELECT origin, doc_id, bytes_hash FROM originals WHERE origin = ANY($1)',
    [items.map((i) => i.raw.origin)],
  );
  for (const r of found.rows) prior.set(r.origin, { id: r.doc_id, hash: r.bytes_hash });

  const results: (PutResult | null)[] = items.map(() => null);
  const firstOfId = new Map<string, number>();
  const toStore: number[] = [];
  items.forEach((item, i) => {
    const before = prior.get(item.raw.origin);
    if (before && before.hash === hashes[i]) {
      results[i] = { status: 'unchanged', id: before.id, origin: item.raw.origin };
      return;
    }
    prior.set(item.raw.origin, { id: item.doc.id, hash: hashes[i] });
    toStore.push(i);
    if (!firstOfId.has(item.doc.id)) firstOfId.set(item.doc.id, i);
  });

  const docs = [...firstOfId.values()].map((i) => items[i]).sort((a, b) => (a.doc.id < b.doc.id ? -1 : 1));
  const written = await client.query<{ id: string; inserted: boolean }>(
    `INSERT INTO documents (ord, id, origin, title, outlet, published, text, doc_json, removed_count)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])
     ON CONFLICT (id) DO UPDATE SET ord = excluded.ord, origin = excluded.origin, title = excluded.title,
       outlet = excluded.outlet, published = excluded.published, text = excluded.text, doc_json = excluded.doc_json,
       removed_count = excluded.removed_count
     WHERE documents.ord > excluded.ord
     RETURNING id, (xmax = 0) AS inserted`,
    [
      docs.map((d) => d.ord),
      textArray(docs.map((d) => d.doc.id)),
      textArray(docs.map((d) => d.doc.origin)),
      textArray(docs.map((d) => d.doc.title)),
      textArray(docs.map((d) => d.doc.outlet)),
      textArray(docs.map((d) => d.doc.published.date)),
      textArray(docs.map((d) => d.doc.text)),
      textArray(docs.map((d) => JSON.stringify(d.doc))),
      docs.map((d) => d.doc.removed.length),
    ],
  );
  const outcome = new Map(written.rows.map((r) => [r.id, r.inserted ? 'new' : 'replaced']));
  const replaced = written.rows.filter((r) => !r.inserted).map((r) => r.id);
  if (replaced.length > 0) await client.query('DELETE FROM outlet_lines WHERE doc_id = ANY($1)', [replaced]);
  const lines: [string, string, string][] = [];
  for (const d of docs) {
    if (!outcome.has(d.doc.id) || !d.doc.outlet) continue;
    for (const key of documentLineKeys(d.doc)) lines.push([d.doc.outlet, key, d.doc.id]);
  }
  lines.sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
  if (lines.length > 0) {
    await client.query(
      `INSERT INTO outlet_lines (outlet, line_key, doc_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT DO NOTHING`,
      [lines.map((l) => l[0]), lines.map((l) => l[1]), lines.map((l) => l[2])],
    );
  }

  const lastOfOrigin = new Map<string, number>();
  for (const i of toStore) lastOfOrigin.set(items[i].raw.origin, i);
  const origins = [...lastOfOrigin.values()].sort((a, b) => (items[a].raw.origin < items[b].raw.origin ? -1 : 1));
  if (origins.length > 0) {
    await client.query(
      `INSERT INTO originals (origin, ord, doc_id, bytes_hash, bytes, encoding, content_type)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bytea[], $6::text[], $7::text[])
       ON CONFLICT (origin) DO UPDATE SET ord = excluded.ord, doc_id = excluded.doc_id, bytes_hash = excluded.bytes_hash,
         bytes = excluded.bytes, encoding = excluded.encoding, content_type = excluded.content_type
       WHERE originals.ord <= excluded.ord`,
      [
        textArray(origins.map((i) => items[i].raw.origin)),
        origins.map((i) => items[i].ord),
        textArray(origins.map((i) => items[i].doc.id)),
        textArray(origins.map((i) => hashes[i])),
        byteaArray(origins.map((i) => items[i].raw.bytes)),
        textArray(origins.map((i) => items[i].raw.encoding)),
        textArray(origins.map((i) => items[i].raw.contentType)),
      ],
    );
  }
  if (outcome.size > 0) await client.query('UPDATE corpus_state SET changed = changed + 1');

  for (const i of toStore) {
    const { doc, raw } = items[i];
    const isNew = firstOfId.get(doc.id) === i && outcome.get(doc.id) === 'new';
    results[i] = { status: isNew ? 'new' : 'duplicate', id: doc.id, origin: raw.origin };
  }
  return results as PutResult[];
}
