/**
 * The per-document budget on annotation threads: a thread stuck on one document past its CPU budget
 * is terminated and that document rejected with the reason while the batch goes on (on a fresh
 * thread); a pool whose threads cannot start fails loudly instead of hanging.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/context.js';
import { ingest } from '../../src/ingest-batch.js';
import type { Rejected } from '../../src/model/doc.js';
import { DocPool } from '../../src/worker/doc-pool.js';
import { prepareHere } from '../../src/worker/prepare.js';
import { makeRaw, tempDir } from '../helpers.js';
import { BACKENDS } from '../store/backends.js';

const ctx = makeContext({ referenceDate: '2031-06-01' });
const SLOW_MS = 120_000;
/** Budget for this test: far above a short article (~5–30 ms), far below the long one (~2 s). */
const BUDGET_MS = 500;

/** An article that passes every size limit but takes seconds to annotate: 8,000 varied lines (~0.7M characters). */
function longArticle(): string {
  const names = ['Anna Dorr', 'Piet Valen', 'Mira Oskel', 'Toma Brand'];
  const places = ['Kessel', 'Varn', 'Lindhaven', 'Ostrava Nova'];
  return Array.from({ length: 8000 }, (_, i) => `Minister ${names[i % 4]} met envoys in ${places[(i >> 2) % 4]} on day ${i}, officials said, and ${i % 7} people were hurt.`).join('\n');
}

const sqlite = BACKENDS.find((b) => b.name === 'sqlite')!;

describe('a thread over its budget', () => {
  it('is stopped, its document rejected with the reason, and the batch goes on', async () => {
    const dir = join(tempDir(), 'in');
    mkdirSync(dir);
    writeFileSync(join(dir, 'b-long.txt'), longArticle());
    for (const n of [1, 2, 3, 4]) writeFileSync(join(dir, `a${n}.txt`), `Talks resume\n\nEnvoys of Aldoria met in Kessel on day ${n}, officials said.`);
    writeFileSync(join(dir, 'c-after.txt'), 'Ceasefire holds\n\nThe ceasefire held overnight in Varn, the governor said.');
    const store = await sqlite.open(await sqlite.freshDb());
    const pool = new DocPool({ size: 2, ctx, maxDocMs: BUDGET_MS });
    const rejected: Rejected[] = [];
    try {
      await pool.ready();
      const summary = await ingest([dir], store, ctx, { pool, onRejected: (r) => rejected.push(r) });
      expect(rejected, JSON.stringify({ summary, stats: pool.stats })).toEqual([{ skipped: join(dir, 'b-long.txt'), reason: 'over budget: took more than 500 ms of CPU to clean and annotate; stopped' }]);
      expect(summary).toEqual({ read: 6, new: 5, duplicate: 0, unchanged: 0, rejected: 1 });
      expect(pool.stats).toEqual({ inThreads: 6, here: 0, stopped: 1 });
      // the replacement thread works
      const raw = makeRaw('d.txt', 'Talks end\n\nThe envoys left Kessel.');
      const none = async () => new Map<string, number>();
      expect(await pool.prepare(raw, ctx.referenceDate, none)).toEqual(await prepareHere(raw, none, ctx));
    } finally {
      await pool.close();
      await store.close();
    }
  }, SLOW_MS);
});

describe('threads that cannot start', () => {
  it('fail the pool with the reason instead of hanging', async () => {
    const pool = new DocPool({ size: 2, ctx, heapMb: 4 });
    try {
      await expect(pool.ready()).rejects.toThrow(/^an annotation thread failed to start: /);
      await expect(pool.prepare(makeRaw('a.txt', 'Envoys met.'), ctx.referenceDate, async () => new Map())).rejects.toThrow(/failed to start/);
    } finally {
      await pool.close();
    }
  }, SLOW_MS);
});
