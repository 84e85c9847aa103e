import { describe, expect, it } from 'vitest';
import { findHints, type DateHint } from '../../../src/resolve/dates/hints.js';

/** Hints whose cues exercise the trigram pre-filter: a cue must be found wherever `includes` finds it. */
const hint = (what: string, cue: string[], pattern = what): DateHint => ({ kind: 'event', what, pattern, cue, from: '2030-01-01', to: '2030-01-01' });
const HINTS: DateHint[] = [
  hint('Orlo', ['orlo']),
  hint('Xi', ['xi']), // shorter than a trigram: looked for as it is
  hint('Kessel summit', ['kessel summit', 'summit of kessel'], 'Kessel summit|summit of Kessel'),
  hint('Dornach talks', ['dornach'], 'Dornach talks'), // cue present, pattern absent
  hint('Tarsk', ['tarsk']),
  hint('Uncued', [], 'Amsford'), // an empty cue list never passes (as `some` of none)
];

describe('findHints cue pre-filter', () => {
  it.each([
    ['Talks in Orlo went on.', ['Orlo']],
    ['The ORLO delegation left; taxis waited.', ['Orlo']],
    ['Xi arrived.', ['Xi']],
    ['Taxis waited outside.', []], // "xi" occurs inside a word: the cue passes, the pattern does not
    ['The summit of Kessel ended.', ['Kessel summit']],
    ['The Kessel  summit ended.', []], // two spaces: neither cue occurs
    ['Dornach sent nobody.', []],
    ['Tars and Tarsks.', []], // the cue occurs inside a longer word and passes; the pattern (whole words) decides
    ['Amsford held the Kessel summit; Tarsk and Orlo too.', ['Orlo', 'Kessel summit', 'Tarsk']],
    ['', []],
  ])('%s', (text, expected) => {
    expect(findHints(text, HINTS).map((m) => m.hint.what)).toEqual(expected);
  });

  it('finds the same after a text that set many trigram bits (the filter is cleared between texts)', () => {
    findHints('Orlo Kessel summit Tarsk Dornach '.repeat(50), HINTS);
    expect(findHints('Nothing here.', HINTS)).toEqual([]);
  });
});
