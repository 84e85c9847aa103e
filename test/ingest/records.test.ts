import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { isRejected } from '../../src/ingest/types.js';
import { CYRILLIC, doc, readAll, summarise, writeTree } from './helpers.js';

/** Reads one file with the given name and content and summarises the results relative to its folder. */
async function readOne(name: string, content: string | Uint8Array) {
  const dir = writeTree({ [name]: content });
  return summarise(await readAll([join(dir, name)]), dir + '/');
}

const A = { id: 'a1', text: 'Ostrava and Zarevia agreed to meet again.', title: 'Talks go on', published: '2022-03-03T10:15:00Z', outlet: 'Ostrava Post', url: 'https://post.example/a1' };
const B = { html: '<p>Zarevian envoy Ilse Varga arrived in Brécourt.</p>', published: 'Thu, 03 Mar 2022 09:00:00 +0100' };
const metaA = { id: 'a1', title: 'Talks go on', outlet: 'Ostrava Post', url: 'https://post.example/a1', published: '2022-03-03T10:15:00Z', publishedFrom: 'json' };

describe('JSON reader', () => {
  const cases: [name: string, file: string, content: string, expected: unknown[]][] = [
    ['one object with an id', 'one.json', JSON.stringify(A), [{ origin: 'one.json#a1', body: A.text, contentType: 'text/plain', meta: metaA, encoding: 'UTF-8' }]],
    ['one object without an id is the file itself', 'solo.json', JSON.stringify({ text: 'Only text.' }), [{ origin: 'solo.json', body: 'Only text.', contentType: 'text/plain', meta: {}, encoding: 'UTF-8' }]],
    [
      'an array: ids, else record numbers; html records are text/html',
      'many.json',
      JSON.stringify([A, B]),
      [
        { origin: 'many.json#a1', body: A.text, contentType: 'text/plain', meta: metaA, encoding: 'UTF-8' },
        { origin: 'many.json#2', body: doc(B.html), contentType: 'text/html', meta: { published: '2022-03-03T09:00:00+01:00', publishedFrom: 'json' }, encoding: 'UTF-8' },
      ],
    ],
    [
      'bad records are rejected one by one, the rest go on',
      'mixed.json',
      JSON.stringify([{ title: 'no body' }, 'a string', { id: 7, text: '   ' }, { id: 8, text: 'Fine.', published: 'not a date' }, { id: 8, text: 'Again.' }]),
      [
        'mixed.json#1: no "text" or "html" field (fields: title)',
        'mixed.json#2: not an article object (got string)',
        'mixed.json#7: empty: no text',
        { origin: 'mixed.json#8', body: 'Fine.', contentType: 'text/plain', meta: { id: '8' }, encoding: 'UTF-8' },
        'mixed.json#5: duplicate id "8" (already used by record 4)',
      ],
    ],
    [
      'text wins over html when both are given; url path gives a date',
      'both.json',
      JSON.stringify({ id: 'x', text: 'Plain.', html: '<p>Rich.</p>', url: 'https://post.example/2022/03/04/x' }),
      [{ origin: 'both.json#x', body: 'Plain.', contentType: 'text/plain', meta: { id: 'x', url: 'https://post.example/2022/03/04/x', published: '2022-03-04', publishedFrom: 'url-path' }, encoding: 'UTF-8' }],
    ],
  ];
  it.each(cases)('%s', async (_name, file, content, expected) => {
    expect(await readOne(file, content)).toEqual(expected);
  });

  it('keeps each record’s own bytes: canonical JSON for array members, the file for a single object', async () => {
    const dir = writeTree({ 'many.json': JSON.stringify([A, B], null, 2), 'one.json': JSON.stringify(A, null, 1) });
    const [a, b] = await readAll([join(dir, 'many.json')]);
    expect(isRejected(a) ? null : Buffer.from(a.bytes).toString()).toBe(JSON.stringify(A));
    expect(isRejected(b) ? null : Buffer.from(b.bytes).toString()).toBe(JSON.stringify(B));
    const [one] = await readAll([join(dir, 'one.json')]);
    expect(isRejected(one) ? null : Buffer.from(one.bytes).toString()).toBe(JSON.stringify(A, null, 1));
  });
});

describe('JSONL reader', () => {
  it('reads one record per line, names records by id or line number, rejects bad lines alone', async () => {
    const lines = [JSON.stringify(A), '', JSON.stringify({ text: 'Second.' }), '{"text": "broken",', JSON.stringify({ html: '' }), '[1]', JSON.stringify({ id: 'z', text: 'Last.' })];
    expect(await readOne('wire.jsonl', lines.join('\n') + '\n')).toEqual([
      { origin: 'wire.jsonl#a1', body: A.text, contentType: 'text/plain', meta: metaA, encoding: 'UTF-8' },
      { origin: 'wire.jsonl#3', body: 'Second.', contentType: 'text/plain', meta: {}, encoding: 'UTF-8' },
      'wire.jsonl#4: malformed JSON at column 19: Expected double-quoted property name',
      'wire.jsonl#5: empty: no text',
      'wire.jsonl#6: not an article object (got an array)',
      { origin: 'wire.jsonl#z', body: 'Last.', contentType: 'text/plain', meta: { id: 'z' }, encoding: 'UTF-8' },
    ]);
  });

  it('keeps each line’s bytes in the file’s own encoding (windows-1251)', async () => {
    const line = JSON.stringify({ id: 'k', text: CYRILLIC });
    const bytes = iconv.encode(`${line}\n${JSON.stringify({ id: 'm', text: CYRILLIC.slice(0, 120) })}\n`, 'windows-1251');
    const dir = writeTree({ 'ru.jsonl': new Uint8Array(bytes) });
    const [first] = await readAll([join(dir, 'ru.jsonl')]);
    expect(isRejected(first)).toBe(false);
    if (isRejected(first)) return;
    expect(first.encoding).toBe('windows-1251');
    expect(first.body).toBe(CYRILLIC);
    expect(Buffer.from(first.bytes).equals(iconv.encode(line, 'windows-1251'))).toBe(true);
  });
});

describe('CSV reader', () => {
  it('reads a header and one article per row; columns are case-insensitive', async () => {
    const csv = 'ID,Title,Text,Published,Outlet\n' + 'c1,Truce,"Both sides, tired, agreed.",03.03.2022,Brécourt Herald\n' + ',,"Two\nlines.",2022-03-04,\n';
    expect(await readOne('sheet.csv', csv)).toEqual([
      { origin: 'sheet.csv#c1', body: 'Both sides, tired, agreed.', contentType: 'text/plain', meta: { id: 'c1', title: 'Truce', outlet: 'Brécourt Herald', published: '2022-03-03', publishedFrom: 'csv' }, encoding: 'UTF-8' },
      { origin: 'sheet.csv#3', body: 'Two\nlines.', contentType: 'text/plain', meta: { published: '2022-03-04', publishedFrom: 'csv' }, encoding: 'UTF-8' },
    ]);
  });

  it('detects semicolon and tab delimiters and takes an html column', async () => {
    expect(await readOne('semi.csv', 'id;html\ns1;"<p>Hello; world</p>"\ns2;<p>Unquoted; split</p>\n')).toEqual([
      { origin: 'semi.csv#s1', body: doc('<p>Hello; world</p>'), contentType: 'text/html', meta: { id: 's1' }, encoding: 'UTF-8' },
      'semi.csv#3: malformed CSV at line 3: Invalid Record Length: columns length is 2, got 3',
    ]);
    expect(await readOne('tabs.tsv', 'id\ttext\nt1\tTabbed, with comma.\n')).toEqual([
      { origin: 'tabs.tsv#t1', body: 'Tabbed, with comma.', contentType: 'text/plain', meta: { id: 't1' }, encoding: 'UTF-8' },
    ]);
  });

  it('rejects malformed rows by the line they start on; the rest go on', async () => {
    const csv = 'id,text\nr1,First.\nr2,Too,many\nr3,"Multi\nline"\nr4,"never closed\nr5,lost\n';
    expect(await readOne('bad.csv', csv)).toEqual([
      { origin: 'bad.csv#r1', body: 'First.', contentType: 'text/plain', meta: { id: 'r1' }, encoding: 'UTF-8' },
      'bad.csv#3: malformed CSV at line 3: Invalid Record Length: columns length is 2, got 3',
      { origin: 'bad.csv#r3', body: 'Multi\nline', contentType: 'text/plain', meta: { id: 'r3' }, encoding: 'UTF-8' },
      'bad.csv#6: malformed CSV at line 6: Quote Not Closed: the parsing is finished with an opening quote',
    ]);
  });

  it('rejects a CSV without a text or html column, naming its columns', async () => {
    expect(await readOne('cols.csv', 'id,body\n1,Hello\n')).toEqual(['cols.csv: CSV has no "text" or "html" column (columns: id, body)']);
  });
});
