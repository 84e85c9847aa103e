import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'stories', 'basic');

describe('parley resolve', () => {
  it('resolves the corpus again, the same way ingest did', async () => {
    const db = join(tempDir(), 'p.db');
    const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).map((f) => join(DIR, f));
    expect((await runCli(['ingest', ...files, '--db', db, '--pack', 'none'])).code).toBe(0);
    const before = (await runCli(['export', '--db', db, '--format', 'json'])).out;
    expect(await runCli(['resolve', '--db', db, '--pack', 'none'])).toEqual({ code: 0, out: 'resolved 6 documents (full)\n', err: '' });
    expect(await runCli(['resolve', '--db', db, '--pack', 'none', '--full'])).toEqual({ code: 0, out: 'resolved 6 documents (full)\n', err: '' });
    expect((await runCli(['export', '--db', db, '--format', 'json'])).out).toEqual(before);
  });

  it('refuses a database that is not there', async () => {
    const db = join(tempDir(), 'missing.db');
    expect(await runCli(['resolve', '--db', db])).toEqual({ code: 4, out: '', err: `parley: --db ${db}: no database there; create one with parley ingest\n` });
  });
});
