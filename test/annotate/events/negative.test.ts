import { describe, expect, it } from 'vitest';
import { findEventMentions } from '../../../src/annotate/events/stage.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import { makeDoc } from '../../helpers.js';

const types = (text: string) =>
  findEventMentions(makeDoc(text, { layers: { sentences: splitSentences(text) } })).map((e) => e.type);

describe('eventMentions: negative cases', () => {
  it.each([
    'The weather in Kessel was mild.',
    'Readers can subscribe to the newsletter.',
    'He is a talker and a dealer in antiques.', // no whole-word trigger inside longer words
    'Metropolitan areas grew.',
  ])('finds no event in %j', (text) => {
    expect(types(text)).toEqual([]);
  });

  it('does not take "the second" of an unrelated noun as a round ordinal', () => {
    const text = 'The second minister attended the talks.';
    const [m] = findEventMentions(makeDoc(text, { layers: { sentences: splitSentences(text) } }));
    expect(m.ordinal).toBeNull();
  });

  it('does not read a denial of something else as a denial of the event', () => {
    const text = 'The minister, who denied wrongdoing, said that talks with Ostrava will resume.';
    const [m] = findEventMentions(makeDoc(text, { layers: { sentences: splitSentences(text) } }));
    expect([m.type, m.status]).toEqual(['talks', 'planned']);
  });
});

describe('trigger scan shortcut', () => {
  it('finds the same hits with rules whose flags differ (no shared pre-scan) and none in a sentence without triggers', async () => {
    const { findTriggers } = await import('../../../src/annotate/events/triggers.js');
    const { TRIGGERS } = await import('../../../src/annotate/events/lexicon.js');
    const text = 'The weather was mild. Envoys met in Kessel and agreed to a truce.';
    const [quiet, busy] = [{ start: 0, end: 21 }, { start: 22, end: text.length }];
    const mixed = [...TRIGGERS.slice(0, 3), { ...TRIGGERS[3], pattern: new RegExp(TRIGGERS[3].pattern.source, 'g') }, ...TRIGGERS.slice(4)];
    const words = (rules?: typeof TRIGGERS) => findTriggers(text, busy, rules).map((h) => text.slice(h.span.start, h.span.end));
    expect(words()).toEqual(['met', 'agreed', 'truce']);
    expect(words(mixed)).toEqual(words());
    expect(findTriggers(text, quiet)).toEqual([]);
  });
});
