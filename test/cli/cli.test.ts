import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { exportV1 } from '../../src/model/export.js';
import { runCli, tempDir } from '../helpers.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cli', 'basic');

describe('parley CLI', () => {
  it('ingests a folder, names each rejected input on one line, and exits 1', async () => {
    const db = join(tempDir(), 'p.db');
    const r = await runCli(['ingest', FIXTURES, '/no/such/file.txt', '--db', db]);
    expect(r.out).toBe('read 3, new 2, duplicate 1, unchanged 0, rejected 2\n');
    expect(r.err.split('\n').filter(Boolean)).toEqual([
      `parley: ${join(FIXTURES, 'empty.txt')}: empty: no text`,
      'parley: /no/such/file.txt: cannot read: ENOENT',
    ]);
    expect(r.code).toBe(1);
  });

  it('re-ingesting changes nothing', async () => {
    const db = join(tempDir(), 'p.db');
    await runCli(['ingest', FIXTURES, '--db', db]);
    const before = (await runCli(['export', '--db', db])).out;
    const again = await runCli(['ingest', FIXTURES, '--db', db, '--json']);
    expect(JSON.parse(again.out)).toEqual({ read: 3, new: 0, duplicate: 0, unchanged: 3, rejected: 1 });
    expect((await runCli(['export', '--db', db])).out).toBe(before);
  });

  it('exports JSON that satisfies contract v1, to stdout or a file', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    await runCli(['ingest', FIXTURES, '--db', db]);
    const out = join(dir, 'out.json');
    expect((await runCli(['export', '--db', db, '--format', 'json', '--out', out])).code).toBe(0);
    const data = exportV1.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(data.documents.map((d) => d.origin)).toEqual([join(FIXTURES, 'a-copy.txt'), join(FIXTURES, 'b.txt')]);
  });

  it('exports CSV with a header row', async () => {
    const db = join(tempDir(), 'p.db');
    await runCli(['ingest', join(FIXTURES, 'b.txt'), '--db', db]);
    const { out } = await runCli(['export', '--db', db, '--format', 'csv']);
    expect(out.split('\n')[0]).toBe('id,origin,title,outlet,published,published_source,flags,duplicate_of,removed,text');
  });

  it('rejects a bad option value with exit 2 and a message naming it', async () => {
    const r = await runCli(['export', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("argument 'xml' is invalid");
  });

  it('shows a document and says when none matches', async () => {
    const db = join(tempDir(), 'p.db');
    await runCli(['ingest', join(FIXTURES, 'b.txt'), '--db', db]);
    const list = JSON.parse((await runCli(['docs', '--db', db, '--json'])).out);
    const shown = await runCli(['show', list[0].id.slice(0, 8), '--db', db]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('Ostravan foreign minister Anna Brecht said the ceasefire would hold.');
    const missing = await runCli(['show', 'ffffffff', '--db', db]);
    expect(missing).toEqual({ code: 4, out: '', err: 'parley: no document with id "ffffffff" (or the prefix is ambiguous); see parley docs\n' });
  });

  it('fails with exit 3 and one line when the database cannot be opened', async () => {
    const r = await runCli(['ingest', join(FIXTURES, 'b.txt'), '--db', '/no/such/dir/p.db']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^parley: --db \/no\/such\/dir\/p\.db: cannot open the database \(.*\)\n$/);
  });

  it('does not create a database for a command that only reads', async () => {
    const db = join(tempDir(), 'typo.db');
    const r = await runCli(['docs', '--db', db]);
    expect(r).toEqual({ code: 4, out: '', err: `parley: --db ${db}: no database there; create one with parley ingest\n` });
    expect(existsSync(db)).toBe(false);
  });
});
