import { buildExport } from '../../src/export/json.js';
import type { CorpusKind, Store } from '../../src/store/store.js';

const KINDS: CorpusKind[] = ['entities', 'events', 'stories', 'duplicates', 'contradictions'];

/** Everything a user can get out of a store: the export, every corpus kind, the originals. */
export async function snapshot(store: Store) {
  const exported = await buildExport(store);
  const corpus = Object.fromEntries(await Promise.all(KINDS.map(async (k) => [k, await store.corpus(k)])));
  const originals = [];
  for (const d of exported.documents) {
    for (const o of await store.originals(d.id)) originals.push([d.id, o.origin, Buffer.from(o.bytes).toString('base64')]);
  }
  return { exported, corpus, originals, listed: await store.listDocs() };
}

