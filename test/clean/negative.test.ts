import { describe, expect, it } from 'vitest';
import { boilerplateReasons, lineReason } from '../../src/clean/boilerplate.js';
import { detectOutlet } from '../../src/clean/outlet.js';
import { findTitle } from '../../src/clean/title.js';

/** Lines that merely look short, shouty or promo-like but belong to the story: all must be kept. */
describe('negative cases: story lines are kept', () => {
  it.each([
    ['a closing quotation line', '“Nothing is agreed until everything is agreed.”'],
    ['a one-line paragraph', 'He waited.'],
    ['an all-caps acronym line', 'NATO'],
    ['a short all-caps line', 'UN'],
    ['a sentence that starts with "By"', 'By Tuesday morning both delegations had left Brenn.'],
    ['a source the story cites', 'Lavrov would see the war to “the end,” reported Reuters.'],
    ['a trailing agency credit on a story line', 'Monitors will visit the front line on Friday. — AFP'],
    ['a sentence mentioning a newsletter', 'Subscribers to the Ostrenian state newsletter received the draft text on Sunday, officials said.'],
    ['a sentence mentioning clicks', 'Click-through rates on the ministry website rose sharply, a spokesman said.'],
    ['a sentence with a date', 'On November 18, 2019 the envoy arrived in Zelma and met the president.'],
    ['a quotation that ends with "here"', '“We are staying here,” she said.'],
    ['a subheading', 'Maps on the table'],
    ['a headline of section-like words with a verb', 'World leaders back Brenn talks'],
    ['a headline with two slashed names', 'Valdoria / Ostrenia talks resume in Brenn'],
    ['a figure line with slashes', 'Wheat / maize / barley prices rose on Monday.'],
    ['a long paragraph that contains "sign up"', 'The ministry said it would sign up 500 volunteers for free first-aid training before the winter, and that the courses would be held in Brenn and Dornau.'],
  ])('%s', (_what, line) => {
    expect(lineReason(line)).toBeNull();
    expect(boilerplateReasons(['The talks resumed on Monday in Brenn, officials said.', line, 'They will meet again on Friday, the ministry said.']).size).toBe(0);
  });

  it('inside the story, a date heading (timeline entry) and a line about a journalist in the news are kept', () => {
    const lines = ['The talks resumed on Monday in Brenn, officials said.', 'They will meet again on Friday.', 'Both sides exchanged maps.', 'Monitors will attend.', 'The exchange is planned.', 'Marek will brief parliament.', '28 February 2022', 'The first round opened in Brenn.', 'Ilsa Marek was a reporter for the state broadcaster before she entered politics.', 'Dunn declined to comment.', 'Talks resume on Friday.', 'Nothing is agreed yet.', 'Both sides said so.'];
    expect(boilerplateReasons(lines).size).toBe(0);
  });

  it('a generic one-word label with no list after it is kept', () => {
    expect(boilerplateReasons(['The talks resumed.', 'Latest', 'The exchange is expected at the Brenn crossing.']).size).toBe(0);
  });

  it('a short first line followed by the story is a title, not a section label', () => {
    const lines = ['Peace at last', 'Delegations signed the accord in Brenn on Monday, officials said.'];
    expect(boilerplateReasons(lines).size).toBe(0);
    expect(findTitle(lines, [0, 1], null, true)).toEqual({ title: 'Peace at last', line: 0 });
  });

  it('a first line that is a sentence is not a title', () => {
    const lines = ['Delegations met in Brenn on Monday.', 'They will meet again on Friday.'];
    expect(findTitle(lines, [0, 1], null, true)).toEqual({ title: null, line: null });
  });

  it('a single-line text has no title taken out of it', () => {
    expect(findTitle(['Valdoria and Ostrenia resume talks'], [0], null, true)).toEqual({ title: null, line: null });
  });

  it('an agency the story quotes is not its outlet', () => {
    const lines = ['Lavrov said so, reported Reuters.', 'The ministry confirmed it, the Interfax news agency reported.', 'Talks resume on Friday.'];
    expect(detectOutlet({ lines, promos: [] })).toBeNull();
  });
});
