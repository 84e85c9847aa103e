import type { ReadOptions, ReadResult } from './types.js';

/** A plain-text article: the whole file is the body. */
export function* readTextFile(origin: string, bytes: Uint8Array, _opts: ReadOptions): Generator<ReadResult> {
  const body = new TextDecoder('utf-8').decode(bytes);
  if (body.trim().length === 0) {
    yield { skipped: origin, reason: 'empty: no text' };
    return;
  }
  yield { origin, body, contentType: 'text/plain', meta: {}, bytes, encoding: 'UTF-8' };
}
