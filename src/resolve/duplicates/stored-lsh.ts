/**
 * An LSH index whose buckets live in resolver state (`b:<bucket>` → the `MAX_BUCKET_READ` most
 * recent ids): an incremental run reads only the buckets of the signatures it files, and gets back
 * what `LshIndex.addRanked` would give over the whole corpus.
 */
import type { IncrementalInput } from '../resolve.js';
import { bandKeys, MAX_BUCKET_READ } from './minhash.js';

export class StoredLsh {
  private readonly buckets = new Map<string, string[]>();

  constructor(
    private readonly state: IncrementalInput['state'],
    private readonly rows: number,
  ) {}

  /** Files `id` under its buckets; returns the ids filed before sharing at least `minHits` of them, most shared first (ties: latest first). */
  async add(id: string, sig: Uint32Array, minHits: number): Promise<string[]> {
    return (await this.addRanked(id, sig, minHits)).map(([other]) => other);
  }

  /** As `add`, with each candidate's number of shared bands. */
  async addRanked(id: string, sig: Uint32Array, minHits: number): Promise<[string, number][]> {
    const keys = bandKeys(sig, this.rows);
    const got = await this.state(keys.filter((k) => !this.buckets.has(k)).map((k) => `b:${k}`));
    for (const k of keys) if (!this.buckets.has(k)) this.buckets.set(k, [...((got.get(`b:${k}`) as string[] | undefined) ?? [])]);
    const hits = new Map<string, number>();
    for (const k of keys) {
      const bucket = this.buckets.get(k)!;
      for (let i = Math.max(0, bucket.length - MAX_BUCKET_READ); i < bucket.length; i++) hits.set(bucket[i], (hits.get(bucket[i]) ?? 0) + 1);
      bucket.push(id);
    }
    return [...hits].filter(([other, n]) => n >= minHits && other !== id).reverse().sort((a, b) => b[1] - a[1]);
  }

  /** The buckets this run changed, as state entries. */
  entries(): [string, unknown][] {
    return [...this.buckets].map(([k, ids]) => [`b:${k}`, ids.slice(-MAX_BUCKET_READ)]);
  }
}

/** A MinHash signature as stored in resolver state (base64 of its bytes). */
export const packSig = (sig: Uint32Array) => Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
/** The signature `packSig` stored. */
export const unpackSig = (text: string) => {
  const b = Buffer.from(text, 'base64');
  return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};
