import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../src/memo.js';

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
  });
});
