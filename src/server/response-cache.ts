/**
 * Serialized API responses, cached per snapshot: a snapshot never changes, so the same URL gives the
 * same body until the next snapshot, and a repeated query (the timeline everyone opens, a popular
 * entity) costs a map lookup instead of filtering, serializing and hashing again. Least recently
 * used entries go first once the byte budget is spent; a new snapshot starts an empty cache.
 */
import type { Snapshot } from './snapshot.js';
import { etagOf } from './etag.js';

/** Bytes of bodies kept per snapshot: enough for every page of a 10k-document store's common views. */
export const CACHE_BYTES = 64 * 1024 * 1024;
/** Bodies larger than this are not kept (a few would crowd out everything else). */
export const MAX_CACHED_BODY = 4 * 1024 * 1024;

/** A serialized body with its ETag. */
export interface Cached {
  body: string;
  etag: string;
}

class Lru {
  private readonly entries = new Map<string, Cached>();
  private bytes = 0;

  get(key: string): Cached | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: Cached): void {
    if (value.body.length > MAX_CACHED_BODY) return;
    this.entries.set(key, value);
    this.bytes += value.body.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= CACHE_BYTES) break;
      this.entries.delete(k);
      this.bytes -= v.body.length;
    }
  }
}

const caches = new WeakMap<Snapshot, Lru>();

/** The cached response for `key` under `snap`, or `make()`'s result serialized, hashed and cached. */
export async function cachedResponse(snap: Snapshot, key: string, make: () => Promise<unknown> | unknown, enabled = true): Promise<Cached> {
  let lru = caches.get(snap);
  if (!lru) caches.set(snap, (lru = new Lru()));
  const hit = enabled ? lru.get(key) : undefined;
  if (hit) return hit;
  const body = JSON.stringify(await make());
  const fresh = { body, etag: etagOf(body) };
  if (enabled) lru.set(key, fresh);
  return fresh;
}
