/** Builds a store from the server fixtures with `ingest()` and a server over it, for API and browser tests. */
import { join } from 'node:path';
import { makeContext } from '../../src/context.js';
import { buildExport } from '../../src/export/json.js';
import { ingest } from '../../src/ingest-batch.js';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import type { ExportV1 } from '../../src/model/export.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';
import { withCorpus } from './corpus-fixture.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'server');
/** The reference date of the fixture articles (the day after the last one). */
export const FIXTURE_DATE = '2031-03-07';

/** A fresh SQLite store holding the fixture articles, ingested as the CLI would. */
export async function fixtureStore(): Promise<Store> {
  const store = await openStore(join(tempDir('parley-server-'), 'p.db'));
  await ingest([FIXTURES], store, makeContext({ referenceDate: FIXTURE_DATE }));
  return store;
}

/** Only the documents of an export, as a store holds before any annotation or resolver has run. */
export function documentsOnly(data: ExportV1): ExportV1 {
  return { ...data, entities: [], times: [], quotes: [], claims: [], events: [], stories: [], contradictions: [] };
}

/**
 * A server over `store`. With `corpus: 'fixture'`, the export it serves gets the fixture corpus
 * items (`corpus-fixture.ts`); with `'none'`, documents only; by default, exactly what the pipeline built.
 */
export async function fixtureServer(store: Store, over: Partial<ServerOptions> & { corpus?: 'fixture' | 'none' } = {}) {
  const { corpus, ...rest } = over;
  return buildServer({
    store,
    context: () => makeContext({ referenceDate: FIXTURE_DATE }),
    load:
      corpus === 'fixture' ? async () => withCorpus(await buildExport(store))
      : corpus === 'none' ? async () => documentsOnly(await buildExport(store))
      : undefined,
    rateLimit: 0,
    ...rest,
  });
}
