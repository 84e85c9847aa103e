/**
 * Waiting lists of untyped names (`incremental-waiting.ts`): appended to in chunks, read back as the
 * last `MAX_WAITING` names in order, and what a step writes is what it adds.
 */
import { describe, expect, it } from 'vitest';
import { MAX_WAITING } from '../../../src/resolve/entities/incremental-state.js';
import { appendWaiting, takeWaiting, waitingState, type Waiting } from '../../../src/resolve/entities/incremental-waiting.js';
import type { IncrementalInput } from '../../../src/resolve/resolve.js';

/** A resolver state in memory: reads as `IncrementalInput.state`, writes applied as a store applies them. */
function memory() {
  const map = new Map<string, unknown>();
  const input = { state: async (keys: string[]) => new Map(keys.filter((k) => map.has(k)).map((k) => [k, map.get(k)])) } as unknown as IncrementalInput;
  const apply = (writes: [string, unknown][]) => writes.forEach(([k, v]) => (v === null ? map.delete(k) : map.set(k, v)));
  return { map, input, apply };
}
const names = (doc: string, n: number): Waiting[] => Array.from({ length: n }, (_, i) => [doc, i * 5, i * 5 + 4, i, 'Dren', 0, 0]);

describe('waiting lists', () => {
  it('keep the last MAX_WAITING names in order across steps, dropping whole chunks no longer needed', async () => {
    const { map, input, apply } = memory();
    apply(waitingState(new Map([['place|drenmouth', names('d0', 300)]])));
    const steps = [names('d1', 300), names('d2', 10), names('d3', 300)];
    for (const v of steps) apply(await appendWaiting(input, new Map([['place|drenmouth', v]]), new Set()));
    expect(map.get('un:place|drenmouth')).toEqual([[1, 300], [2, 10], [3, 300]]); // d0's chunk dropped: the others hold 610
    expect(map.has('uw:place|drenmouth#0')).toBe(false);
    const { lists, deleted } = await takeWaiting(input, ['place|drenmouth', 'place|elsewhere']);
    expect(lists.get('place|drenmouth')).toEqual([...names('d0', 300), ...steps.flat()].slice(-MAX_WAITING));
    expect(lists.has('place|elsewhere')).toBe(false);
    apply(deleted);
    expect(map.size).toBe(0);
  });

  it('write only the new names and the short list of chunks, however many are kept', async () => {
    const { input, apply } = memory();
    apply(waitingState(new Map([['person|ostrava', names('d0', 450)]])));
    const writes = await appendWaiting(input, new Map([['person|ostrava', names('d1', 2)]]), new Set());
    expect(writes).toEqual([['uw:person|ostrava#1', names('d1', 2)], ['un:person|ostrava', [[0, 450], [1, 2]]]]);
  });

  it('start a list taken this step afresh (negative case: the old chunks are not read again)', async () => {
    const { input, apply } = memory();
    apply(waitingState(new Map([['place|drenmouth', names('d0', 3)]])));
    const writes = await appendWaiting(input, new Map([['place|drenmouth', names('d1', 1)]]), new Set(['place|drenmouth']));
    expect(writes).toEqual([['uw:place|drenmouth#0', names('d1', 1)], ['un:place|drenmouth', [[0, 1]]]]);
  });
});
