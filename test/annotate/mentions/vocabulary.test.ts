import { describe, expect, it } from 'vitest';
import { isCommonWord } from '../../../src/annotate/mentions/vocabulary.js';

describe('mentions: ordinary English words (wink vocabulary)', () => {
  it('knows common words in lower case', () => {
    expect(['successful', 'civic', 'river', 'government'].map(isCommonWord)).toEqual([true, true, true, true]);
  });
  it('does not know unfamiliar surnames, invented words or empty strings', () => {
    expect(['kuleba', 'quistad', 'zzqxv', '', 'two words'].map(isCommonWord)).toEqual([false, false, false, false, false]);
  });
  it('answers the same the second time (memoised)', () => {
    expect([isCommonWord('civic'), isCommonWord('civic'), isCommonWord('quistad'), isCommonWord('quistad')]).toEqual([true, true, false, false]);
  });
});
