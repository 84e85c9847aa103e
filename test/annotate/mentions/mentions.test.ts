import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/context.js';
import { loadPack } from '../../../src/packs/load.js';
import { mentionsIn } from './find.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'mentions');

/** The stage's output on `text` as `{text, type, title?, of?}`. */
function mentionsOf(text: string, ctx = makeContext()) {
  const ms = mentionsIn(text, ctx);
  return ms.map((m) => ({ text: text.slice(m.span.start, m.span.end), type: m.type, ...(m.title ? { title: m.title.title, of: m.title.of } : {}) }));
}

describe('mentions: fixtures (pack none)', () => {
  for (const name of readdirSync(FIXTURES).filter((n) => !n.includes('.'))) {
    it(name, () => {
      const text = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8');
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'));
      expect(mentionsOf(text)).toEqual(expected);
    });
  }
});

describe('mentions: table', () => {
  const cases: [string, string, { text: string; type: string }[]][] = [
    ['a country owning a title before a name is a place of its own, a demonym none', 'Support came from US President Halvor Quistad and Estonian President Olga Brandt.', [
      { text: 'US', type: 'place' },
      { text: 'Halvor Quistad', type: 'person' },
      { text: 'Olga Brandt', type: 'person' },
    ]],
    ['a military unit keeps its number; a force is an organisation', 'Soldiers of the 3rd Assault Brigade crossed the river. The Vestrian Border Force closed the crossing.', [
      { text: '3rd Assault Brigade', type: 'organization' },
      { text: 'Vestrian Border Force', type: 'organization' },
    ]],
    ['a title next to a body does not make it a person', 'He asked members of Parliament to wait. It is the Senate, Madam Speaker, that must act.', [
      { text: 'Parliament', type: 'organization' },
      { text: 'Senate', type: 'organization' },
      // a capitalised bare title standing for its holder (an implied mention, `capital-titles.ts`), not a body
      { text: 'Speaker', type: 'person' },
    ]],
    ['a place word, "of", then an unfamiliar name: a place', 'Shelling hit the village of Robotyne and the city of Orikhiv overnight.', [
      { text: 'Robotyne', type: 'place' },
      { text: 'Orikhiv', type: 'place' },
    ]],
    ['a sentence opener the document also writes capitalised inside a sentence is a name there too', 'Zentravia orders new jets\nZentravia will buy twenty jets this year. Analysts said the order helps Zentravia in a crowded market.', [
      { text: 'Zentravia', type: 'other' },
      { text: 'Zentravia', type: 'other' },
      { text: 'Zentravia', type: 'other' },
    ]],
    ['a lone opener named by an English word, capitalised inside a sentence too', 'Lantern cut its fares. Rivals followed Lantern within a week.', [
      { text: 'Lantern', type: 'other' },
      { text: 'Lantern', type: 'other' },
    ]],
    ['unfamiliar surname after a title', 'Deputy Prime Minister Halvor Quistad resigned.', [{ text: 'Halvor Quistad', type: 'person' }]],
    ['speaker verb types a lone surname', 'The plan failed, Quistad said.', [{ text: 'Quistad', type: 'person' }]],
    ['names before a plural place word, coordinated', 'Shelling hit Tarvo and Seltik districts overnight.', [{ text: 'Tarvo', type: 'place' }, { text: 'Seltik', type: 'place' }]],
    ['a body named by one word after "the"', 'After a long night the House passed the bill, and in court the Crown said it would appeal.', [
      { text: 'House', type: 'organization' },
      { text: 'Crown', type: 'organization' },
    ]],
    ['a name before "river"', 'Troops crossed the Velka river at dawn.', [{ text: 'Velka', type: 'place' }]],
    ['a speaker after the verb of a clause', 'The plan is dead, says Ostrander.', [{ text: 'Ostrander', type: 'person' }]],
    ['a title after a name, with its rank word, is trimmed', 'The letter was signed by Olga Brandt Deputy Minister.', [{ text: 'Olga Brandt', type: 'person' }]],
    ['a title after an unfamiliar name is trimmed', 'Respectfully, Halvor Quistad Vice President and Dean for Education', [{ text: 'Halvor Quistad', type: 'person' }, { text: 'Dean', type: 'other' }]],
    ['honorific is trimmed', 'Talks ended when Ms Eirlys Madoc left.', [{ text: 'Eirlys Madoc', type: 'person' }]],
    ['name particles stay inside', 'The envoy Jan van der Berg arrived.', [{ text: 'Jan van der Berg', type: 'person' }]],
    ['a particle hyphened to the surname stays inside', 'Defence chief General Tariq al-Haddad spoke.', [{ text: 'Tariq al-Haddad', type: 'person' }]],
    ['a hyphenated descriptor is trimmed', 'Pan-democrat Lam Cheuk-ting won a seat.', [{ text: 'Lam Cheuk-ting', type: 'person' }]],
    ['organisation opener with of', 'The Bank of Drenvik raised rates.', [{ text: 'Bank of Drenvik', type: 'organization' }]],
    ['outlet from a news-agency cue', 'Gorlan Press reported the blast, the Vestrian news agency said.', [{ text: 'Gorlan Press', type: 'outlet' }]],
    ['acronym spelled out earlier', 'The Drenvik Energy Board (DEB) cut supplies. DEB blamed the frost.', [
      { text: 'Drenvik Energy Board', type: 'organization' },
      { text: 'DEB', type: 'organization' },
      { text: 'DEB', type: 'organization' },
    ]],
    ['bracketed acronym spelled by a name the rules split, and repeated', "Commanders of the Vestrian People's Army (VPA) were sent to the front. Later the VPA fired one shell.", [
      { text: "Vestrian People's Army", type: 'organization' },
      { text: 'VPA', type: 'organization' },
      { text: 'VPA', type: 'organization' },
    ]],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => expect(mentionsOf(text).map(({ text, type }) => ({ text, type }))).toEqual(expected));
  }
});

describe('mentions: with the russia-ukraine pack', () => {
  const ctx = makeContext({ pack: loadPack('russia-ukraine') });
  it('links aliases and transliterations to pack entities', () => {
    const text = 'Sergei Lavrov met Wolodymyr Selenskyj in Kiev.';
    const ms = mentionsIn(text, ctx);
    expect(ms.map((m) => [text.slice(m.span.start, m.span.end), m.type, m.pack])).toEqual([
      ['Sergei Lavrov', 'person', 'sergey-lavrov'],
      ['Wolodymyr Selenskyj', 'person', 'volodymyr-zelenskyy'],
      ['Kiev', 'place', 'kyiv'],
    ]);
  });
  it('reads a pack title phrase as a bare title of its office', () => {
    const text = 'The Kremlin leader spoke to reporters.';
    const ms = mentionsIn(text, ctx);
    expect(ms.map((m) => [text.slice(m.span.start, m.span.end), m.evidence, m.title?.title, m.title?.of])).toEqual([
      ['Kremlin leader', 'implied', 'President', 'russia'],
      ['Kremlin', 'explicit', undefined, undefined],
    ]);
  });
});
