import { describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/context.js';
import { mentionsIn } from './find.js';

/** Each mention with inner names, as `outer/type: inner/type, …`. */
function innerOf(text: string): string[] {
  const ms = mentionsIn(text, makeContext({ pack: { name: 'none' } }));
  const show = (s: { start: number; end: number }, type: string) => `${text.slice(s.start, s.end)}/${type}`;
  return ms.filter((m) => m.inner).map((m) => `${show(m.span, m.type)}: ${m.inner!.map((i) => show(i.span, i.type)).join(', ')}`);
}

describe('mentions: names nested in longer names', () => {
  const cases: [string, string, string[]][] = [
    ['a country opening an organisation', 'Officials at the US State Department declined to comment.', ['US State Department/organization: US/place']],
    ['a dotted abbreviation of a country opening a body', 'Officials of the U.S. Congress met.', ['U.S. Congress/organization: U.S./place']],
    ['a place after "of"', 'The University of Texas opened a new campus.', ['University of Texas/organization: Texas/place']],
    ['a place opening a venue', 'Fans filled the Volgograd Arena on Sunday.', ['Volgograd Arena/place: Volgograd/place']],
    ['a station named after the place it serves', 'Crowds walked from Velmora Station to the square.', ['Velmora Station/place: Velmora/place']],
    ['a compass word before a place after "of"', 'She studied at the University of Northern Estonia.', ['University of Northern Estonia/organization: Northern Estonia/place']],
    ['a given name and surname opening a foundation', 'The Olga Brandt Foundation paid for the study.', ['Olga Brandt Foundation/organization: Olga Brandt/person']],
    ['a name written alone elsewhere in the document', 'Halvor Quistad founded the Halvor Quistad Foundation in 1990. Quistad said it was his life.', [
      'Halvor Quistad Foundation/organization: Halvor Quistad/person',
    ]],
  ];
  for (const [what, text, expected] of cases) it(what, () => expect(innerOf(text)).toEqual(expected));
});

describe('mentions: nested names, negative cases', () => {
  const none: [string, string][] = [
    ['a compass word opening a place', 'North Korea fired a missile. The North rejected talks.'],
    ["a country's adjective", 'The Saudi Interior Ministry issued a statement.'],
    ['a place before its abbreviation', 'The delegation landed in Washington D.C. on Monday.'],
    ['a person name holds no place', 'Mary Chaworth lived near Annesley.'],
    ['a head word before "Station" is no place', 'Trains stopped at Union Station overnight.'],
    ['a name after "of" that is no place', 'The Church of Scientology sued. Scientology denied it.'],
  ];
  for (const [what, text] of none) it(what, () => expect(innerOf(text)).toEqual([]));
});
