import { describe, expect, it } from 'vitest';
import { append } from '../src/append.js';

describe('append', () => {
  it('appends in order and returns the array it appended to', () => {
    const into = [1, 2];
    expect(append(into, [3, 4])).toBe(into);
    expect(into).toEqual([1, 2, 3, 4]);
  });

  it('appends more items than a spread call can pass (an event of a 100k corpus)', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    expect(() => [0].push(...many)).toThrow(RangeError);
    const into = [0];
    append(into, many);
    expect(into).toHaveLength(500_001);
    expect(into.at(-1)).toBe(499_999);
  });
});
