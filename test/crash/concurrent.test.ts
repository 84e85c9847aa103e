/**
 * Two `parley ingest` processes at once on one SQLite file: both finish without "database is locked",
 * every article is stored once, and the corpus left at the end is what resolving the stored documents
 * from scratch gives — no resolution was undone by another written over it (the resolver lease lets
 * one process resolve at a time; write transactions take the write lock when they begin, so they
 * wait for each other instead of failing).
 *
 * Why not compare with one process ingesting both folders: a resolution's output depends on the order
 * documents were stored in (stories list their documents in that order; a role's evidence is its first
 * mention), and two processes interleave their batches differently on every run.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus.js';
import { makeContext } from '../../src/context.js';
import { loadPack } from '../../src/packs/load.js';
import { ingest } from '../../src/ingest-batch.js';
import { resolveCorpus } from '../../src/resolve/resolve.js';
import { tempDir } from '../helpers.js';
import { SQLITE } from '../store/backends.js';
import { snapshot } from '../store/snapshot.js';
import { spawnCli } from '../worker/spawn.js';

/** Two CLI processes (~1.5 s of start-up each) and a reference run; generous for busy CI machines. */
const SLOW_MS = 180_000;
/** As the CLI runs: today's reference date, its default pack. */
const ctx = () => makeContext({ referenceDate: new Date().toISOString().slice(0, 10), pack: loadPack('russia-ukraine') });

/** Short synthetic articles in a folder of their own. */
function folder(seed: number): string {
  const dir = join(tempDir(), `corpus-${seed}`);
  writeSyntheticCorpus(dir, { docs: 70, seed, words: 60, copies: 0.05, rewrites: 0.1 });
  return dir;
}

it('two parley ingest processes on one SQLite file store every article once and leave the corpus a full resolution gives', async () => {
  const [a, b] = [folder(51), folder(52)];
  const reference = await SQLITE.open(await SQLITE.freshDb());
  await ingest([a, b], reference, ctx());
  const expected = await snapshot(reference);
  await reference.close();

  const db = await SQLITE.freshDb();
  const runs = await Promise.all([spawnCli(['ingest', a, '--db', db]).done, spawnCli(['ingest', b, '--db', db]).done]);
  for (const r of runs) expect([r.code, r.err]).toEqual([0, '']);
  const store = await SQLITE.open(db);
  const got = await snapshot(store);
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
  expect(byId(got.listed)).toEqual(byId(expected.listed));
  expect((await store.unresolvedDocIds()).length).toBe(0);
  const g = await store.corpusGeneration();
  expect(g.resolved).toBe(g.changed);

  await resolveCorpus(store, ctx(), undefined, { full: true });
  const again = await snapshot(store);
  await store.close();
  expect(got.corpus).toEqual(again.corpus);
  expect(got.exported).toEqual(again.exported);
}, SLOW_MS);
