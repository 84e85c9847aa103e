/**
 * The pool working on the calling thread must let the event loop turn between documents: reading
 * files and SQLite are synchronous, so otherwise a whole ingest ran in microtasks and the threads'
 * "ready" messages were never received (every article of a 3,000-article ingest was annotated on the
 * main thread while two threads sat idle).
 */
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/context.js';
import { loadPack } from '../../src/packs/load.js';
import { DocPool } from '../../src/worker/doc-pool.js';
import { makeRaw } from '../helpers.js';

const ctx = makeContext({ referenceDate: '2031-06-01', pack: loadPack('none') });
const raws = Array.from({ length: 8 }, (_, i) => makeRaw(`n${i}.txt`, `Talks in Kessel, day ${i}\n\nEnvoys of Aldoria and Brevnia met in Kessel on Monday, officials said.`));
const lineCounts = async (_outlet: string, keys: string[]) => new Map(keys.map((k) => [k, 0]));

describe('DocPool on the calling thread', () => {
  it('lets timers and messages in between documents, not only after the batch', async () => {
    const pool = new DocPool({ size: 1, ctx });
    let done = 0;
    let doneWhenTimerRan = -1;
    setTimeout(() => (doneWhenTimerRan = done), 0);
    try {
      const results = await Promise.all(raws.map((r) => pool.prepare(r, ctx.referenceDate, lineCounts).then((d) => (done++, d))));
      expect(results.map((d) => ('skipped' in d ? d.reason : d.origin))).toEqual(raws.map((r) => r.origin));
      expect(doneWhenTimerRan).toBeGreaterThanOrEqual(1);
      expect(doneWhenTimerRan).toBeLessThan(raws.length);
      expect(pool.stats).toEqual({ inThreads: 0, here: raws.length, stopped: 0 });
    } finally {
      await pool.close();
    }
  });

  it('negative: a pool with no threads has no thread heaps to report', async () => {
    const pool = new DocPool({ size: 1, ctx });
    expect(await pool.threadHeaps()).toEqual([]);
    await pool.close();
    expect(await DocPool.allThreadHeaps()).toEqual([]);
  });
});
