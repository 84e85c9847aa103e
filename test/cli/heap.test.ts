import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, HEAP_GROWTH_ENV, heapGrowth } from '../../src/cli/heap.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('CLI heap growth (src/cli/heap.ts)', () => {
  it('defaults to HEAP_GROWING_PERCENT', () => {
    expect(heapGrowth([], {})).toBe(HEAP_GROWING_PERCENT);
    expect(heapGrowth(['--max-old-space-size=3000'], { [HEAP_GROWTH_ENV]: ' ' })).toBe(HEAP_GROWING_PERCENT);
  });

  it('takes PARLEY_HEAP_GROWTH; 0 leaves V8 its own heuristics', () => {
    expect(heapGrowth([], { [HEAP_GROWTH_ENV]: '80' })).toBe(80);
    expect(heapGrowth([], { [HEAP_GROWTH_ENV]: '0' })).toBeNull();
  });

  it("leaves V8 alone when node was given its own --heap-growing-percent", () => {
    expect(heapGrowth(['--heap-growing-percent=20'], { [HEAP_GROWTH_ENV]: '80' })).toBeNull();
    expect(heapGrowth(['--heap_growing_percent', '20'], {})).toBeNull();
  });

  it('negative: refuses a malformed variable, naming it and the valid values', () => {
    for (const bad of ['-5', 'fifty', '1.5', '50%']) {
      expect(() => heapGrowth([], { [HEAP_GROWTH_ENV]: bad })).toThrow(`${HEAP_GROWTH_ENV}=${bad}: expected a whole number of percent ≥ 0 (0 = V8's default heap growth)`);
    }
  });

  it('negative: the launched CLI reports a malformed variable on one line and exits 2', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'worker', 'child-cli.ts'), '--help'], {
      cwd: ROOT,
      env: { ...process.env, [HEAP_GROWTH_ENV]: 'lots' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe(`parley: ${HEAP_GROWTH_ENV}=lots: expected a whole number of percent ≥ 0 (0 = V8's default heap growth)\n`);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });
});
