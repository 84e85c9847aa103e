import { describe, expect, it } from 'vitest';
import { findEventMentions } from '../../../src/annotate/events/stage.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { makeDoc } from '../../helpers.js';

/** A document with sentences and, for each `[text, value]`, a time annotation on the first occurrence. */
function doc(text: string, times: [string, string][] = []): NewsDoc {
  const layers = {
    sentences: splitSentences(text),
    times: times.map(([t, value]) => {
      const start = text.indexOf(t);
      return { span: { start, end: start + t.length }, type: 'DATE', value, recipe: { kind: 'fixed', value }, source: 'test' };
    }),
  };
  return makeDoc(text, { layers: layers as NewsDoc['layers'] });
}

const summary = (d: NewsDoc) =>
  findEventMentions(d).map((e) => ({
    type: e.type,
    trigger: d.text.slice(e.trigger.start, e.trigger.end),
    status: e.status,
    ordinal: e.ordinal,
    time: e.time?.value ?? null,
    place: e.place?.text ?? null,
  }));

describe('eventMentions', () => {
  it.each([
    [
      'Delegations of Varnholm and Ostrava are meeting for a second round of talks in Kessel on Thursday.',
      [['Thursday', '2031-04-10']],
      [{ type: 'talks', trigger: 'round of talks', status: 'planned', ordinal: 2, time: '2031-04-10', place: 'Kessel' }],
    ],
    [
      'The first round of negotiations concluded on Monday with no breakthrough.',
      [['Monday', '2031-04-07']],
      [{ type: 'talks', trigger: 'round of negotiations', status: 'happened', ordinal: 1, time: '2031-04-07', place: null }],
    ],
    [
      'Information that the talks will be held in Lorn is not true, an aide said.',
      [],
      [{ type: 'talks', trigger: 'talks', status: 'denied', ordinal: null, time: null, place: 'Lorn' }],
    ],
    [
      'The army said 312 soldiers were killed and 40 injured near Dask.',
      [],
      [{ type: 'casualties', trigger: 'killed', status: 'happened', ordinal: null, time: null, place: 'Dask' }],
    ],
    [
      'Varnholm is expected to propose a ceasefire.',
      [],
      [
        { type: 'proposal', trigger: 'propose', status: 'planned', ordinal: null, time: null, place: null },
        { type: 'ceasefire', trigger: 'ceasefire', status: 'planned', ordinal: null, time: null, place: null },
      ],
    ],
    [
      'Minister Orsk called for new sanctions in a phone call with Ostrava.',
      [],
      [
        { type: 'demand', trigger: 'called for', status: 'unknown', ordinal: null, time: null, place: null },
        { type: 'sanctions', trigger: 'sanctions', status: 'unknown', ordinal: null, time: null, place: null },
        { type: 'meeting', trigger: 'phone call', status: 'unknown', ordinal: null, time: null, place: null },
      ],
    ],
    [
      'Ostrava denied on Wednesday that a third round of talks was planned for 10 March.',
      [['Wednesday', '2031-03-05'], ['10 March', '2031-03-10']],
      [{ type: 'talks', trigger: 'round of talks', status: 'denied', ordinal: 3, time: '2031-03-10', place: null }],
    ],
  ] as const)('%s', (text, times, expected) => {
    expect(summary(doc(text, times as unknown as [string, string][]))).toEqual(expected);
  });

  it('keeps one mention per type in a sentence and points at the sentence and trigger', () => {
    const d = doc('The talks and the negotiations went on.');
    const [m] = findEventMentions(d);
    expect(findEventMentions(d)).toHaveLength(1);
    expect(d.text.slice(m.span.start, m.span.end)).toBe('The talks and the negotiations went on.');
    expect(d.text.slice(m.trigger.start, m.trigger.end)).toBe('talks');
  });

  it('finds actors from the mentions layer when it exists', () => {
    const text = 'Varnholm and Ostrava signed a deal in Kessel.';
    const mention = (t: string, type: string) => ({ span: { start: text.indexOf(t), end: text.indexOf(t) + t.length }, type, key: t });
    const d = makeDoc(text, {
      layers: { sentences: splitSentences(text), mentions: [mention('Varnholm', 'place'), mention('Ostrava', 'place'), mention('Kessel', 'place')] } as NewsDoc['layers'],
    });
    const [m] = findEventMentions(d);
    expect(m.type).toBe('agreement');
    expect(m.place?.text).toBe('Kessel');
    expect(m.actors.map((a) => a.text)).toEqual(['Varnholm', 'Ostrava']);
  });

  it('does not take a place the sentence gives as a location for an actor', () => {
    const text = 'Varnholm accused Ostrava of shelling the station in Brask after the talks at the Dornach palace.';
    const mention = (t: string, type: string) => ({ span: { start: text.indexOf(t), end: text.indexOf(t) + t.length }, type, key: t });
    const d = makeDoc(text, {
      layers: {
        sentences: splitSentences(text),
        mentions: [mention('Varnholm', 'place'), mention('Ostrava', 'place'), mention('Brask', 'place'), mention('Dornach', 'place')],
      } as NewsDoc['layers'],
    });
    expect(findEventMentions(d).map((m) => [m.type, m.place?.text ?? null, m.actors.map((a) => a.text)])).toEqual([
      ['statement', 'Brask', ['Varnholm', 'Ostrava']],
      ['military', 'Brask', ['Varnholm', 'Ostrava']],
      ['talks', 'Dornach', ['Varnholm', 'Ostrava']],
    ]);
  });
});
