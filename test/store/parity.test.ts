/**
 * Exporting the same inputs from either backend gives the same result: the fixture folder plus a
 * small synthetic corpus (copies, rewrites, boilerplate) ingested into SQLite and into PostgreSQL.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/context.js';
import { ingest } from '../../src/ingest-batch.js';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus.js';
import { tempDir } from '../helpers.js';
import { HAVE_PG, POSTGRES, SQLITE } from './backends.js';
import { snapshot } from './snapshot.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'store', 'mixed');

describe('SQLite and PostgreSQL', () => {
  it.skipIf(!HAVE_PG)('give the same export, corpus and originals for the same inputs', async () => {
    const corpus = join(tempDir(), 'corpus');
    writeSyntheticCorpus(corpus, { docs: 40, seed: 11, words: 200, copies: 0.1, rewrites: 0.2 });
    const ctx = makeContext({ referenceDate: '2031-05-10' });
    const results = [];
    for (const backend of [SQLITE, POSTGRES]) {
      const store = await backend.open(await backend.freshDb());
      const rejected: string[] = [];
      const summary = await ingest([FIXTURE, corpus], store, ctx, { batchSize: 7, onRejected: (r) => rejected.push(r.skipped) });
      results.push({ summary, rejected, snap: await snapshot(store) });
      await store.close();
    }
    const [lite, pg] = results;
    expect(lite.summary.new).toBeGreaterThan(30);
    expect(lite.summary.duplicate).toBeGreaterThan(0);
    expect(pg.summary).toEqual(lite.summary);
    expect(pg.rejected).toEqual(lite.rejected);
    expect(pg.snap.exported).toEqual(lite.snap.exported);
    expect(pg.snap.corpus).toEqual(lite.snap.corpus);
    expect(pg.snap.originals).toEqual(lite.snap.originals);
    expect(pg.snap.listed).toEqual(lite.snap.listed);
  });
});
