import { describe, expect, it } from 'vitest';
import { findSpunPhrases } from '../../../src/resolve/rewrites/spun-phrases.js';
import { findMisspelledNames } from '../../../src/resolve/rewrites/misspelled-names.js';
import { NameStats } from '../../../src/resolve/rewrites/names.js';
import { packFacts } from '../../../src/resolve/rewrites/pack-facts.js';
import { findRoleErrors, RoleStats, statedRoles } from '../../../src/resolve/rewrites/role-errors.js';
import { substitutions } from '../../../src/resolve/rewrites/substitutions.js';
import { combine } from '../../../src/resolve/rewrites/lexical.js';
import { osaDistance, skeleton } from '../../../src/resolve/rewrites/edit-distance.js';

const noPack = packFacts({ name: 'none' });

function misspellings(texts: string[], which = 0) {
  const stats = new NameStats();
  texts.forEach((text) => stats.add({ text }));
  return findMisspelledNames({ text: texts[which] }, stats, noPack).map((m) => [m.text, m.likely, m.weight]);
}

describe('spun phrases', () => {
  it('finds each distinct variant once, longest first, with offsets', () => {
    const text = 'The U.S. State Secretary met the international minister. The international minister left; peace talks go on.';
    expect(findSpunPhrases(text)).toEqual([
      { start: 4, end: 24, text: 'U.S. State Secretary', phrase: 'secretary of state', weight: 0.5 },
      { start: 33, end: 55, text: 'international minister', phrase: 'foreign minister', weight: 0.5 },
    ]);
  });

  it('weak variants weigh less; hyphenated phrases match', () => {
    expect(findSpunPhrases('They held face-to-face discussions.').map((p) => [p.text, p.weight])).toEqual([['face-to-face discussions', 0.25]]);
  });

  it('leaves the idiomatic originals and ordinary uses alone', () => {
    expect(findSpunPhrases('The foreign minister, the Secretary of State and the international community held peace talks in the city square.')).toEqual([]);
  });
});

describe('misspelled names', () => {
  it('a rarer spelling beside a frequent one in the same text', () => {
    expect(misspellings(['Lavrov said so. Lavrov left. Later Lavor returned.'])).toEqual([['Lavor', 'Lavrov', 0.5]]);
  });

  it('a one-off spelling one edit from one used in several other documents (two edits are too many)', () => {
    const others = ['Zelenskyy spoke.', 'Zelenskyy met envoys.', 'Zelenskyy left Kyiv.'];
    expect(misspellings(['Then Zelesnkyy arrived late.', ...others])).toEqual([['Zelesnkyy', 'zelenskyy', 0.35]]);
    expect(misspellings(['Then Zelskyy arrived late.', ...others])).toEqual([]);
  });

  it('negative cases: transliterations, inflections, countries, weekdays and short names', () => {
    expect(misspellings(['Sergey Brandt and Sergei Brandt. Russia and Russian envoys. France and French boats.'])).toEqual([]);
    expect(misspellings(['Austria and Australia, Slovakia and Slovenia, Tuesday and Thursday, Iran and Iraq.'])).toEqual([]);
    expect(misspellings(['Marit spoke.', 'Marrin spoke.', 'Marrin left.', 'Marrin came.'])).toEqual([]);
    expect(misspellings(['the lavor of it. Lavrov said. Lavrov left. Lavor too.'])).toEqual([]);
  });

  it('against the pack: people only, and only words capitalised mid-sentence', () => {
    const pack = packFacts({ name: 't', entities: [{ type: 'person', name: 'Tomas Forner' }, { type: 'place', name: 'Belorussia' }] } as { name: string });
    const find = (text: string) => {
      const stats = new NameStats();
      stats.add({ text });
      return findMisspelledNames({ text }, stats, pack).map((m) => m.reason);
    };
    expect(find('Former envoys met. They saw Belarussia.')).toEqual([]);
    expect(find('Envoys met Tomas Fornier.')).toEqual(['"Fornier" is close to the known name "forner"']);
  });
});

describe('role errors', () => {
  it('reads titles before names and appositives, not former ones or title lists', () => {
    const text = 'President Gorm Ulla met Ilse Brandvik, Osmark’s foreign minister. Former senator Piet Arro, and Kazakh, President Oda Marrin, Prime Minister, Tomas Krell.';
    expect(statedRoles(text).map((r) => `${r.surname}:${r.title}`)).toEqual(['ulla:president', 'marrin:president', 'brandvik:foreign minister']);
  });

  it('flags a title that contradicts the one two other documents give', () => {
    const stats = new RoleStats();
    const docs = [
      { id: 'a', text: 'President Gorm Ulla spoke.' },
      { id: 'b', text: 'Osmark President Gorm Ulla left.' },
      { id: 'c', text: 'Gorm Ulla, the Osmark senator, arrived.' },
    ];
    docs.forEach((d) => stats.add(d));
    expect(findRoleErrors(docs[2], stats, noPack).map((e) => e.reason)).toEqual(['"Gorm Ulla, the Osmark senator": elsewhere president']);
    expect(findRoleErrors(docs[0], stats, noPack)).toEqual([]);
  });

  it('one other document is not enough to call a role wrong', () => {
    const stats = new RoleStats();
    const docs = [{ id: 'a', text: 'President Gorm Ulla spoke.' }, { id: 'c', text: 'Gorm Ulla, the Osmark senator, arrived.' }];
    docs.forEach((d) => stats.add(d));
    expect(findRoleErrors(docs[1], stats, noPack)).toEqual([]);
  });
});

describe('helpers', () => {
  it('substitutions lists swapped runs of up to three words', () => {
    expect(substitutions('Brandvik stated her team had actually sent a plan', 'Brandvik said her team had sent a plan')).toEqual([['stated', 'said']]);
    expect(substitutions('the initial round finished', 'the first round ended')).toEqual([['initial', 'first'], ['finished', 'ended']]);
  });

  it('noisy-OR combination, edit distance and skeletons', () => {
    expect(combine([0.5, 0.5])).toBe(0.75);
    expect(combine([])).toBe(0);
    expect(osaDistance('lavor', 'lavrov')).toBe(2);
    expect(osaDistance('abcdef', 'ghijkl')).toBe(3);
    expect(skeleton('Zelenskyy')).toBe(skeleton('Zelensky'));
    expect(skeleton('Zelskyy')).not.toBe(skeleton('Zelenskyy'));
  });
});
