/** What the mentions stage must NOT find. */
import { describe, expect, it } from 'vitest';
import { findMentions, mentionsStage } from '../../../src/annotate/mentions/stage.js';
import { shoutingLines } from '../../../src/annotate/mentions/candidates.js';
import { cutAfterOpener, isFaith } from '../../../src/annotate/mentions/combine.js';
import { tokenize } from '../../../src/annotate/mentions/tokens.js';
import { namedInside } from '../../../src/annotate/mentions/openers.js';
import { titleCase } from '../../../src/annotate/mentions/stretches.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import { makeContext } from '../../../src/context.js';
import { makeDoc } from '../../helpers.js';
import { mentionsIn } from './find.js';

function texts(text: string): string[] {
  return mentionsIn(text).map((m) => text.slice(m.span.start, m.span.end));
}

/** Mentions the stage types person, organisation or place. */
function typed(text: string): string[] {
  return mentionsIn(text).filter((m) => m.type !== 'other').map((m) => text.slice(m.span.start, m.span.end));
}

describe('mentions: negative cases', () => {
  const none: [string, string][] = [
    ['empty text', ''],
    ['lower-case prose', 'the talks were postponed again after a long night.'],
    ['sentence openers and days', 'However, talks resumed on Thursday. Several delegates left in March.'],
    ['demonyms and nationality adjectives', 'Russian and Ukrainian officials met. The Belarussian region was calm.'],
    ['plural demonyms naming peoples, wherever they stand', 'The Russians have rejected it. Thousands of Norwegians protested. Russians and Ukrainians met.'],
    ['all-capitals promotional line', 'CLICK HERE TO READ MORE FROM THE DAILY BUGLE'],
    ['a bare title with no owner is not linked', 'The minister said nothing.'],
    ['month before a number', 'It happened on Jan 5 and again in May.'],
    ['letters of a country marking a currency', 'He was freed on US$ 20,000 bail; the vote cost NZ $ 26 million.'],
  ];
  // names of no known kind: found (resolution may use them) but typed neither person, organisation nor place
  const untyped: [string, string][] = [
    ['a festival, an operation, a storm are not people', 'Crowds came to the Lantern Festival. Operation Stillwater ended. Cyclone Varra hit the coast.'],
    ['a language after "in" is not a place', 'The form must be completed in English.'],
    ['a bare generic head without "the" names no body', 'University exhibits drew crowds.'],
    ['a plural title is not a surname', 'Republican Senators objected.'],
  ];
  for (const [what, text] of untyped) it(what, () => expect(typed(text)).toEqual([]));
  it('no match report without a score between two names: a war report keeps its countries places', () => {
    const text = 'Ukraine defeated the attack near Kharkiv overnight. Ukraine said 12 – 15 drones were shot down over Kyiv, and Russia denied losing any.';
    const ms = mentionsIn(text);
    // the first "Ukraine" is read as a team by its own sentence's verb only (typing.ts); the others stay places
    expect(ms.slice(1).map((m) => [text.slice(m.span.start, m.span.end), m.type])).toEqual([['Kharkiv', 'place'], ['Ukraine', 'place'], ['Kyiv', 'place'], ['Russia', 'place']]);
  });
  for (const [what, text] of none) it(what, () => expect(texts(text)).toEqual([]));

  it('an opener the document also writes in lower case stays an ordinary word, even when capitalised inside a sentence', () => {
    expect(texts('Harbour officials met Several at noon. Several ships sailed at dawn. Later, several crews stayed in port.')).toEqual(['Several']);
  });
  it('capitals inside a sentence are evidence of a name; those of a title-case line or an opener are not', () => {
    const text = 'Ferrow Plans Bold Routes\nPlans were shown. Bold said so. Pilots said they met Ferrow and Aldane at the airport.\nAldane left.';
    const tokens = tokenize(text);
    const starts = new Set(splitSentences(text).map((s) => s.start));
    const sentenceStart = tokens.map((t) => starts.has(t.start));
    expect([...namedInside(tokens, (i) => sentenceStart[i], titleCase(tokens, sentenceStart))].sort()).toEqual(['aldane', 'ferrow']);
  });
  it('a tagger span cut after the word opening a longer rule name is no name; one ending elsewhere is kept', () => {
    const tokens = tokenize('The strike at Port Telmar and the Bank of Drenvik went on.');
    const rule = (first: number, last: number) => ({ first, last, rule: 'none' }) as never;
    const rules = [rule(3, 4), rule(7, 9)];
    expect([[3, 3], [3, 4], [7, 7], [4, 4]].map(([first, last]) => cutAfterOpener(tokens, rules, { first, last, type: 'place' }))).toEqual([true, false, true, false]);
  });
  it('an acronym spelled by a name typed only by its article is no organisation', () => {
    expect(typed('We met at the Digital Humanities forum. Most DH projects are small.')).toEqual([]);
  });
  it('a legal form alone and a town named by an English word after an article or opening a sentence are no names', () => {
    expect(typed('The deal was signed by Vestra Holdings Corporation, Inc. last year. Reading the text took an hour. Our Imperial edict stands.')).toEqual(['Vestra Holdings Corporation']);
  });
  it('religions and their feasts are no names of the three kinds', () => {
    expect(typed('Crushes have killed pilgrims during the Hajj before. Many faiths, such as Islam, forbid it.')).toEqual([]);
    const tokens = tokenize('the Hajj and Yom Kippur in Drenvik');
    expect([[1, 1], [3, 4], [6, 6]].map(([first, last]) => isFaith(tokens, { first, last }))).toEqual([true, true, false]);
  });
  it('a lower-case word after a hyphen is not part of a name', () => {
    expect(texts('Delegates wore Drenvik-made badges and a NASA T-shirt.')).toEqual(['Drenvik', 'NASA']);
  });
  it('a title after a name is not a second name', () => {
    // only a bare title standing for its holder (implied, `capital-titles.ts`), never an explicit name
    const doc = makeDoc('Vulpescu, Foreign Minister of Moldova, left.');
    const found = findMentions({ ...doc, layers: { sentences: splitSentences(doc.text) } }, makeContext()).filter((m) => doc.text.slice(m.span.start, m.span.end) === 'Foreign Minister');
    expect(found.map((m) => m.evidence)).toEqual(['implied']);
  });
  it('a possessive is not part of the name', () => {
    expect(texts('It was Halvor Quistad’s plan.')).toEqual(['Halvor Quistad']);
  });
  it('a shouting line is found only when most letters are capitals', () => {
    expect(shoutingLines('READ MORE NOW\nRead more about NATO and the EU')).toEqual([{ start: 0, end: 13 }]);
  });
  it('nothing is read from removed boilerplate', () => {
    const doc = makeDoc('Arkady Brenzik spoke.', { removed: [{ text: 'Trending: Halvor Quistad wins award', reason: 'related list' }] });
    const out = mentionsStage.run({ ...doc, layers: { sentences: splitSentences(doc.text) } }, makeContext());
    expect(out.map((m) => doc.text.slice(m.span.start, m.span.end))).toEqual(['Arkady Brenzik']);
  });
});

describe('mentions: cues that must not type a name', () => {
  const typesOf = (text: string) => {
    return mentionsIn(text).map((m) => [text.slice(m.span.start, m.span.end), m.type]);
  };
  it('a possessor after a place preposition is no place by that cue', () => {
    expect(typesOf("In Ostrander's view, the deal is dead.").filter(([, type]) => type === 'place')).toEqual([]);
  });
  it('a numbered thing after a preposition is no place', () => {
    expect(typesOf('The clause is set out in Annex 4 of the treaty.').filter(([, type]) => type === 'place')).toEqual([]);
  });
  it('a name modifying a noun after a title is not the title holder', () => {
    expect(typesOf('He cited official Kelvar Trust documents.').filter(([, type]) => type === 'person')).toEqual([]);
  });
});

describe('mentions: titles and dates the tagger may take for names', () => {
  it('a plural title opening a sentence is no name', () => {
    expect(typed('Senators will be asked to vote this afternoon. Ministers met later.')).toEqual([]);
  });
  it('a date written as one word is no part of a name', () => {
    expect(typed('Posted 8-May-2006 Halvor Quistad, Vice President.')).toEqual(['Halvor Quistad']);
  });
});
