import type { RawArticle, Rejected } from '../model/doc.js';

/** Options every reader receives. */
export interface ReadOptions {
  /** Inputs larger than this many bytes are rejected (default 20 MiB). */
  maxBytes: number;
  /** Metadata by origin or file name from `--manifest`, applied over what the input itself says. */
  manifest?: Map<string, import('../model/doc.js').ArticleMeta>;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** What a reader yields: articles, and explicit rejections naming the input and the problem. */
export type ReadResult = RawArticle | Rejected;

export function isRejected(r: unknown): r is Rejected {
  return typeof r === 'object' && r !== null && 'skipped' in r && 'reason' in r;
}
