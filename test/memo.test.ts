import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BoundedMemo, forgetMemos } from '../src/memo.js';
import { resolvePending } from '../src/worker/resolve-pending.js';
import { makeDoc, makeRaw } from './helpers.js';
import { tokens } from '../src/resolve/duplicates/tokens.js';
import { resolveCorpus } from '../src/resolve/resolve.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { makeContext } from '../src/context.js';
import { tempDir } from './helpers.js';

describe('BoundedMemo', () => {
  it('computes a key once, and again only after it was emptied for being full', () => {
    const memo = new BoundedMemo<number>(2);
    const calls: string[] = [];
    const get = (k: string) => memo.get(k, () => (calls.push(k), k.length));
    expect([get('a'), get('bb'), get('a'), get('bb')]).toEqual([1, 2, 1, 2]);
    expect(calls).toEqual(['a', 'bb']);
    expect(get('ccc')).toBe(3); // full: emptied, then 'ccc' kept
    expect(get('a')).toBe(1);
    expect(calls).toEqual(['a', 'bb', 'ccc', 'a']);
    memo.clear();
    expect(get('a')).toBe(1);
    expect(calls).toEqual(['a', 'bb', 'ccc', 'a', 'a']);
  });
});

describe('tokens memo', () => {
  it('keeps a whole document’s tokens until a resolution ends, then forgets them', async () => {
    const text = 'Envoys of Varnholm met in Kessel. '.repeat(40);
    const first = tokens(text);
    expect(tokens(text)).toBe(first);
    const store = SqliteStore.open(join(tempDir(), 'parley.sqlite'));
    await resolveCorpus(store, makeContext());
    await store.close();
    const again = tokens(text);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('forgetMemos', () => {
  it('empties every memo of the thread, so each key is computed again', () => {
    const [a, b] = [new BoundedMemo<number>(10), new BoundedMemo<number>(10)];
    const calls: string[] = [];
    const get = (m: BoundedMemo<number>, k: string) => m.get(k, () => (calls.push(k), k.length));
    get(a, 'x');
    get(b, 'yy');
    get(a, 'x');
    expect(calls).toEqual(['x', 'yy']);
    forgetMemos();
    expect([get(a, 'x'), get(b, 'yy')]).toEqual([1, 2]);
    expect(calls).toEqual(['x', 'yy', 'x', 'yy']);
  });

  it('runs after each resolution step of resolvePending, and not when nothing was pending', async () => {
    const memo = new BoundedMemo<number>(10);
    let calls = 0;
    const get = () => memo.get('k', () => ++calls);
    const store = SqliteStore.open(join(tempDir(), 'parley.sqlite'));
    get();
    expect(await resolvePending(store, makeContext())).toBe(false);
    get();
    expect(calls).toBe(1); // nothing pending: nothing resolved, the memo kept
    const text = 'Envoys of Varnholm met in Kessel on Monday.';
    await store.putBatch([{ doc: makeDoc(text), raw: makeRaw('a.txt', text) }]);
    expect(await resolvePending(store, makeContext())).toBe(true);
    get();
    expect(calls).toBe(2);
    await store.close();
  });
});
