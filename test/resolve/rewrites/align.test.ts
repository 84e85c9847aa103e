/**
 * Sentence alignment reads a sentence's words from its document's tokens: each sentence must get
 * exactly what tokenising it on its own gives (words, anchors, shingles), also when a sentence span
 * cuts a word or starts after a name-like word, and alignment must pick the same partners.
 */
import { describe, expect, it } from 'vitest';
import { alignableSentences, alignSentences } from '../../../src/resolve/rewrites/align.js';
import { makeDoc } from '../../helpers.js';

const TEXT =
  'Envoy Marta Kell of Dovaria met the Ostrich Council in Brenn on Monday about 450 tonnes of grain. ' +
  'Officials said the Brenn talks would resume next week with observers from Lusk present again. ' +
  'Kell told reporters the grain convoy needed fuel, trucks and drivers before the river froze.';

/** A sentence as seen on its own: the slice as a one-sentence document, offsets moved back. */
function alone(text: string, start: number, end: number) {
  const slice = text.slice(start, end);
  return alignableSentences(makeDoc(slice, { layers: { sentences: [{ start: 0, end: slice.length }] } })).map((s) => ({ ...s, start: s.start + start, end: s.end + start }));
}

describe('alignable sentences', () => {
  it('gives each sentence what tokenising it alone gives, for clean spans and for spans that cut words', () => {
    const first = TEXT.indexOf('Officials');
    const third = TEXT.indexOf('Kell told');
    const layouts = [
      [{ start: 0, end: first - 1 }, { start: first, end: third - 1 }, { start: third, end: TEXT.length }],
      // Spans cutting "grain" and "Lusk", and one starting right after a capitalised word.
      [{ start: 0, end: TEXT.indexOf('grain') + 2 }, { start: TEXT.indexOf('grain') + 2, end: TEXT.indexOf('Lusk') + 2 }, { start: TEXT.indexOf('Lusk') + 2, end: TEXT.length }],
      [{ start: 0, end: TEXT.indexOf('Council') }, { start: TEXT.indexOf('Council'), end: TEXT.length }],
    ];
    layouts.forEach((sentences, i) => {
      // Sentences are remembered by text: each layout gets a text of its own (trailing spaces).
      const text = TEXT + ' '.repeat(i);
      expect(alignableSentences(makeDoc(text, { layers: { sentences } }))).toEqual(sentences.flatMap((s) => alone(text, s.start, s.end)));
    });
  });

  it('aligns a reworded sentence with its source and leaves unrelated ones unpaired', () => {
    const copy = makeDoc('Diplomat Marta Kell of Dovaria saw the Ostrich Council in Brenn on Monday regarding 450 tonnes of wheat. Farmers in Lusk planted potatoes early this spring despite the frost.');
    const orig = makeDoc(TEXT);
    const pairs = alignSentences(alignableSentences(copy), alignableSentences(orig));
    expect(pairs.map((p) => [copy.text.slice(p.copy.start, p.copy.end).slice(0, 14), orig.text.slice(p.original.start, p.original.end).slice(0, 11)])).toEqual([['Diplomat Marta', 'Envoy Marta']]);
    expect(pairs[0].content).toBeGreaterThanOrEqual(0.4);
    expect(pairs[0].shingles).toBeLessThan(0.5);
  });
});
