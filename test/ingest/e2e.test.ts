import { describe, expect, it } from 'vitest';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { runCli, tempDir } from '../helpers.js';
import { CYRILLIC } from './helpers.js';
import { closedPort } from './server.js';

const MIXED = join(import.meta.dirname, '..', 'fixtures', 'ingest', 'mixed');

/** The committed mixed folder plus files generated here: windows-1251 text, a gzip, a binary. */
function mixedFolder(): string {
  const dir = join(tempDir('parley-e2e-'), 'mixed');
  cpSync(MIXED, dir, { recursive: true });
  writeFileSync(join(dir, 'ru-1251.txt'), iconv.encode(`Переговоры в Велиграде\n\n${CYRILLIC}\n`, 'windows-1251'));
  writeFileSync(join(dir, 'archive.txt.gz'), gzipSync('Archive note from Veligrad\n\nThe archive of the first round was opened to journalists on Friday.\n\nIt holds 214 pages of minutes.\n'));
  writeFileSync(join(dir, 'image.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  return dir;
}

describe('parley ingest on a mixed folder', () => {
  it('reads every kind, names each rejection on one line, and exits 1', async () => {
    const dir = mixedFolder();
    const url = `http://127.0.0.1:${await closedPort()}/story`;
    const r = await runCli(['ingest', dir, url, '--allow-private', '--pack', 'none', '--db', join(dir, '..', 'p.db')]);
    expect(r.err.split('\n').filter(Boolean)).toEqual([
      `parley: ${dir}/broken.json: malformed JSON at line 1, column 34: Bad control character in string literal`,
      `parley: ${dir}/dump.json#2: no "text" or "html" field (fields: id, title)`,
      `parley: ${dir}/empty.txt: empty: no text`,
      `parley: ${dir}/image.png: binary: NUL byte at offset 8`,
      `parley: ${dir}/wire.jsonl#2: malformed JSON at column 195: Expected ',' or '}' after property value`,
      `parley: ${url}: unreachable: ECONNREFUSED`,
    ]);
    expect(r.out).toBe('read 11, new 10, duplicate 1, unchanged 0, rejected 6\n');
    expect(r.code).toBe(1);
    const docs = JSON.parse((await runCli(['docs', '--db', join(dir, '..', 'p.db'), '--json'])).out) as { origin: string; published: string | null }[];
    const published = Object.fromEntries(docs.map((d) => [d.origin.slice(dir.length + 1), d.published]));
    expect(published).toEqual({
      '2022-03-04_visit.html': '2022-03-04', // file name
      '20220303T101500Z_talks.txt': '2022-03-03', // file name (the CSV copy is its duplicate)
      'archive.txt.gz': null,
      'dump.json#1': '2022-03-07', // URL path
      'feed.xml#ve-301': '2022-03-08', // feed pubDate
      'notes.md': null,
      'ru-1251.txt': null,
      'sheet.csv#s-1': '2022-03-07', // CSV field, day-first
      'wire.jsonl#w-17': '2022-03-05', // JSON field
      'wire.jsonl#w-19': null,
    });
  });

  it('refuses a loopback URL without --allow-private, and says how to allow it', async () => {
    const dir = tempDir();
    const url = `http://127.0.0.1:${await closedPort()}/story`;
    const r = await runCli(['ingest', url, '--pack', 'none', '--db', join(dir, 'p.db')]);
    expect(r).toEqual({ code: 1, out: 'read 0, new 0, duplicate 0, unchanged 0, rejected 1\n', err: `parley: ${url}: refused: 127.0.0.1 is a loopback address; use --allow-private to allow it\n` });
  });

  it('a bad --manifest is a usage error (exit 2) before anything is read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.csv'), 'title\nx\n');
    const r = await runCli(['ingest', MIXED, '--manifest', join(dir, 'm.csv'), '--db', join(dir, 'p.db')]);
    expect(r).toEqual({ code: 2, out: '', err: `parley: --manifest ${join(dir, 'm.csv')}: needs an "origin" or "file" column (found: title; valid: origin, file, title, published, outlet, url)\n` });
  });
});
