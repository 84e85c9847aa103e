import { describe, expect, it } from 'vitest';
import { matchesEvent } from '../../../src/resolve/events/filter.js';

const event = (id: string, start: string | null, end: string | null, extra: Partial<{ type: string; status: 'happened' | 'planned'; actors: string[]; place: string | null; docs: string[] }> = {}) => ({
  id,
  type: extra.type ?? 'talks',
  status: extra.status ?? 'happened',
  date: { start, end, precision: start ? ('day' as const) : ('unknown' as const) },
  actors: extra.actors ?? [],
  place: extra.place ?? null,
  mentions: (extra.docs ?? ['d1']).map((doc) => ({ doc, start: 0, end: 5, text: 'talks' })),
});

const events = [
  event('a', '2031-03-01', '2031-03-01', { actors: ['e-varnholm'], docs: ['d1'] }),
  event('b', '2031-03-02', '2031-03-08', { type: 'military', place: 'e-kessel', docs: ['d2'] }),
  event('c', null, null, { status: 'planned', docs: ['d1', 'd3'] }),
  event('d', '2031-03-06', null, { type: 'statement' }),
];
const ids = (f: Parameters<typeof matchesEvent>[1]) => events.filter((e) => matchesEvent(e, f)).map((e) => e.id);

describe('matchesEvent', () => {
  it('lets every event through an empty filter', () => expect(ids({})).toEqual(['a', 'b', 'c', 'd']));
  it('keeps events overlapping the date range and never undated ones', () => {
    expect(ids({ from: '2031-03-05' })).toEqual(['b', 'd']);
    expect(ids({ to: '2031-03-01' })).toEqual(['a']);
    expect(ids({ from: '2031-03-07' })).toEqual(['b']);
    expect(ids({ from: '2031-03-09' })).toEqual([]);
  });
  it('narrows by story documents, types, statuses and actor or place', () => {
    expect(ids({ docs: new Set(['d1']) })).toEqual(['a', 'c', 'd']);
    expect(ids({ types: ['military', 'aid'] })).toEqual(['b']);
    expect(ids({ statuses: ['planned'] })).toEqual(['c']);
    expect(ids({ actor: 'e-varnholm' })).toEqual(['a']);
    expect(ids({ actor: 'e-kessel' })).toEqual(['b']);
  });
});
