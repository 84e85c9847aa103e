import { describe, expect, it } from 'vitest';
import { makeContext } from '../../../src/context.js';
import { mentionsIn } from './find.js';

/** The stage's explicit names in `text` as text, type and the rule that typed them (pack none). */
function namesOf(text: string) {
  return mentionsIn(text, makeContext({ pack: { name: 'none' } }))
    .filter((m) => m.evidence === 'explicit')
    .map((m) => ({ text: text.slice(m.span.start, m.span.end), type: m.type, rule: m.source.replace(/^.*\//, '') }));
}

describe('mentions: business cues make a bare name a company', () => {
  it('a firm descriptor before the name', () => {
    expect(namesOf('Shares in the region rose after automaker Zentravia cut its prices again.')).toEqual([
      { text: 'Zentravia', type: 'organization', rule: 'org-cue' },
    ]);
  });
  it('a part of a firm after the name or its possessive, with adjectives between', () => {
    expect(namesOf("Analysts said that Zentravia shares fell, and that Kolvex 's latest mobile devices sold well.")).toEqual([
      { text: 'Zentravia', type: 'organization', rule: 'org-cue' },
      { text: 'Kolvex', type: 'organization', rule: 'org-cue' },
    ]);
  });
  it('an owner noun and "of" before the name, and the type kept where the document repeats it', () => {
    expect(namesOf('He is the founder of Zentravia and has run it since 2001. On Monday Zentravia said it would grow.')).toEqual([
      { text: 'Zentravia', type: 'organization', rule: 'org-cue' },
      { text: 'Zentravia', type: 'organization', rule: 'same-name' },
    ]);
  });
});

describe('mentions: business cues, negative cases', () => {
  it('a part word used as a verb before its object is no cue', () => {
    expect(namesOf('In the interview, Valeska Ostrander shares her view of the talks with the press.')).toEqual([
      { text: 'Valeska Ostrander', type: 'person', rule: 'name-shape' },
    ]);
  });
  it('a descriptor that also describes a person is no cue', () => {
    expect(namesOf('The book was bought by publisher Halvor Quistad last year.').map((n) => n.type)).toEqual(['person']);
  });
  it('a sentence opener the document writes in lower case is an ordinary word', () => {
    expect(namesOf('He explained the idea. Open technologies and open systems cost less.')).toEqual([]);
  });
});
