import { describe, expect, it } from 'vitest';
import { eventsResolver } from '../../../src/resolve/events/resolver.js';
import type { Event } from '../../../src/resolve/events/build.js';
import { makeContext } from '../../../src/context.js';
import { timexRange } from '../../../src/resolve/events/date-range.js';
import { TALKS_CORPUS } from './fixture.js';

const events = () => (eventsResolver.run(TALKS_CORPUS, {}, makeContext()).items!.events ?? []).map((e) => e.data as Event);

describe('event resolution', () => {
  it('merges reports of one round across sources, keeps other rounds apart, and lets undated mentions inherit', () => {
    const talks = events().filter((e) => e.type === 'talks');
    expect(
      talks.map((e) => ({ title: e.title, date: e.date, status: e.status, docs: e.mentions.map((m) => m.doc.length && m.text.slice(0, 24)) })),
    ).toEqual([
      {
        title: 'Talks, first round — Varnholm, Ostrava — in Kessel',
        date: { start: '2031-04-07', end: '2031-04-07', precision: 'day' },
        status: 'happened',
        docs: ['The first round of talks', 'Envoys said the first ro'],
      },
      {
        title: 'Talks, second round — Varnholm, Ostrava — in Kessel',
        date: { start: '2031-04-10', end: '2031-04-10', precision: 'day' },
        status: 'planned',
        docs: ['Delegations of Varnholm ', 'A new round of talks bet'],
      },
      {
        title: 'Talks, second round — Ostrava — in Istanbul', // a lone sentence-initial name is not trusted without the mentions layer
        date: { start: '2035-06-02', end: '2035-06-02', precision: 'day' },
        status: 'planned',
        docs: ['Varnholm and Ostrava wil'],
      },
      {
        title: 'Talks — Ostravan — in Kessel',
        date: { start: null, end: null, precision: 'unknown' },
        status: 'denied',
        docs: ['Information that the tal'],
      },
    ]);
  });

  it('turns TIMEX3 values into calendar ranges', () => {
    expect([timexRange('2031-04-10'), timexRange('2022-W09'), timexRange('2022-02'), timexRange('2014'), timexRange('P3D')]).toEqual([
      { start: '2031-04-10', end: '2031-04-10', precision: 'day' },
      { start: '2022-02-28', end: '2022-03-06', precision: 'week' },
      { start: '2022-02-01', end: '2022-02-28', precision: 'month' },
      { start: '2014-01-01', end: '2014-12-31', precision: 'year' },
      null,
    ]);
  });
});

describe('event merging guards', () => {
  it('never lets an undated mention chain two differently dated events together', async () => {
    const { eventDoc } = await import('./fixture.js');
    const docs = [
      eventDoc('x', 'The fourth round of talks between Varnholm and Ostrava was held on Monday.', [['Monday', '2031-04-07']]),
      eventDoc('y', 'The fourth round of talks between Varnholm and Ostrava collapsed.'),
      eventDoc('z', 'The fourth round of talks between Varnholm and Ostrava was held on Monday.', [['Monday', '2033-09-05']]),
    ];
    const out = (eventsResolver.run(docs, {}, makeContext()).items!.events ?? []).map((e) => e.data as Event);
    expect(out.map((e) => [e.date.start, e.mentions.length])).toEqual([
      ['2031-04-07', 2],
      ['2033-09-05', 1],
    ]);
  });
});
