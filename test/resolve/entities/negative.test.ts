/** Merges entity resolution must never make, and links it must not invent. */
import { describe, expect, it } from 'vitest';
import { sameSurname } from '../../../src/annotate/mentions/similarity.js';
import { translitWord } from '../../../src/annotate/mentions/key.js';
import { compatibleNames, nameParts } from '../../../src/resolve/entities/names.js';
import { resolveEntities } from '../../../src/resolve/entities/resolver.js';
import { canonicalKey, hasLegalSuffix, regionalBranch } from '../../../src/resolve/entities/keys.js';
import { abbreviates } from '../../../src/resolve/entities/acronyms.js';
import { transposed } from '../../../src/resolve/entities/typos.js';
import { contextFor, corpusDocs, docWith, project } from './helpers.js';
import type { NewsDoc } from '../../../src/model/doc.js';

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

describe('entities: canonical keys of organisations and places', () => {
  const cases: [Parameters<typeof canonicalKey>[0], string, string][] = [
    ['organization', 'Halvard Motors Inc.', 'halvard motor'],
    ['organization', 'Ford Motors Co.', 'ford motor'],
    ['organization', 'Ford Motor Company', 'ford motor'],
    ['organization', 'U.S. Air Force', 'united states air force'],
    ['organization', 'US Air Force', 'united states air force'],
    ['organization', 'the Drenvik Energy Board', 'drenvik energi board'],
    ['organization', 'Russian Defence Ministry', 'rusia defence ministri'],
    ['organization', 'Ministry of Defence of the Russian Federation', 'rusia defence ministri'],
    ['organization', 'Ministry of Foreign Affairs of Ukraine', 'ukraine foreign ministri'],
    ['organization', 'Office of the President of Ukraine', 'ukraine president ofice'],
    ['organization', 'U.S. Department of Labor', 'united states labor department'],
    ['organization', 'Bank of Canada', 'bank of canada'],
    ['place', 'U.S.', 'country:united states'],
    ['place', 'Britain', 'country:united kingdom'],
    ['place', 'Taldova', 'taldova'],
  ];
  for (const [type, name, key] of cases) it(`${name} → ${key}`, () => expect(canonicalKey(type, name)).toBe(key));
  it('a name with a legal form is never a short form', () => {
    expect([hasLegalSuffix('Apple Inc.'), hasLegalSuffix('Apple')]).toEqual([true, false]);
  });
});

describe('entities: acronyms, branches and typos of organisations', () => {
  it('an acronym abbreviates a name only when its letters occur in it in order, the first starting a word', () => {
    expect(
      [['SIA', 'Singapore Airlines'], ['EADS', 'European Aeronautic Defence and Space'], ['MIA', 'Marovia Airlines'], ['KLM', 'Marovia Airlines'], ['NATO', 'Kremlin'], ['IA', 'Marovia']].map(([s, l]) => abbreviates(s, l)),
    ).toEqual([true, true, true, false, false, false]);
  });
  it('two swapped adjacent letters, and nothing else, make a typo', () => {
    expect([transposed('chrilser', 'chrisler'), transposed('halvorsen', 'halvrosen'), transposed('kiev', 'kyiv'), transposed('abc', 'abc')]).toEqual([true, true, false, false]);
  });
  it('a name followed by a place is a regional branch', () => {
    expect([regionalBranch('ford', 'ford australia'), regionalBranch('gm', 'gm europe'), regionalBranch('ford', 'ford motor')]).toEqual([true, true, false]);
  });
  const names = (docs: NewsDoc[]) => resolveEntities(docs, contextFor('none')).map((e) => e.aliases.map((x) => x.text).sort().join('+')).sort();
  const org = 'organization' as const;
  it('two spellings as common as each other stay apart (neither is known to be the typo)', () => {
    expect(names([docWith('The Halvorsen Group bought a mill.', [['Halvorsen Group', org]]), docWith('The Halvrosen Group sold a mill.', [['Halvrosen Group', org]])])).toEqual(['Halvorsen Group', 'Halvrosen Group']);
  });
  it('a bracketed word that cannot abbreviate the name stays apart', () => {
    expect(names([docWith('Marovia Airlines (KLM) flew. KLM said it was late.', [['Marovia Airlines', org], ['KLM', org], ['KLM', org]])])).toEqual(['KLM', 'Marovia Airlines']);
  });
  it('a short form its document leaves ambiguous joins no longer name in another document', () => {
    const a = docWith('The Russian Defence Ministry said its forces had advanced. The Defence Ministry gave no details.', [['Russian Defence Ministry', org], ['Defence Ministry', org]]);
    const b = docWith('The Russian Defence Ministry and the Ukrainian Defence Ministry both claimed success. The Defence Ministry in Kyiv denied it.', [
      ['Russian Defence Ministry', org], ['Ukrainian Defence Ministry', org], ['Defence Ministry', org],
    ]);
    expect(names([a, b])).toEqual(['Defence Ministry', 'Defence Ministry+Russian Defence Ministry', 'Ukrainian Defence Ministry']);
  });
  it('a name without its country stays apart when two countries have it', () => {
    const d = docWith('The US Air Force and the UK Air Force trained together. The Air Force said the drill went well.', [['US Air Force', org], ['UK Air Force', org], ['Air Force', org]]);
    expect(names([d])).toEqual(['Air Force', 'UK Air Force', 'US Air Force']);
  });
});
