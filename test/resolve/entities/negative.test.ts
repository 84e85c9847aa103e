/** Merges entity resolution must never make, and links it must not invent. */
import { describe, expect, it } from 'vitest';
import { sameSurname } from '../../../src/annotate/mentions/similarity.js';
import { translitWord } from '../../../src/annotate/mentions/key.js';
import { compatibleNames, nameParts } from '../../../src/resolve/entities/names.js';
import { resolveEntities } from '../../../src/resolve/entities/resolver.js';
import { contextFor, corpusDocs, project } from './helpers.js';

describe('entities: never merge', () => {
  const pairs: [string, string][] = [
    ['Putin', 'Pushkin'],
    ['Vladimir Putin', 'Vladimir Medinsky'],
    ['Vitali Klitschko', 'Wladimir Klitschko'],
    ['Ivan Ivanov', 'Anna Ivanova'],
    ['Petar Kostov', 'Ivan Kostov'],
  ];
  for (const [a, b] of pairs) it(`${a} ≠ ${b}`, () => expect(compatibleNames(nameParts(a), nameParts(b))).toBe(false));
  it('short surnames need an exact match', () => expect(sameSurname(translitWord('Xi'), translitWord('Li'))).toBe(false));

  it('the same name with two types stays two entities', () => {
    const ctx = contextFor('none');
    const docs = corpusDocs([{ date: '2024-01-01', text: 'Jordan Halvik met officials in Jordan.' }], ctx);
    expect(project(docs, ctx).map((e) => `${e.name}/${e.type}`)).toEqual(['Jordan/place', 'Jordan Halvik/person']);
  });
  it('a bare title is not linked when two people could hold it', () => {
    const ctx = contextFor('none');
    const docs = corpusDocs(
      [
        { date: '2024-01-01', text: 'Polish Foreign Minister Arkady Brenzik resigned.' },
        { date: '2024-01-20', text: 'Polish Foreign Minister Ewa Stolarz took office.' },
        { date: '2024-01-10', text: 'The Polish Foreign Minister was absent.' },
      ],
      ctx,
    );
    expect(project(docs, ctx).flatMap((e) => e.implied)).toEqual([]);
  });
  it('a bare surname shared by two people in the corpus stays apart', () => {
    const ctx = contextFor('none');
    const docs = corpusDocs(
      [
        { date: '2024-01-01', text: 'Ivan Kostov spoke first.' },
        { date: '2024-01-01', text: 'Petar Kostov spoke next.' },
        { date: '2024-01-02', text: 'Kostov said nothing.' },
      ],
      ctx,
    );
    expect(project(docs, ctx).map((e) => e.name)).toEqual(['Ivan Kostov', 'Kostov', 'Petar Kostov']);
  });
  it('two pack entities never merge, however similar their names', () => {
    const ctx = contextFor('pack-kestrania');
    const docs = corpusDocs([{ date: '2024-01-01', text: 'Milan Orvek and Dora Vellis met Milan Vellis.' }], ctx);
    expect(project(docs, ctx).map((e) => e.name)).toEqual(['Dora Vellis', 'Milan Orvek', 'Milan Vellis']);
  });
  it('an empty corpus gives no entities', () => expect(resolveEntities([], contextFor('none'))).toEqual([]));
  it('documents without a mentions layer give no entities', () => {
    const ctx = contextFor('none');
    const docs = corpusDocs([{ date: null, text: 'Arkady Brenzik spoke.' }], ctx).map((d) => ({ ...d, layers: {} }));
    expect(resolveEntities(docs, ctx)).toEqual([]);
  });
});
