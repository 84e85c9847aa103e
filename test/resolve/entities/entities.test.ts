import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntityLookup } from '../../../src/resolve/entities/entity-at.js';
import { resolveEntities } from '../../../src/resolve/entities/resolver.js';
import { contextFor, corpusDocs, FIXTURES, project } from './helpers.js';

describe('entities: fixture corpora', () => {
  for (const name of readdirSync(FIXTURES).filter((n) => !n.includes('.') && !n.startsWith('pack'))) {
    it(name, () => {
      const corpus = JSON.parse(readFileSync(join(FIXTURES, name, 'corpus.json'), 'utf8'));
      const ctx = contextFor(corpus.pack);
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'));
      expect(project(corpusDocs(corpus.docs, ctx), ctx)).toEqual(expected);
    });
  }
});

describe('entities: merges, roles and look-ups', () => {
  const ctx = contextFor('none');
  const docs = corpusDocs(JSON.parse(readFileSync(join(FIXTURES, 'spellings', 'corpus.json'), 'utf8')).docs, ctx);
  const entities = resolveEntities(docs, ctx);
  const brenzik = entities.find((e) => e.name === 'Arkady Brenzik')!;

  it('records why every spelling joined', () => {
    expect(brenzik.merges.map((m) => `${m.a} → ${m.b}: ${m.reason}`).sort()).toEqual([
      'Arkady Brenzik → Arkadiy Brenzik: same name up to transliteration',
      'Brenzik → Arkady Brenzik: surname of a full name in the same document',
      'Brenzyk → Arkadiy Brenzik: surname of a full name in the same document',
      'Polish Foreign Minister → Arkady Brenzik: the only Foreign Minister (poland) named in the corpus near 2024-03-09',
    ]);
  });
  it('turns a title before the name into a dated role', () => {
    expect(brenzik.roles).toEqual([
      { title: 'Foreign Minister', of: 'poland', ofName: 'Poland', from: '2024-03-01', to: '2024-03-01', source: 'text', evidence: { doc: docs[0].id, start: 0, end: 23 } },
    ]);
  });
  it('turns an apposition after the name into a role', () => {
    const marchuk = entities.find((e) => e.name === 'Oleg Marchuk')!;
    expect(marchuk.roles.map((r) => [r.title, r.from])).toEqual([['Head', '2024-03-01']]);
  });
  it('entityAt finds the entity of a speaker span, however it is written', () => {
    const lookup = new EntityLookup(entities);
    const at = (doc: number, text: string) => {
      const start = docs[doc].text.indexOf(text);
      return lookup.at(docs[doc].id, { start, end: start + text.length })?.name ?? null;
    };
    expect(at(0, 'Polish Foreign Minister Arkady Brenzik')).toBe('Arkady Brenzik');
    expect(at(1, 'Brenzyk')).toBe('Arkady Brenzik');
    expect(at(2, 'The Polish Foreign Minister')).toBe('Arkady Brenzik');
    expect(at(1, 'told reporters')).toBeNull();
  });
  it('every mention text equals the slice of its document', () => {
    const byId = new Map(docs.map((d) => [d.id, d]));
    for (const e of entities) for (const m of e.mentions) expect(byId.get(m.doc)!.text.slice(m.start, m.end)).toBe(m.text);
  });
  it('ids are stable across runs', () => {
    expect(resolveEntities(docs, ctx).map((e) => e.id)).toEqual(entities.map((e) => e.id));
  });
});
