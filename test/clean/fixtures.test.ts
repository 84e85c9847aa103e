import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/clean.js';
import { docId } from '../../src/model/id.js';
import { isRejected } from '../../src/ingest/types.js';
import { makeRaw } from '../helpers.js';

/** Golden fixtures: `test/fixtures/clean/<case>/{input.txt|input.html, meta.json?, expected.json}`. */
const DIR = join(import.meta.dirname, '..', 'fixtures', 'clean');

describe('clean: golden fixtures', () => {
  for (const name of readdirSync(DIR)) {
    it(name, () => {
      const html = existsSync(join(DIR, name, 'input.html'));
      const body = readFileSync(join(DIR, name, html ? 'input.html' : 'input.txt'), 'utf8');
      const meta = existsSync(join(DIR, name, 'meta.json')) ? JSON.parse(readFileSync(join(DIR, name, 'meta.json'), 'utf8')) : {};
      const expected = JSON.parse(readFileSync(join(DIR, name, 'expected.json'), 'utf8'));
      const doc = clean(makeRaw(name, body, { contentType: html ? 'text/html' : 'text/plain', meta }));
      if (isRejected(doc)) throw new Error(doc.reason);
      expect({ title: doc.title, outlet: doc.outlet, published: doc.published, text: doc.text, removed: doc.removed }).toEqual(expected);
      expect(doc.id).toBe(docId(doc.text));
    });
  }
});

describe('clean: documents', () => {
  it('normalises CRLF, no-break and zero-width characters, runs of spaces; paragraphs separated by one newline', () => {
    const doc = clean(makeRaw('a.txt', 'The\u00a0talks  resumed\u200b on Monday.\r\n\r\n\r\nBoth   sides\tattended.\r\n'));
    if (isRejected(doc)) throw new Error(doc.reason);
    expect(doc.text).toBe('The talks resumed on Monday.\nBoth sides attended.');
  });

  it('rejects an article that is nothing but boilerplate, saying so', () => {
    const r = clean(makeRaw('b.txt', 'Leave a Reply\nShow More\nBack to top'));
    expect(r).toEqual({ skipped: 'b.txt', reason: 'empty: all 3 lines were boilerplate after cleaning' });
  });

  it('rejects an empty article', () => {
    expect(clean(makeRaw('c.txt', ' \n\u200b\n'))).toEqual({ skipped: 'c.txt', reason: 'empty: no text after cleaning' });
  });

  it('keeps the title and outlet the input itself declares', () => {
    const doc = clean(makeRaw('d.json#1', 'Zelma Herald says hello\nThe talks resumed on Monday in Brenn.', { meta: { title: 'Zelma Herald says hello', outlet: 'Brenn Post' } }));
    if (isRejected(doc)) throw new Error(doc.reason);
    expect([doc.title, doc.outlet, doc.text, doc.removed]).toEqual([
      'Zelma Herald says hello', 'Brenn Post', 'The talks resumed on Monday in Brenn.', [{ text: 'Zelma Herald says hello', reason: 'title' }],
    ]);
  });
});
