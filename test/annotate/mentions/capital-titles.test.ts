import { describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/context.js';
import { mentionsIn } from './find.js';

/** The capitalised bare titles the stage finds in `text` (`capital-titles.ts`), as text, type, evidence and title cue. */
function capitalTitlesOf(text: string) {
  return mentionsIn(text, makeContext({ pack: { name: 'none' } }))
    .filter((m) => m.source === 'title/capital')
    .map((m) => ({ text: text.slice(m.span.start, m.span.end), type: m.type, evidence: m.evidence, title: m.title ?? null }));
}

const person = (text: string) => ({ text, type: 'person', evidence: 'implied', title: null });

describe('mentions: capitalised bare titles', () => {
  const cases: [string, string, ReturnType<typeof person>[]][] = [
    ['a title with an article', 'Congress authorised the Secretary to waive the rule, and the Secretary signed it.', [person('Secretary'), person('Secretary')]],
    ['a form of address is left out', 'It is the Senate, Madam Speaker, that must act.', [person('Speaker')]],
    ['an honorific is left out, a two-word title stays whole', 'We thank you, Mr. Chief Justice, for the time you have given to this case.', [person('Chief Justice')]],
    ['an apposition after a comma', 'The study was written up by the team of Cres Vantor, Director of the institute, over a year.', [person('Director')]],
    ['a possessive owner stays out', "Veltia 's Prime Minister, Arno Pask, said the talks were over.", [person('Prime Minister')]],
  ];
  for (const [what, text, expected] of cases) it(what, () => expect(capitalTitlesOf(text)).toEqual(expected));
});

describe('mentions: capitalised bare titles, negative cases', () => {
  const none: [string, string][] = [
    ['a lower-case title names no one', 'The president signed the order and the secretary agreed.'],
    ['a title before a name is that name\'s', 'Later President Arno Pask signed the order.'],
    ['a title opening a sentence', 'Director of the institute since 2001, he resigned.'],
    ['the rank of the name before it', 'The letter was signed by Olga Brandt Deputy Minister.'],
    ['a title inside a name', 'She studied at King Edward College in Brelin.'],
    ['a title in a title-case headline', 'President Signs New Order On Veltian Trade'],
    ['part of a hyphenated word', 'He named himself Commander-in-Chief of the Armies.'],
    ['a plural title', 'He appealed to Senators to act.'],
    ['a possessive opening a name', 'She was a student at King \'s College in the city, where she met him.'],
    ['an abbreviation in capitals', 'After the leak, the company said that its CEO of many years would leave.'],
  ];
  for (const [what, text] of none) it(what, () => expect(capitalTitlesOf(text)).toEqual([]));
});
