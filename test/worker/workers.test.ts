/**
 * Three `parley worker` processes on loopback, sharing one PostgreSQL queue, end with the same
 * database as one `parley ingest` process reading the same inputs.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus.js';
import { tempDir } from '../helpers.js';
import { HAVE_PG, POSTGRES } from '../store/backends.js';
import { snapshot } from '../store/snapshot.js';
import { runCliChild } from './spawn.js';
import { makeContext } from '../../src/context.js';
import { loadPack } from '../../src/packs/load.js';
import { ingest } from '../../src/ingest-batch.js';
import { isJobQueue } from '../../src/store/store.js';
import { enqueueInputs } from '../../src/worker/enqueue.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'store', 'mixed');

describe('parley worker', () => {
  it.skipIf(!HAVE_PG)('three workers give the same export as a single process', async () => {
    const corpus = join(tempDir(), 'corpus');
    writeSyntheticCorpus(corpus, { docs: 60, seed: 21, words: 250, copies: 0.1, rewrites: 0.2 });
    const [single, shared] = [await POSTGRES.freshDb(), await POSTGRES.freshDb()];
    // The workers' CLI takes today's date as the reference date and russia-ukraine as the pack; so does this run.
    const today = new Date().toISOString().slice(0, 10);
    const one = await POSTGRES.open(single);
    const ref = await ingest([FIXTURE, corpus], one, makeContext({ referenceDate: today, pack: loadPack('russia-ukraine') }));
    await one.close();
    const queue = await POSTGRES.open(shared);
    if (!isJobQueue(queue)) throw new Error('no job queue');
    const queued = await enqueueInputs([FIXTURE, corpus], queue, today);
    await queue.close();
    expect(queued.queued).toBe(ref.read);
    const workers = await Promise.all(
      [1, 2, 3].map(() => runCliChild(['worker', '--db', shared, '--exit-when-idle', '--batch', '3', '--json'])),
    );
    const summaries = workers.map((w) => JSON.parse(w.out));
    expect(summaries.reduce((s, w) => s + w.processed, 0)).toBe(ref.read);
    expect(summaries.reduce((s, w) => s + w.new, 0)).toBe(ref.new);
    console.log(`jobs per worker: ${summaries.map((w) => w.processed).join(', ')}`);

    const a = await POSTGRES.open(single);
    const b = await POSTGRES.open(shared);
    const [sa, sb] = [await snapshot(a), await snapshot(b)];
    expect(sa.exported.documents.length).toBe(ref.new);
    expect(sb).toEqual(sa);
    await Promise.all([a.close(), b.close()]);
  }, 180_000); // three CLI processes (~1.5 s of start-up each); generous for busy CI machines
});
