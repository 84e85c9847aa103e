/**
 * Garbage collection between resolvers (`worker/collect.ts`) and the hook that runs it
 * (`ResolveOptions.between`): a resolution calls it once after each resolver, in full and
 * incremental runs, and the collector collects only when the heap grew past its slack.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/context.js';
import { BoundedMemo } from '../../src/memo.js';
import { resolveCorpus, RESOLVERS } from '../../src/resolve/resolve.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { fullCollection, GarbageCollector, GC_SLACK_MB } from '../../src/worker/collect.js';
import { makeDoc, makeRaw, tempDir } from '../helpers.js';

const MB = 2 ** 20;

describe('GarbageCollector', () => {
  it('collects when the used heap has grown more than the slack over the last survivors, and not otherwise', () => {
    // used heap as a test sets it: before and after each collection
    let used = 0;
    const gc = new GarbageCollector(64, () => used);
    used = 64 * MB; // not more than the slack over nothing
    expect(gc.between()).toBe(false);
    used = 65 * MB;
    expect(gc.between()).toBe(true); // collects; survivors are what `used` then says: 65 MB
    used = 129 * MB; // exactly the slack over 65
    expect(gc.between()).toBe(false);
    used = 130 * MB;
    expect(gc.between()).toBe(true);
    expect(gc.collections).toBe(2);
  });

  it('uses the slack GC_SLACK_MB by default', () => {
    let used = GC_SLACK_MB * MB;
    const gc = new GarbageCollector(undefined, () => used);
    expect(gc.between()).toBe(false);
    used += 1;
    expect(gc.between()).toBe(true);
  });

  it('collects for real: what nothing references any more is gone afterwards', async () => {
    const collect = fullCollection();
    const ref = new WeakRef(Array.from({ length: 200 }, () => new Array(10_000).fill(1.5)));
    await new Promise((r) => setTimeout(r, 0)); // a WeakRef keeps its target through the job that made (or read) it
    collect();
    expect(ref.deref()).toBeUndefined();
    expect(fullCollection()).toBe(collect);
  });
});

describe('resolveCorpus between resolvers', () => {
  const texts = ['Envoys of Varnholm met in Kessel on Monday.', 'Talks in Kessel ended on Tuesday without a deal.', 'Ostrava said the talks would resume.'];
  const put = (store: SqliteStore, t: string) => store.putBatch([{ doc: makeDoc(t), raw: makeRaw(`${t.length}.txt`, t) }]);

  it('calls `between` once after each resolver, in a full run and in an incremental one, and forgets the memos first', async () => {
    const store = SqliteStore.open(join(tempDir(), 'parley.sqlite'));
    const ctx = makeContext({ options: { incrementalFrom: 0 } });
    const memo = new BoundedMemo<number>(10);
    let computed = 0;
    const seen: number[] = [];
    const between = () => seen.push(memo.get('k', () => ++computed));
    try {
      await put(store, texts[0]);
      expect(await resolveCorpus(store, ctx, RESOLVERS, { between })).toBe('full');
      expect(seen).toHaveLength(RESOLVERS.length);
      await put(store, texts[1]);
      expect(await resolveCorpus(store, ctx, RESOLVERS, { between })).toBe('incremental');
      expect(seen).toHaveLength(2 * RESOLVERS.length);
      // the memo was emptied before every call, so each call computed its value afresh
      expect(seen).toEqual(Array.from({ length: 2 * RESOLVERS.length }, (_, i) => i + 1));
    } finally {
      await store.close();
    }
  });

  it('negative: nothing to resolve, no call', async () => {
    const store = SqliteStore.open(join(tempDir(), 'parley.sqlite'));
    let calls = 0;
    try {
      expect(await resolveCorpus(store, makeContext(), [], { between: () => calls++ })).toBe('none');
      expect(calls).toBe(0);
    } finally {
      await store.close();
    }
  });
});
