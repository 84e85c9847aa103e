/**
 * The job queue and workers, in-process against PostgreSQL: claiming with SKIP LOCKED, the
 * earliest-read copy owning a document whichever worker commits first, rejections kept with their
 * reason, and corpus resolution that ends up covering every document under concurrency and crashes.
 */
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/context.js';
import type { NewsDoc } from '../../src/model/doc.js';
import type { Resolver } from '../../src/resolve/resolve.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { JobOutcome, QueuedArticle, Store } from '../../src/store/store.js';
import { clean } from '../../src/clean/clean.js';
import { runWorker } from '../../src/worker/run-worker.js';
import { resolvePending } from '../../src/worker/resolve-pending.js';
import { makeRaw } from '../helpers.js';
import { BACKENDS, HAVE_PG, POSTGRES } from '../store/backends.js';

const test = it.skipIf(!HAVE_PG);
const ctx = makeContext({ referenceDate: '2031-05-01' });
const queued = (origin: string, body: string): QueuedArticle => ({ raw: makeRaw(origin, body), referenceDate: '2031-05-01' });
const asDocs = async (jobs: QueuedArticle[]): Promise<JobOutcome[]> =>
  jobs.map(({ raw }) => {
    const doc = clean(raw);
    return 'skipped' in doc ? doc : { doc: doc as NewsDoc, raw };
  });

/** A resolver that records, as one story, every document id it saw: shows what the last resolution covered. */
const census: Resolver = {
  name: 'census',
  requires: [],
  run: (docs) => ({ items: { stories: [{ id: 'all', data: docs.map((d) => d.id).sort() }] } }),
};

describe('job queue (PostgreSQL)', () => {
  test('a copy read earlier takes the document over even when a worker stores the later copy first', async () => {
    const url = await POSTGRES.freshDb();
    const [one, two] = [await PostgresStore.open(url), await PostgresStore.open(url)];
    expect(await one.enqueue([queued('first.txt', 'Envoys met.'), queued('second.txt', 'Envoys  met.')])).toBe(2);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let claimedFirst!: () => void;
    const claimed = new Promise<void>((r) => (claimedFirst = r));
    const slow = one.processJobs(1, async (jobs) => {
      claimedFirst();
      await gate;
      return asDocs(jobs);
    });
    await claimed;
    const fast = await two.processJobs(5, asDocs);
    expect(fast.claimed).toBe(1);
    expect(fast.results.map((r) => [r.origin, r.status])).toEqual([['second.txt', 'new']]);
    release();
    expect((await slow).results.map((r) => r.origin)).toEqual(['first.txt']);
    const docs = await one.listDocs();
    expect(docs.map((d) => [d.origin, d.origins])).toEqual([['first.txt', 2]]);
    expect((await one.getDoc(docs[0].id))?.text).toBe('Envoys met.');
    expect(await one.pendingJobs()).toBe(0);
    await Promise.all([one.close(), two.close()]);
  });

  test('a rejected article stays rejected with its reason and is not queued again', async () => {
    const store = await PostgresStore.open(await POSTGRES.freshDb());
    await store.enqueue([queued('blank.txt', '  \n \n'), queued('ok.txt', 'Talks resumed.')]);
    const rejected: string[] = [];
    const summary = await runWorker(store, ctx, { exitWhenIdle: true, onRejected: (r) => rejected.push(`${r.skipped}: ${r.reason}`) });
    expect(rejected).toEqual(['blank.txt: empty: no text after cleaning']);
    expect([summary.processed, summary.new, summary.rejected]).toEqual([2, 1, 1]);
    expect(await store.enqueue([queued('blank.txt', '  \n \n')])).toBe(0);
    expect(await store.pendingJobs()).toBe(0);
    await store.close();
  });

  test('three concurrent workers store every article once and the last resolution sees them all', async () => {
    const url = await POSTGRES.freshDb();
    const setup = await PostgresStore.open(url);
    const bodies = Array.from({ length: 40 }, (_, i) => queued(`n${i}.txt`, `Report ${i % 30} from Kessel.`));
    expect(await setup.enqueue(bodies)).toBe(40);
    const workers = await Promise.all([1, 2, 3].map(() => PostgresStore.open(url)));
    const summaries = await Promise.all(
      workers.map((w) => runWorker(w, ctx, { exitWhenIdle: true, batchSize: 2, resolvers: [census] })),
    );
    expect(summaries.reduce((s, w) => s + w.processed, 0)).toBe(40);
    expect(summaries.reduce((s, w) => s + w.new, 0)).toBe(30);
    expect(await setup.countDocs()).toBe(30);
    const all = await setup.corpus<string[]>('stories');
    expect(all[0]).toHaveLength(30);
    const g = await setup.corpusGeneration();
    expect(g.changed).toBe(g.resolved);
    await Promise.all([setup, ...workers].map((s) => s.close()));
  });
});

describe.each(BACKENDS)('resolution after a crash ($name)', (backend) => {
  it.skipIf(!backend.available)('documents stored but never resolved are resolved by the next run, and only then', async () => {
    const store: Store = await backend.open(await backend.freshDb());
    const raw = makeRaw('a.txt', 'Envoys met.');
    await store.putBatch([{ raw, doc: clean(raw) as NewsDoc }]); // the run "dies" here, before resolving
    expect(await store.corpus('stories')).toEqual([]);
    expect(await resolvePending(store, ctx, [census])).toBe(true);
    expect((await store.corpus<string[]>('stories'))[0]).toHaveLength(1);
    expect(await resolvePending(store, ctx, [census])).toBe(false);
    await store.close();
  });
});
