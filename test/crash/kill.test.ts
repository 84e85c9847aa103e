/**
 * Crash safety: `parley ingest` (SQLite and PostgreSQL), `parley ingest --enqueue` and `parley worker`
 * are SIGKILLed at seeded random points — after a batch commits, mid-batch, during corpus resolution
 * — then run again; the database must end exactly as after one uninterrupted run: the same export,
 * corpus, originals and document list, nothing lost, nothing doubled.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCorpus, seeded } from '../../bench/synthetic-corpus.js';
import { makeContext } from '../../src/context.js';
import { loadPack } from '../../src/packs/load.js';
import { ingest } from '../../src/ingest-batch.js';
import { isJobQueue, type Store } from '../../src/store/store.js';
import { enqueueInputs } from '../../src/worker/enqueue.js';
import { runWorker } from '../../src/worker/run-worker.js';
import { tempDir } from '../helpers.js';
import { BACKENDS, POSTGRES, type Backend } from '../store/backends.js';
import { snapshot } from '../store/snapshot.js';
import { killWhen } from '../worker/spawn.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'store', 'mixed');
/** The CLI's reference date is today and its default pack russia-ukraine; the in-process runs use the same. */
/** Each test spawns 4–7 CLI processes (~1.5 s of start-up each); generous for busy CI machines. */
const SLOW_MS = 180_000;
const PACK = loadPack('russia-ukraine');
const ctx = () => makeContext({ referenceDate: new Date().toISOString().slice(0, 10), pack: PACK });

/** A corpus of 110 short synthetic articles (three ingest batches of up to 50) plus the mixed fixture folder. */
function inputs(seed: number): string[] {
  const dir = join(tempDir(), 'corpus');
  writeSyntheticCorpus(dir, { docs: 110, seed, words: 60, copies: 0.08, rewrites: 0.15 });
  return [FIXTURE, dir];
}

async function reference(backend: Backend, paths: string[]) {
  const store = await backend.open(await backend.freshDb());
  await ingest(paths, store, ctx());
  const snap = await snapshot(store);
  await store.close();
  return snap;
}

/** Conditions to kill at: once this run has committed a batch, or once all is stored but not yet resolved. */
const afterABatch = (store: Store) => {
  let before: number | null = null;
  return async () => {
    const n = await store.countDocs();
    before ??= n;
    return n > before;
  };
};
const whileResolving = (store: Store, total: number) => async () => {
  const g = await store.corpusGeneration();
  return (await store.countDocs()) === total && g.changed !== g.resolved;
};

describe.each(BACKENDS)('killing parley ingest ($name)', (backend) => {
  it.skipIf(!backend.available)('then running it again gives the same database as one uninterrupted run', async () => {
    const paths = inputs(31);
    const expected = await reference(backend, paths);
    const db = await backend.freshDb();
    const store = await backend.open(db); // creates the schema before the child runs, and watches it
    const rand = seeded(backend.name === 'sqlite' ? 7 : 8);
    const total = expected.exported.documents.length;
    const outcomes = [];
    for (const when of [afterABatch(store), afterABatch(store), whileResolving(store, total)]) {
      outcomes.push(await killWhen(['ingest', ...paths, '--db', db], when, rand() * 40));
    }
    console.log(`${backend.name} ingest kills: ${outcomes.join(', ')}`);
    expect(outcomes[0]).toBe('killed');
    await ingest(paths, store, ctx());
    expect(await snapshot(store)).toEqual(expected);
    await store.close();
  }, SLOW_MS);
});

describe('killing parley ingest --enqueue and parley worker (postgres)', () => {
  it.skipIf(!POSTGRES.available)('then running them again gives the same database as one uninterrupted ingest', async () => {
    const paths = inputs(41);
    const expected = await reference(POSTGRES, paths);
    const db = await POSTGRES.freshDb();
    const store = await POSTGRES.open(db);
    if (!isJobQueue(store)) throw new Error('no job queue');
    const rand = seeded(9);
    const queued = async () => (await store.pendingJobs()) > 0;
    const outcomes = [await killWhen(['ingest', ...paths, '--db', db, '--enqueue'], queued, rand() * 20)];
    await enqueueInputs(paths, store, ctx().referenceDate);
    const total = expected.exported.documents.length;
    for (const when of [afterABatch(store), afterABatch(store), whileResolving(store, total)]) {
      outcomes.push(await killWhen(['worker', '--db', db, '--exit-when-idle', '--batch', '10'], when, rand() * 40));
    }
    console.log(`enqueue/worker kills: ${outcomes.join(', ')}`);
    expect(outcomes[1]).toBe('killed');
    await runWorker(store, ctx(), { exitWhenIdle: true });
    expect(await store.pendingJobs()).toBe(0);
    expect(await snapshot(store)).toEqual(expected);
    await store.close();
  }, SLOW_MS);
});
