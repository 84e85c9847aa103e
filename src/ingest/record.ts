/**
 * One article record from a JSON, JSONL or CSV input: fields `text` or `html`, and optionally `id`,
 * `title`, `published`, `outlet`, `url` (also `author`, `language`). Its origin is `<file>#<id>`, or
 * `<file>#<n>` (line or record number) when it has no id. A bad record is rejected on its own.
 */
import type { ArticleMeta, RawArticle } from '../model/doc.js';
import { dateFromUrlPath, normalisePublished } from './dates.js';
import { asHtmlDocument } from './html-fragment.js';
import { reject, type ReadResult } from './types.js';

/** Where a record sits: its file's origin, its number there, its own bytes and the file's encoding. */
export interface RecordPlace {
  file: string;
  n: number;
  bytes: Uint8Array;
  encoding: string;
  /** Label for `meta.publishedFrom` when the record states its date: `json` or `csv`. */
  from: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The record's id as a string (numbers allowed), or undefined. */
export function recordId(record: Record<string, unknown>): string | undefined {
  const id = record.id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return str(id);
}

/**
 * Turns a parsed record into an article. `text` is preferred when both `text` and `html` are present:
 * it is what the producer already extracted, and the cleaner's text filters still apply to it.
 */
export function recordToArticle(record: unknown, at: RecordPlace): ReadResult {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return reject(`${at.file}#${at.n}`, `not an article object (got ${Array.isArray(record) ? 'an array' : typeof record})`);
  }
  const r = record as Record<string, unknown>;
  const id = recordId(r);
  const origin = `${at.file}#${id ?? at.n}`;
  const text = typeof r.text === 'string' ? r.text : undefined;
  const html = typeof r.html === 'string' ? r.html : undefined;
  const useText = text !== undefined && (text.trim() !== '' || html === undefined);
  const body = useText ? text : html;
  if (body === undefined) {
    const fields = Object.keys(r).slice(0, 10).join(', ') || 'none';
    return reject(origin, `no "text" or "html" field (fields: ${fields})`);
  }
  if (body.trim() === '') return reject(origin, 'empty: no text');
  const meta: ArticleMeta = {};
  if (id !== undefined) meta.id = id;
  for (const key of ['title', 'outlet', 'url', 'author', 'language'] as const) {
    const v = str(r[key]);
    if (v !== undefined) meta[key] = v;
  }
  const published = normalisePublished(r.published);
  const fromUrl = meta.url ? dateFromUrlPath(meta.url) : undefined;
  if (published) Object.assign(meta, { published, publishedFrom: at.from });
  else if (fromUrl) Object.assign(meta, { published: fromUrl, publishedFrom: 'url-path' });
  const article: RawArticle = {
    origin,
    body: useText ? body : asHtmlDocument(body),
    contentType: useText ? 'text/plain' : 'text/html',
    meta,
    bytes: at.bytes,
    encoding: at.encoding,
  };
  return article;
}
