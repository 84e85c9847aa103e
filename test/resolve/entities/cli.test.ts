/** `parley ingest --pack`, `parley entities`, `parley entity` and the export's `entities`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers.js';
import { FIXTURES } from './helpers.js';

function corpusFolder(): string {
  const dir = tempDir();
  const corpus = JSON.parse(readFileSync(join(FIXTURES, 'spellings', 'corpus.json'), 'utf8'));
  corpus.docs.forEach((d: { date: string; text: string }, i: number) => writeFileSync(join(dir, `${d.date}-doc${i}.txt`), d.text + '\n'));
  return dir;
}

describe('entities CLI', () => {
  it('ingests with --pack none, lists entities and shows one with its spellings', async () => {
    const db = join(tempDir(), 'p.db');
    expect((await runCli(['ingest', corpusFolder(), '--db', db, '--pack', 'none'])).code).toBe(0);
    const list = JSON.parse((await runCli(['entities', '--db', db, '--json', '--type', 'person'])).out);
    const brenzik = list.find((e: { name: string }) => e.name === 'Arkady Brenzik');
    expect(brenzik.aliases.map((a: { text: string }) => a.text).sort()).toEqual(['Arkadiy Brenzik', 'Arkady Brenzik', 'Brenzik', 'Brenzyk']);
    expect(list.every((e: { type: string }) => e.type === 'person')).toBe(true);
    const one = await runCli(['entity', 'Brenzyk', '--db', db]);
    expect(one.code).toBe(0);
    expect(one.out).toContain('Arkady Brenzik  [person]');
    expect(one.out).toContain('[Polish Foreign Minister]');
    expect((await runCli(['entity', 'Nobody', '--db', db])).code).toBe(4);
  });
  it('exports entities whose mention texts are slices of their documents', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.db');
    await runCli(['ingest', corpusFolder(), '--db', db, '--pack', 'none']);
    const out = join(dir, 'x.json');
    expect((await runCli(['export', '--db', db, '--format', 'json', '--out', out])).code).toBe(0);
    const x = JSON.parse(readFileSync(out, 'utf8'));
    const texts = new Map(x.documents.map((d: { id: string; text: string }) => [d.id, d.text]));
    expect(x.entities.length).toBeGreaterThan(0);
    for (const e of x.entities) for (const m of e.mentions) expect((texts.get(m.doc) as string).slice(m.start, m.end)).toBe(m.text);
    const brenzik = x.entities.find((e: { name: string }) => e.name === 'Arkady Brenzik');
    expect(brenzik.roles).toEqual([{ title: 'Foreign Minister of Poland', from: expect.any(String), to: expect.any(String) }]);
  });
  it('rejects an unknown pack and an unknown type with the valid choices', async () => {
    const db = join(tempDir(), 'p.db');
    const r = await runCli(['ingest', corpusFolder(), '--db', db, '--pack', 'narnia']);
    expect([r.code, r.err.trim()]).toEqual([2, 'parley: unknown pack "narnia"; choose from russia-ukraine, none or a folder with entities.json']);
    const t = await runCli(['entities', '--db', db, '--type', 'dragon']);
    expect(t.code).toBe(2);
    expect(t.err).toContain('choose from person, organization, place, outlet, other');
  });
});
