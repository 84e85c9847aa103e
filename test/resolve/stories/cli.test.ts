import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'stories', 'basic');

describe('parley stories', () => {
  it('lists the stories of an ingested folder, as text and as JSON', async () => {
    const db = join(tempDir(), 'p.db');
    const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).map((f) => join(DIR, f));
    expect((await runCli(['ingest', ...files, '--db', db])).code).toBe(0);
    const json = await runCli(['stories', '--db', db, '--json']);
    expect(json.code).toBe(0);
    const stories = JSON.parse(json.out) as { id: string; title: string; docs: string[] }[];
    expect(stories.map((s) => s.docs.length)).toEqual([3, 2, 1]);
    expect(stories.every((s) => s.id.startsWith('story-') && s.title.length > 0)).toBe(true);
    const text = await runCli(['stories', '--db', db]);
    expect(text.out.split('\n').filter((l) => l.startsWith('story-')).map((l) => l.split('  ').slice(1, 3))).toEqual([
      ['3 docs', 'undated'],
      ['2 docs', 'undated'],
      ['1 doc', 'undated'],
    ]);
    const exported = JSON.parse((await runCli(['export', '--db', db, '--format', 'json'])).out);
    expect(exported.stories).toEqual(stories);
  });

  it('says so when there is nothing yet', async () => {
    const db = join(tempDir(), 'p.db');
    await (await SqliteStore.open(db)).close(); // an empty database: read-only commands refuse a missing one
    const out = await runCli(['stories', '--db', db]);
    expect(out).toEqual({ code: 0, out: 'no stories yet: ingest some articles first\n', err: '' });
  });
});
