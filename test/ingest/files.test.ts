import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { loadManifest } from '../../src/ingest/manifest.js';
import { CYRILLIC, FRENCH, doc, readAll, summarise, writeTree } from './helpers.js';

const text = (origin: string, body: string, meta = {}, encoding = 'UTF-8') => ({ origin, body, contentType: 'text/plain', meta, encoding });
const html = (origin: string, body: string, meta = {}, encoding = 'UTF-8') => ({ origin, body, contentType: 'text/html', meta, encoding });

describe('folders', () => {
  it('are read recursively in sorted order, skipping dotfiles and dot-folders', async () => {
    const dir = writeTree({
      'b.txt': 'Bravo.',
      'a/z.txt': 'Zulu.',
      'a/c.htm': '<p>Charlie.</p>',
      '.hidden.txt': 'Hidden.',
      '.git/config.txt': 'Nope.',
      'A.txt': 'Upper.',
    });
    expect(summarise(await readAll([dir]), dir + '/')).toEqual([text('A.txt', 'Upper.'), html('a/c.htm', '<p>Charlie.</p>'), text('a/z.txt', 'Zulu.'), text('b.txt', 'Bravo.')]);
  });

  it('do not follow a symlink loop forever, and say so', async () => {
    const dir = writeTree({ 'top/one.txt': 'One.' });
    symlinkSync(join(dir, 'top'), join(dir, 'top', 'again'));
    expect(summarise(await readAll([join(dir, 'top')]), dir + '/')).toEqual([
      `top/again: skipped: ${join(dir, 'top')} was already read (a symlink loop or a second link to one folder)`,
      text('top/one.txt', 'One.'),
    ]);
  });
});

describe('kinds: extensions, gzip and sniffing', () => {
  const cases: [name: string, file: string, content: string | Uint8Array, expected: unknown[]][] = [
    ['.txt.gz', 'story.txt.gz', gzipSync('Zipped story.'), [text('story.txt.gz', 'Zipped story.')]],
    ['.html.gz', 'page.html.gz', gzipSync('<p>Zipped page.</p>'), [html('page.html.gz', '<p>Zipped page.</p>')]],
    ['.jsonl.gz', 'wire.jsonl.gz', gzipSync('{"id":"w","text":"Zipped record."}\n'), [text('wire.jsonl.gz#w', 'Zipped record.', { id: 'w' })]],
    ['.csv.gz', 'sheet.csv.gz', gzipSync('id,text\nq,Zipped row.\n'), [text('sheet.csv.gz#q', 'Zipped row.', { id: 'q' })]],
    ['gzip without .gz (magic bytes)', 'odd.txt', gzipSync('Magic.'), [text('odd.txt', 'Magic.')]],
    ['unknown extension, HTML inside', 'page.php', '<!DOCTYPE html><html><body><p>Sniffed.</p></body></html>', [html('page.php', '<!DOCTYPE html><html><body><p>Sniffed.</p></body></html>')]],
    ['no extension, JSON inside', 'export', '[{"id":1,"text":"Sniffed JSON."}]', [text('export#1', 'Sniffed JSON.', { id: '1' })]],
    ['unknown extension, JSONL inside', 'dump.ndj', '{"text":"One."}\n{"text":"Two."}\n', [text('dump.ndj#1', 'One.'), text('dump.ndj#2', 'Two.')]],
    ['unknown extension, a feed inside', 'feed.php', '<rss version="2.0"><channel><title>T</title><item><guid>g</guid><content:encoded>Body.</content:encoded></item></channel></rss>', [html('feed.php#g', doc('Body.'), { outlet: 'T' })]],
    ['.md is plain text', 'notes.md', '# Ostrava\nTalks went on.', [text('notes.md', '# Ostrava\nTalks went on.')]],
  ];
  it.each(cases)('%s', async (_name, file, content, expected) => {
    const dir = writeTree({ [file]: content });
    expect(summarise(await readAll([join(dir, file)]), dir + '/')).toEqual(expected);
  });
});

describe('encodings in files', () => {
  it('records the detected encoding and keeps the original bytes', async () => {
    const ru = new Uint8Array(iconv.encode(CYRILLIC, 'windows-1251'));
    const fr = new Uint8Array(iconv.encode(FRENCH, 'iso-8859-1'));
    const page = `<html><head><meta charset="windows-1251"></head><body><p>${CYRILLIC}</p></body></html>`;
    const dir = writeTree({ 'ru.txt': ru, 'fr.txt': fr, 'ru.html': new Uint8Array(iconv.encode(page, 'windows-1251')) });
    const results = await readAll([dir]);
    expect(summarise(results, dir + '/')).toEqual([text('fr.txt', FRENCH, {}, 'ISO-8859-1'), html('ru.html', page, {}, 'windows-1251'), text('ru.txt', CYRILLIC, {}, 'windows-1251')]);
    expect(Buffer.from((results[2] as { bytes: Uint8Array }).bytes).equals(Buffer.from(ru))).toBe(true);
  });
});

describe('dates from file names', () => {
  it('sets published from a timestamp in the name (publishedFrom: filename)', async () => {
    const dir = writeTree({ '20220303T101500Z_talks.txt': 'Timed.', '2022-03-04_visit.html': '<p>Dated.</p>', '2022-02-30_bad.txt': 'Bad date.' });
    expect(summarise(await readAll([dir]), dir + '/')).toEqual([
      text('2022-02-30_bad.txt', 'Bad date.'),
      html('2022-03-04_visit.html', '<p>Dated.</p>', { published: '2022-03-04', publishedFrom: 'filename' }),
      text('20220303T101500Z_talks.txt', 'Timed.', { published: '2022-03-03T10:15:00Z', publishedFrom: 'filename' }),
    ]);
  });
});

describe('--manifest', () => {
  it('overrides by exact origin, by file (all its records), and by file name; relative to the manifest', async () => {
    const dir = writeTree({
      'in/2022-03-01_a.txt': 'Alpha.',
      'in/wire.jsonl': '{"id":"r1","text":"One.","title":"Own title","published":"2022-03-02"}\n{"id":"r2","text":"Two."}\n',
      'in/sub/c.txt': 'Charlie.',
      'meta/manifest.csv':
        'file,title,published,outlet,url\n' +
        '../in/2022-03-01_a.txt,Alpha title,05.03.2022,,\n' +
        '../in/wire.jsonl,,,Wire Service,\n' +
        '../in/wire.jsonl#r1,Record title,not a date,,https://wire.example/r1\n' +
        'c.txt,,2022-03-09T12:00:00Z,Charlie Daily,\n',
    });
    const manifest = loadManifest(join(dir, 'meta', 'manifest.csv'));
    expect(summarise(await readAll([join(dir, 'in')], { manifest }), dir + '/in/')).toEqual([
      text('2022-03-01_a.txt', 'Alpha.', { title: 'Alpha title', published: '2022-03-05', publishedFrom: 'manifest' }),
      text('sub/c.txt', 'Charlie.', { outlet: 'Charlie Daily', published: '2022-03-09T12:00:00Z', publishedFrom: 'manifest' }),
      text('wire.jsonl#r1', 'One.', { id: 'r1', title: 'Record title', outlet: 'Wire Service', url: 'https://wire.example/r1', published: '2022-03-02', publishedFrom: 'json' }),
      text('wire.jsonl#r2', 'Two.', { id: 'r2', outlet: 'Wire Service' }),
    ]);
  });

  it('is misuse when unreadable or without an origin/file column: throws naming the valid columns', () => {
    const dir = writeTree({ 'bad.csv': 'name,title\nx,y\n' });
    expect(() => loadManifest(join(dir, 'bad.csv'))).toThrow(
      `--manifest ${join(dir, 'bad.csv')}: needs an "origin" or "file" column (found: name, title; valid: origin, file, title, published, outlet, url)`,
    );
    expect(() => loadManifest(join(dir, 'none.csv'))).toThrow(`--manifest ${join(dir, 'none.csv')}: cannot read: ENOENT`);
  });
});

describe('unusual paths', () => {
  it('reads a dotfile named explicitly, and names non-regular files', async () => {
    const dir = writeTree({ '.explicit.txt': 'Named on purpose.' });
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'x.txt'), 'X.');
    expect(summarise(await readAll([join(dir, '.explicit.txt'), '/dev/null']), dir + '/')).toEqual([
      text('.explicit.txt', 'Named on purpose.'),
      '/dev/null: cannot read: not a regular file or folder (a FIFO, socket or device)',
    ]);
  });
});
