/**
 * A run known to be long (`hasFilesAtLeast`) starts the pool's threads at once (`DocPool.start`): the
 * calling thread then annotates nothing itself, so it never holds the models. Each thread's young
 * generation is limited (`THREAD_YOUNG_MB`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/context.js';
import { loadPack } from '../../src/packs/load.js';
import { DocPool, THREAD_YOUNG_MB } from '../../src/worker/doc-pool.js';
import { hasFilesAtLeast } from '../../src/worker/long-run.js';
import { makeRaw, tempDir } from '../helpers.js';

const ctx = makeContext({ referenceDate: '2031-06-01', pack: loadPack('none') });
const raws = Array.from({ length: 6 }, (_, i) => makeRaw(`s${i}.txt`, `Talks in Kessel, day ${i}\n\nEnvoys of Aldoria and Brevnia met in Kessel on Monday, officials said.`));
const lineCounts = async (_outlet: string, keys: string[]) => new Map(keys.map((k) => [k, 0]));
const SLOW_MS = 60_000;

describe('DocPool.start', () => {
  it('leaves every article to the threads, waiting for them to start, with young generations within the limit', async () => {
    const pool = new DocPool({ size: 2, ctx });
    try {
      pool.start();
      const docs = await Promise.all(raws.map((r) => pool.prepare(r, ctx.referenceDate, lineCounts)));
      expect(docs.map((d) => ('skipped' in d ? d.reason : d.origin))).toEqual(raws.map((r) => r.origin));
      expect(pool.stats).toEqual({ inThreads: raws.length, here: 0, stopped: 0 });
      // one thread may have taken every article before the other was ready: ask both once both are
      await pool.ready();
      const heaps = await pool.threadHeaps();
      expect(heaps).toHaveLength(2);
      for (const h of heaps) {
        expect(h.youngMb).toBeGreaterThan(0);
        expect(h.youngMb).toBeLessThanOrEqual(THREAD_YOUNG_MB);
      }
    } finally {
      await pool.close();
    }
  }, SLOW_MS);

  it('negative: a pool of one thread is the calling thread, and start() changes nothing', async () => {
    const pool = new DocPool({ size: 1, ctx });
    try {
      pool.start();
      await Promise.all(raws.map((r) => pool.prepare(r, ctx.referenceDate, lineCounts)));
      expect(pool.stats).toEqual({ inThreads: 0, here: raws.length, stopped: 0 });
    } finally {
      await pool.close();
    }
  });
});

describe('hasFilesAtLeast', () => {
  it('counts the files of folders (recursively, dotfiles skipped) and files given, and stops at n', async () => {
    const dir = join(tempDir(), 'in');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    for (const f of ['a.txt', 'b.html', 'sub/c.json', '.hidden']) writeFileSync(join(dir, f), 'x');
    expect(await hasFilesAtLeast([dir], 3)).toBe(true);
    expect(await hasFilesAtLeast([dir], 4)).toBe(false);
    expect(await hasFilesAtLeast([dir, join(dir, '.hidden')], 4)).toBe(true);
  });

  it('negative: URLs and inputs that cannot be read count nothing', async () => {
    expect(await hasFilesAtLeast(['https://example.org/feed.xml', join(tempDir(), 'missing')], 1)).toBe(false);
  });
});
