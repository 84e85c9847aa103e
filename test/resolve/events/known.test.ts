import { describe, expect, it } from 'vitest';
import { eventsResolver } from '../../../src/resolve/events/resolver.js';
import type { Event } from '../../../src/resolve/events/build.js';
import { makeContext } from '../../../src/context.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { eventDoc } from './fixture.js';

/** Corpus entities for every occurrence of each name, with the pack id they link to. */
function entitiesFor(docs: NewsDoc[], names: Record<string, string>) {
  return Object.entries(names).map(([name, pack]) => ({
    id: `ent-${pack}`,
    data: {
      id: `ent-${pack}`,
      pack,
      mentions: docs.flatMap((d) => [...d.text.matchAll(new RegExp(name, 'g'))].map((m) => ({ doc: d.id, start: m.index!, end: m.index! + name.length }))),
    },
  }));
}

const pack = {
  name: 'test',
  entities: [
    { id: 'brask', within: 'lornland' },
    { id: 'kessel-forest', within: 'lornland' },
    { id: 'lornland', within: null },
  ],
  events: [
    { id: 'round-1', type: 'talks', title: 'First round', date: '2031-02-28', place: 'kessel-forest', parties: ['varnholm', 'ostrava'], ordinal: 1 },
    { id: 'round-2', type: 'talks', title: 'Second round', date: '2031-03-03', place: 'kessel-forest', parties: ['varnholm', 'ostrava'], ordinal: 2 },
    { id: 'strike-brask', type: 'military', title: 'Strike on the Brask station', date: '2031-04-08', place: 'brask', parties: ['varnholm', 'ostrava'] },
    { id: 'round-2b', type: 'talks', title: 'Second round, later process', date: '2034-06-02', place: 'dask', parties: ['varnholm', 'ostrava'], ordinal: 2 },
  ],
} as unknown as Parameters<typeof makeContext>[0] extends infer C ? (C extends { pack?: infer P } ? P : never) : never;

const run = (docs: NewsDoc[]) =>
  (eventsResolver.run(docs, { entities: entitiesFor(docs, { Varnholm: 'varnholm', Ostrava: 'ostrava', Lornland: 'lornland', 'Kessel Forest': 'kessel-forest', Brask: 'brask' }) }, makeContext({ pack })).items!.events ?? []).map(
    (e) => e.data as Event,
  );

describe('known events from the pack', () => {
  it('dates an undated report from the ordinal and a place containing the venue', () => {
    const [event] = run([eventDoc('a', 'The first round of talks between Varnholm and Ostrava was held in Lornland.')]);
    expect([event.known, event.date, event.dateFrom]).toEqual(['round-1', { start: '2031-02-28', end: '2031-02-28', precision: 'day' }, 'pack']);
  });

  it('leaves an ambiguous undated ordinal alone', () => {
    const [event] = run([eventDoc('b', 'The second round of talks between Varnholm and Ostrava was held.')]);
    expect([event.known, event.date.start]).toEqual([null, null]);
  });

  it('joins a dated report and an undated one that the pack ties to the same round', () => {
    const events = run([
      eventDoc('c', 'Varnholm and Ostrava held talks in Kessel Forest on Thursday.', [['Thursday', '2031-03-03']]),
      eventDoc('d', 'The second round of talks between Varnholm and Ostrava took place in Lornland.'),
    ]);
    expect(events.map((e) => [e.known, e.date.start, e.mentions.length])).toEqual([['round-2', '2031-03-03', 2]]);
  });

  it('does nothing without a pack', () => {
    const docs = [eventDoc('e', 'The first round of talks between Varnholm and Ostrava was held in Lornland.')];
    const [event] = (eventsResolver.run(docs, {}, makeContext()).items!.events ?? []).map((e) => e.data as Event);
    expect([event.known, event.date.start]).toEqual([null, null]);
  });
});

describe('known events: dates without a year', () => {
  it('dates a report that gives month and day but no year when the venue agrees', () => {
    const [event] = run([eventDoc('f', 'Varnholm and Ostrava held talks in Lornland on February 28.', [['February 28', 'XXXX-02-28']])]);
    expect([event.known, event.date.start, event.monthDay]).toEqual(['round-1', '2031-02-28', '02-28']);
  });
});

describe('known events: undated reports of recent events', () => {
  const report = (origin: string, published: string | null) => {
    const doc = eventDoc(origin, 'Talks stalled after an attack at the Brask station killed 40 people.');
    return { ...doc, published: { ...doc.published, date: published } };
  };

  it('takes an undated past event at the known venue, weeks before the report, for the known event', () => {
    const military = run([report('g', '2031-04-12')]).find((e) => e.type === 'military')!;
    expect([military.known, military.date.start, military.dateFrom]).toEqual(['strike-brask', '2031-04-08', 'pack']);
  });

  it('does not take it for a known event after the report, or long before it, or when the report is undated', () => {
    for (const published of ['2031-04-01', '2031-09-30', null]) {
      const military = run([report('h', published)]).find((e) => e.type === 'military')!;
      expect([published, military.known, military.date.start]).toEqual([published, null, null]);
    }
  });
});
