/**
 * Annotation threads: the thread count option, how a thread is started from the TypeScript source
 * and from compiled JavaScript, and that documents made on threads are exactly those made on the main
 * thread — one by one, and as a whole ingest (the same database).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus.js';
import { makeContext } from '../../src/context.js';
import { ingest } from '../../src/ingest-batch.js';
import type { RawArticle } from '../../src/model/doc.js';
import { loadPack } from '../../src/packs/load.js';
import { DocPool } from '../../src/worker/doc-pool.js';
import { prepareHere } from '../../src/worker/prepare.js';
import { threadCount } from '../../src/worker/threads.js';
import { threadLaunch } from '../../src/worker/thread-launch.js';
import { makeRaw, tempDir } from '../helpers.js';
import { BACKENDS, POSTGRES } from '../store/backends.js';
import { isJobQueue } from '../../src/store/store.js';
import { enqueueInputs } from '../../src/worker/enqueue.js';
import { runWorker } from '../../src/worker/run-worker.js';
import { snapshot } from '../store/snapshot.js';

const PACK = loadPack('russia-ukraine');
const ctx = makeContext({ referenceDate: '2031-06-01', pack: PACK });
/** Threads start in ~1–3 s each under tsx; generous for busy machines. */
const SLOW_MS = 120_000;

/** Synthetic articles (with outlets and repeated boilerplate lines) as raw articles. */
function corpus(docs: number, seed: number): RawArticle[] {
  const dir = join(tempDir(), 'c');
  writeSyntheticCorpus(dir, { docs, seed, words: 200, copies: 0.1, rewrites: 0.2 });
  return readdirSync(dir).sort().map((f) => makeRaw(join(dir, f), readFileSync(join(dir, f), 'utf8')));
}

describe('thread count', () => {
  it('takes the option, else PARLEY_THREADS, else the cores', () => {
    expect(threadCount(3, { PARLEY_THREADS: '5' })).toBe(3);
    expect(threadCount(undefined, { PARLEY_THREADS: '5' })).toBe(5);
    expect(threadCount(undefined, {})).toBeGreaterThanOrEqual(1);
  });
  it.each([
    [0, {}, 'threads: 0 is not a whole number ≥ 1 (1 = no threads)'],
    [1.5, {}, 'threads: 1.5 is not a whole number ≥ 1 (1 = no threads)'],
    [undefined, { PARLEY_THREADS: 'two' }, 'PARLEY_THREADS=two: expected a whole number ≥ 1 (1 = no threads)'],
    [undefined, { PARLEY_THREADS: '0' }, 'PARLEY_THREADS=0: expected a whole number ≥ 1 (1 = no threads)'],
    [999, {}, "threads: 999 is more than 8 (4 per core on this machine's 2)"],
    [undefined, { PARLEY_THREADS: '9' }, "PARLEY_THREADS=9: more than 8 (4 per core on this machine's 2)"],
  ])('refuses %s / %o', (n, env, message) => {
    expect(() => threadCount(n, env, 2)).toThrow(message);
  });
});

describe('starting a thread', () => {
  it('from compiled JavaScript: the .js thread next to the module', () => {
    expect(threadLaunch('file:///opt/parley/dist/worker/doc-pool.js')).toEqual({ entry: new URL('file:///opt/parley/dist/worker/doc-thread.js'), eval: false });
  });

  it('from TypeScript: registers tsx (found from the module, not the working directory), then imports the .ts thread', () => {
    const moduleUrl = new URL('../../src/worker/doc-pool.ts', import.meta.url).href;
    const l = threadLaunch(moduleUrl);
    expect(l.eval).toBe(true);
    expect(l.entry).toMatch(/^import\("file:\/\/\/[^"]*\/node_modules\/tsx\/dist\/esm\/api\/index\.mjs"\)/);
    expect(l.entry).toContain(JSON.stringify(new URL('../../src/worker/doc-thread.ts', import.meta.url).href));
  });

  it('refuses a module that is neither', () => {
    expect(() => threadLaunch('file:///x/doc-pool.py')).toThrow('cannot start the doc-thread thread from file:///x/doc-pool.py: expected a .js or .ts module');
  });

  it('starts the resolver thread the same way, by its name', () => {
    expect(threadLaunch('file:///opt/parley/dist/worker/background-resolver.js', 'resolve-thread')).toEqual({ entry: new URL('file:///opt/parley/dist/worker/resolve-thread.js'), eval: false });
  });
});

describe('DocPool', () => {
  it('makes on threads exactly the documents the main thread makes, in the order asked', async () => {
    const raws = corpus(12, 5);
    raws.push(makeRaw('blank.txt', ' \n \n'), makeRaw('long-word.txt', `${'x'.repeat(3000)} end.`));
    // line counts as a store would give them: every line seen twice before in its outlet
    const lineCounts = async (_outlet: string, keys: string[]) => new Map(keys.map((k) => [k, 2]));
    const here = await Promise.all(raws.map((r) => prepareHere(r, lineCounts, ctx)));
    const pool = new DocPool({ size: 2, ctx });
    try {
      await pool.ready();
      const threaded = await Promise.all(raws.map((r) => pool.prepare(r, ctx.referenceDate, lineCounts)));
      expect(pool.stats).toEqual({ inThreads: raws.length, here: 0, stopped: 0 });
      expect(threaded).toEqual(here);
      expect(threaded.at(-2)).toEqual({ skipped: 'blank.txt', reason: 'empty: no text after cleaning' });
    } finally {
      await pool.close();
    }
  }, SLOW_MS);
});

describe.each(BACKENDS)('ingest on threads ($name)', (backend) => {
  it.skipIf(!backend.available)('gives the same database as ingest on the main thread', async () => {
    const dir = join(tempDir(), 'in');
    writeSyntheticCorpus(dir, { docs: 90, seed: 8, words: 150, copies: 0.1, rewrites: 0.2 });
    const one = await backend.open(await backend.freshDb());
    const a = await ingest([dir], one, ctx, { threads: 1, batchSize: 20 });
    const two = await backend.open(await backend.freshDb());
    const pool = new DocPool({ size: 2, ctx });
    try {
      await pool.ready();
      const b = await ingest([dir], two, ctx, { pool, batchSize: 20 });
      expect(pool.stats.inThreads).toBe(90);
      expect(b).toEqual(a);
    } finally {
      await pool.close();
    }
    expect(await snapshot(two)).toEqual(await snapshot(one));
    await Promise.all([one.close(), two.close()]);
  }, SLOW_MS);
});

describe('parley worker on threads (postgres)', () => {
  it.skipIf(!POSTGRES.available)('gives the same database as ingest on the main thread', async () => {
    const dir = join(tempDir(), 'in');
    writeSyntheticCorpus(dir, { docs: 40, seed: 12, words: 150, copies: 0.1, rewrites: 0.2 });
    const one = await POSTGRES.open(await POSTGRES.freshDb());
    await ingest([dir], one, ctx, { threads: 1, batchSize: 20 });
    const queue = await POSTGRES.open(await POSTGRES.freshDb());
    if (!isJobQueue(queue)) throw new Error('no job queue');
    await enqueueInputs([dir], queue, ctx.referenceDate);
    const pool = new DocPool({ size: 2, ctx });
    try {
      await pool.ready();
      const summary = await runWorker(queue, ctx, { pool, batchSize: 20, exitWhenIdle: true });
      expect([summary.processed, summary.resolutions, pool.stats.inThreads]).toEqual([40, 1, 40]);
    } finally {
      await pool.close();
    }
    expect(await snapshot(queue)).toEqual(await snapshot(one));
    await Promise.all([one.close(), queue.close()]);
  }, SLOW_MS);
});
