import { describe, expect, it } from 'vitest';
import { checkRaw, checkText, checkTime, longestRuns, MAX_BODY_CHARS, MAX_LINE_CHARS, MAX_SENTENCE_CHARS, MAX_TEXT_CHARS, MAX_WORD_CHARS } from '../../src/worker/budget.js';
import { makeRaw } from '../helpers.js';

const doc = (text: string, over: { title?: string | null; outlet?: string | null } = {}) => ({ origin: 'a.txt', text, title: null, outlet: null, ...over });
const sentence = 'Envoys met in Kessel on Tuesday, officials said. ';

describe('per-document budget', () => {
  it('measures the longest line, sentence-like run and word in one pass', () => {
    expect(longestRuns('ab cd.\nefghij klm? no')).toEqual({ line: 14, sentence: 10, word: 6 });
    expect(longestRuns('')).toEqual({ line: 0, sentence: 0, word: 0 });
  });

  it.each([
    ['NUL in the text', doc(`a\u0000b`), 'binary content: the text or title contains NUL characters'],
    ['NUL in the title', doc('fine.', { title: 'x\u0000' }), 'binary content: the text or title contains NUL characters'],
    ['text too long', doc(sentence.repeat(Math.ceil(MAX_TEXT_CHARS / sentence.length) + 1).slice(0, MAX_TEXT_CHARS + 1)), 'over budget: clean text of 1,000,001 characters (limit 1,000,000)'],
    ['a line too long', doc(sentence.repeat(700).slice(0, MAX_LINE_CHARS + 1)), 'over budget: a line of 30,001 characters (limit 30,000); not article text'],
    ['no sentence end', doc('word '.repeat(1001)), 'over budget: 5,005 characters without a sentence end (limit 5,000); not article text'],
    ['a word too long', doc(`${'x'.repeat(MAX_WORD_CHARS + 1)} end.`), 'over budget: a 2,001-character word (limit 2,000); not article text'],
  ])('rejects %s, saying which limit', (_, d, reason) => {
    expect(checkText(d)).toEqual({ skipped: 'a.txt', reason });
  });

  it('keeps ordinary text right at the limits', () => {
    expect(checkText(doc(sentence.repeat(600)))).toBeNull();
    expect(checkText(doc(`${'x'.repeat(MAX_WORD_CHARS)} end.`))).toBeNull();
    expect(checkText(doc(`${'word '.repeat(MAX_SENTENCE_CHARS / 5 - 1)}end.`))).toBeNull();
    expect(checkText(doc('Ceasefire holds\nTalks resume in Kessel'))).toBeNull();
  });

  it('rejects a body too large to clean, and a document over its CPU time', () => {
    expect(checkRaw(makeRaw('big.txt', 'x'.repeat(MAX_BODY_CHARS + 1)))?.reason).toBe('over budget: body of 8,000,001 characters (limit 8,000,000)');
    expect(checkRaw(makeRaw('ok.txt', sentence))).toBeNull();
    expect(checkTime('slow.txt', 5_001)).toEqual({ skipped: 'slow.txt', reason: 'over budget: took 5,001 ms of CPU to clean and annotate (limit 5,000 ms)' });
    expect(checkTime('ok.txt', 5_000)).toBeNull();
  });
});
