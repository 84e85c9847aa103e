/**
 * One input's bytes (a file or a URL response) → articles: gunzip when compressed, decode, decide
 * the kind, and hand the text to the reader for that kind. Single-article inputs (text, HTML) get a
 * publication date from a timestamp in their file name or URL path when there is one.
 */
import { gunzipSync } from 'node:zlib';
import { basename } from 'node:path';
import type { ArticleMeta, ContentType } from '../model/doc.js';
import { charsetFromContentType } from './charset.js';
import { dateFromName, dateFromUrlPath } from './dates.js';
import { decodeBytes } from './decode.js';
import { readCsv } from './csv.js';
import { readFeed, type Follow } from './feed-items.js';
import { kindFromContentType, kindFromName, sniffKind, type Kind } from './kind.js';
import { readJson, readJsonl } from './json.js';
import { reject, type ReadOptions, type ReadResult, type Source } from './types.js';

const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;

/** Gunzips when the name ends in `.gz` or the bytes start with the gzip magic; output capped at `maxBytes`. */
function gunzip(src: Source, maxBytes: number): { bytes: Uint8Array; name: string } | { error: string } {
  const named = /\.gz$/i.test(src.name);
  if (!named && !isGzip(src.bytes)) return { bytes: src.bytes, name: src.name };
  const name = src.name.replace(/\.gz$/i, '');
  try {
    return { bytes: new Uint8Array(gunzipSync(src.bytes, { maxOutputLength: maxBytes })), name };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      return { error: `too large: more than ${maxBytes} bytes after decompression (limit ${maxBytes}; see --max-bytes)` };
    }
    return { error: `malformed gzip: ${(err as Error).message}` };
  }
}

/** The date in a single-article input's file name (`filename`) or URL path (`url-path`). */
function dateMeta(src: Source): ArticleMeta {
  const fromUrl = src.url ? dateFromUrlPath(src.url) ?? dateFromUrlPath(src.origin) : undefined;
  if (fromUrl) return { published: fromUrl, publishedFrom: 'url-path' };
  const fromName = src.url ? undefined : dateFromName(basename(src.name));
  return fromName ? { published: fromName, publishedFrom: 'filename' } : {};
}

/**
 * A file's kind comes from its extension; a download's from a specific `Content-Type` (HTML, feed,
 * JSON, CSV) first, since URL paths often end in `.php` or nothing, then its path's extension
 * (servers send `.jsonl` dumps as `text/plain`); either way sniffing decides what is left.
 */
function kindOf(src: Source, name: string, text: string): Kind {
  const byType = kindFromContentType(src.contentType);
  const specific = byType && byType !== 'text' ? byType : null;
  const declared = src.url ? (specific ?? kindFromName(name) ?? byType) : kindFromName(name);
  return declared ?? sniffKind(text);
}

/** Reads one input's bytes into articles or rejections. `follow` reads a URL a feed item links to. */
export async function* readSource(src: Source, opts: ReadOptions, follow: Follow): AsyncGenerator<ReadResult> {
  if (src.bytes.length === 0) return yield reject(src.origin, 'empty: no text');
  const unzipped = gunzip(src, opts.maxBytes);
  if ('error' in unzipped) return yield reject(src.origin, unzipped.error);
  const { bytes, name } = unzipped;
  const decoded = decodeBytes(bytes, charsetFromContentType(src.contentType));
  if ('error' in decoded) return yield reject(src.origin, decoded.error);
  const { text, encoding } = decoded;
  if (text.trim() === '') return yield reject(src.origin, 'empty: no text');
  try {
    yield* readKind(kindOf(src, name, text), src, { text, encoding, bytes }, follow);
  } catch (err) {
    // A last guard so one input can never end the batch: readers reject what they understand.
    yield reject(src.origin, `could not be read: ${(err as Error).message}`);
  }
}

async function* readKind(kind: Kind, src: Source, d: { text: string; encoding: string; bytes: Uint8Array }, follow: Follow): AsyncGenerator<ReadResult> {
  const { text, encoding, bytes } = d;
  switch (kind) {
    case 'json':
      return yield* readJson(src.origin, text, encoding, bytes);
    case 'jsonl':
      return yield* readJsonl(src.origin, text, encoding);
    case 'csv':
      return yield* readCsv(src.origin, text, encoding);
    case 'feed':
      return yield* readFeed(src, text, encoding, follow);
    default: {
      const contentType: ContentType = kind === 'html' ? 'text/html' : 'text/plain';
      const meta: ArticleMeta = { ...(src.url ? { url: src.url } : {}), ...dateMeta(src) };
      yield { origin: src.origin, body: text, contentType, meta, bytes, encoding };
    }
  }
}
