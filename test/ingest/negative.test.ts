/**
 * Bad input: each gets one rejection line naming the input and the problem, and the batch goes on.
 * Truncated or wrongly encoded UTF-8 is rejected rather than decoded with replacement characters
 * (see `src/ingest/decode.ts` for why).
 */
import { describe, expect, it } from 'vitest';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { CYRILLIC, readAll, summarise, writeTree } from './helpers.js';

const utf8 = Buffer.from(CYRILLIC, 'utf8');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const CONTROLS = new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x41)));
const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss><channel><title>&lol2;</title><item><content:encoded>x</content:encoded></item></channel></rss>`;

/** `reason` starting with `#n:` names a record of the file rather than the file. */
const cases: [name: string, file: string, content: string | Uint8Array, opts: object, reason: string][] = [
  ['an empty file', 'empty.txt', '', {}, 'empty: no text'],
  ['only whitespace', 'blank.html', ' \n\t\n', {}, 'empty: no text'],
  ['only a byte-order mark', 'bom.txt', new Uint8Array([0xef, 0xbb, 0xbf]), {}, 'empty: no text'],
  ['binary with NUL bytes', 'image.txt', PNG, {}, 'binary: NUL byte at offset 8'],
  ['binary without NUL bytes', 'ctrl.dat', CONTROLS, {}, 'binary: 50 control characters in the first 200 bytes'],
  ['UTF-8 cut inside a character', 'cut.txt', utf8.subarray(0, 41), {}, 'truncated UTF-8: the input ends inside a character at byte 40'],
  ['UTF-8 mixed with windows-1251', 'mixed.txt', Buffer.concat([utf8, iconv.encode(' Ордания.', 'windows-1251')]), {}, `invalid UTF-8 at byte ${utf8.length + 1} (mixed or wrong encoding; 7 bad sequences)`],
  ['over --max-bytes', 'big.txt', 'x'.repeat(2000), { maxBytes: 1000 }, 'too large: 2000 bytes (limit 1000; see --max-bytes)'],
  ['a gzip bomb', 'bomb.txt.gz', gzipSync('y'.repeat(100_000)), { maxBytes: 10_000 }, 'too large: more than 10000 bytes after decompression (limit 10000; see --max-bytes)'],
  ['truncated gzip', 'cut.txt.gz', gzipSync('Some text that is long enough to be cut.').subarray(0, 20), {}, 'malformed gzip: unexpected end of file'],
  ['malformed JSON', 'bad.json', '[\n  {"text": "a"},\n  {"text" "b"}\n]', {}, "malformed JSON at line 3, column 11: Expected ':' after property name"],
  ['10,000-deep JSON', 'deep.json', '['.repeat(10_000), {}, 'malformed JSON at line 1, column 10001: Unexpected end of JSON input'],
  ['10,000-deep JSON arrays (valid, but no article)', 'deep-ok.json', '['.repeat(10_000) + ']'.repeat(10_000), {}, '#1: not an article object (got an array)'],
  ['an article with a 100,000-deep field', 'deep-field.json', `[{"text":"x","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}]`, {}, '#1: too deeply nested'],
  ['10,000-deep XML', 'deep.rss', '<rss><channel>' + '<a>'.repeat(10_000) + '</a>'.repeat(10_000) + '</channel></rss>', {}, 'malformed XML: Maximum nested tags exceeded'],
  ['a JSON scalar', 'num.json', '42', {}, 'not an article: the JSON is number, not an object or array'],
  ['an empty JSON array', 'none.json', '[]', {}, 'empty: the JSON array has no articles'],
  ['a CSV with a header only', 'head.csv', 'id,text\n', {}, 'empty: the CSV has a header but no rows'],
  ['malformed feed XML', 'bad.rss', '<rss><channel><item><title>x</title></channel></rss>', {}, "malformed XML at line 1, column 37: Expected closing tag 'item' (opened in line 1, col 15) instead of closing tag 'channel'."],
  ['XML entity expansion', 'lol.xml', LAUGHS, {}, 'XML declares its own entities (<!ENTITY>); refused, entity expansion is disabled'],
  ['XML that is not a feed', 'drawing.xml', '<?xml version="1.0"?><svg><rect/></svg>', {}, 'XML but not an RSS or Atom feed (root element <svg>)'],
  ['a feed without items', 'quiet.rss', '<rss><channel><title>Quiet</title></channel></rss>', {}, 'empty: the feed has no items'],
];

describe('bad inputs are rejected one by one, naming the input and the problem', () => {
  it.each(cases)('%s', async (_name, file, content, opts, reason) => {
    const dir = writeTree({ [file]: content });
    expect(summarise(await readAll([join(dir, file)], opts), dir + '/')).toEqual([`${file}${reason.startsWith('#') ? '' : ': '}${reason}`]);
  });

  it('malformed HTML is not a rejection (the cleaner copes)', async () => {
    const dir = writeTree({ 'broken.html': '<html><body><p>Unclosed <b>tags <div>and a </span> stray' });
    const [r] = await readAll([join(dir, 'broken.html')]);
    expect(r).toMatchObject({ contentType: 'text/html', body: '<html><body><p>Unclosed <b>tags <div>and a </span> stray' });
  });

  it('unreadable paths: missing, a file used as a folder, a dangling symlink', async () => {
    const dir = writeTree({ 'file.txt': 'Text.' });
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    const inputs = [join(dir, 'missing.txt'), join(dir, 'file.txt', 'inside.txt'), join(dir, 'dangling.txt')];
    expect(summarise(await readAll(inputs), dir + '/')).toEqual(['missing.txt: cannot read: ENOENT', 'file.txt/inside.txt: cannot read: ENOTDIR', 'dangling.txt: cannot read: ENOENT']);
  });

  it('the batch goes on after every kind of rejection', async () => {
    const files = Object.fromEntries(cases.map(([, file, content]) => [file, content]));
    const dir = writeTree({ ...files, 'zz-good.txt': 'Still read.' });
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(20));
    const results = summarise(await readAll([dir], { maxBytes: 10_000 }), dir + '/');
    expect(results.filter((r) => typeof r !== 'string')).toEqual([
      { origin: 'big.txt', body: 'x'.repeat(20), contentType: 'text/plain', meta: {}, encoding: 'UTF-8' },
      { origin: 'zz-good.txt', body: 'Still read.', contentType: 'text/plain', meta: {}, encoding: 'UTF-8' },
    ]);
    expect(results.filter((r) => typeof r === 'string')).toHaveLength(cases.length - 1);
  });
});

describe('pathological strings for the readers’ regular expressions finish (no catastrophic backtracking)', () => {
  const cases: [name: string, file: string, content: string, expected: string][] = [
    ['a flood of comments before any element', 'flood.dat', '<!--a-->'.repeat(50_000) + 'x', 'article'],
    ['unclosed comments', 'open.dat', '<!--'.repeat(100_000), 'article'],
    ['a flood of DOCTYPE openings', 'doctypes.xml', '<!DOCTYPE['.repeat(100_000), 'malformed XML at line 1: Start tag expected.'],
    ['unclosed CDATA sections in content', 'cdata.rss', `<rss><channel><item><guid>1</guid><content:encoded>${'<![CDATA[x'.repeat(50_000)}</content:encoded></item></channel></rss>`, 'malformed XML'],
    ['a 5 MB single line', 'line.txt', 'word '.repeat(1_000_000), 'article'],
    ['a CSV with an unbalanced quote over 2 MB', 'quote.csv', 'id,text\n1,"' + 'a,'.repeat(1_000_000), 'malformed CSV at line 2: Quote Not Closed: the parsing is finished with an opening quote'],
    ['many <meta charset prefixes', 'meta.html', '<meta charset='.repeat(10_000) + '<p>x</p>', 'article'],
  ];
  it.each(cases)('%s', async (_name, file, content, expected) => {
    const dir = writeTree({ [file]: content });
    const results = await readAll([join(dir, file)]);
    expect(results).toHaveLength(1);
    const [r] = results;
    expect('skipped' in r ? r.reason.slice(0, expected.length) : 'article').toBe(expected);
  });

  it('dates: long digit runs and repeated path segments', async () => {
    const { dateFromName, dateFromUrlPath, normalisePublished } = await import('../../src/ingest/dates.js');
    expect(dateFromName('2'.repeat(100_000))).toBeUndefined();
    expect(dateFromUrlPath('https://x.example/' + '2022/'.repeat(20_000))).toBeUndefined();
    expect(normalisePublished('1 '.repeat(50_000))).toBeUndefined();
  });
});
