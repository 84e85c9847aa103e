import type { ArticleMeta, RawArticle, Rejected } from '../model/doc.js';

/** Options every reader receives. */
export interface ReadOptions {
  /** Inputs larger than this many bytes (on disk, over the wire, or after gunzip) are rejected. */
  maxBytes: number;
  /** Metadata by origin or file name from `--manifest`, applied over what the input itself says. */
  manifest?: Map<string, ArticleMeta>;
  /** Allow fetching from private, loopback and link-local addresses (`--allow-private`). */
  allowPrivate?: boolean;
  /** Give up on a URL (connect, redirects and body together) after this many milliseconds. */
  timeoutMs?: number;
}

/**
 * Default size cap: 20 MiB. The largest real news page in the extraction benchmark is under 2 MiB and
 * a JSONL dump of a few thousand articles fits well inside; larger inputs should be split.
 */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Default URL timeout: 15 s, long enough for a slow news site, short enough not to stall a batch. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** What a reader yields: articles, and explicit rejections naming the input and the problem. */
export type ReadResult = RawArticle | Rejected;

/** Whether a reader's result is a rejection. */
export function isRejected(r: unknown): r is Rejected {
  return typeof r === 'object' && r !== null && 'skipped' in r && 'reason' in r;
}

/** A rejection of `origin` for `reason`. */
export function reject(origin: string, reason: string): Rejected {
  return { skipped: origin, reason };
}

/**
 * Bytes from one input (a file or a URL response) before decoding, with what is known about them.
 * `name` is the file name or URL path, used for the kind (by extension) and for a date in it.
 */
export interface Source {
  origin: string;
  name: string;
  bytes: Uint8Array;
  /** The HTTP `Content-Type` header, when the bytes came over HTTP. */
  contentType?: string;
  /** The URL the bytes were fetched from (after redirects). */
  url?: string;
}
