import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers.js';

const ARTICLE = join(import.meta.dirname, '..', '..', 'fixtures', 'quotes', 'cli', 'article.txt');

describe('parley quotes / claims / export', () => {
  it('lists quotes (filtered by speaker) and claims, and exports them per contract v1', async () => {
    const db = join(tempDir(), 'p.db');
    expect((await runCli(['ingest', ARTICLE, '--db', db])).code).toBe(0);

    const quotes = await runCli(['quotes', '--db', db, '--speaker', 'drenko', '--json']);
    expect(quotes.code).toBe(0);
    expect(JSON.parse(quotes.out).map((q: { text: string; speakerText: string; direct: boolean }) => [q.text, q.speakerText, q.direct])).toEqual([
      ['We are ready to talk, but not under threat', 'Valdorian Foreign Minister Pavel Drenko', true],
    ]);
    expect(JSON.parse((await runCli(['quotes', '--db', db, '--speaker', 'nobody', '--json'])).out)).toEqual([]);

    const claims = await runCli(['claims', '--db', db, '--json']);
    expect(JSON.parse(claims.out).map((c: { value: number; what: string; claimantText: string }) => [c.value, c.what, c.claimantText])).toEqual([
      [320, 'Valdorian soldiers killed', 'The Dornish Defence Ministry'],
    ]);

    const out = join(tempDir(), 'e.json');
    expect((await runCli(['export', '--db', db, '--format', 'json', '--out', out])).code).toBe(0);
    const exported = JSON.parse((await import('node:fs')).readFileSync(out, 'utf8'));
    const doc = exported.documents[0];
    for (const q of [...exported.quotes, ...exported.claims]) expect(doc.text.slice(q.start, q.end)).toBe(q.text);
    expect(exported.quotes.filter((q: { direct: boolean }) => q.direct)).toHaveLength(1);
    expect(exported.claims[0]).toMatchObject({ value: 320, unit: null, what: 'Valdorian soldiers killed' });
  });
});
