/**
 * What an incremental run keeps of an event instead of all its mentions: the summary building reads
 * (joined, it is the summary of the joined mentions, so the event built is the same) and the
 * statements contradiction finding can pick (kept, they give the same disagreements).
 */
import { describe, expect, it } from 'vitest';
import { buildEvent, eventFrom, mentionsOf } from '../../../src/resolve/events/build.js';
import { eventNodes, foldName } from '../../../src/resolve/events/nodes.js';
import { joinSummaries, summaryOf } from '../../../src/resolve/events/summary.js';
import { disagreements, keptSaid, type Said } from '../../../src/resolve/contradictions/resolver.js';
import { TALKS_CORPUS } from './fixture.js';

const noEntities = { at: () => null };
const talks = eventNodes(TALKS_CORPUS, noEntities).filter((n) => n.type === 'talks');

describe('event summaries', () => {
  it('joined, give the summary and the event of the joined mentions', () => {
    const [a, b] = [talks.slice(0, 2), talks.slice(2)];
    const joined = joinSummaries(summaryOf(a), summaryOf(b));
    expect(joined).toEqual(summaryOf(talks));
    expect(eventFrom(joined, [...mentionsOf(a), ...mentionsOf(b)])).toEqual(buildEvent(talks));
    // Joining copies: the first summary is left as it was.
    const before = structuredClone(summaryOf(a));
    joinSummaries(before, summaryOf(b));
    expect(before).toEqual(summaryOf(a));
  });

  it('tally what building reads: ranges with counts, votes, places and actors in first-seen order', () => {
    const sum = summaryOf(talks);
    expect(sum.type).toBe('talks');
    expect(sum.first).toEqual([talks[0].doc, talks[0].index]);
    expect(sum.count).toBe(talks.length);
    expect(sum.ranges).toEqual([
      ['2031-04-10', '2031-04-10', 'day', 2],
      ['2031-04-07', '2031-04-07', 'day', 1],
      ['2035-06-02', '2035-06-02', 'day', 1],
    ]);
    expect(sum.places.map(([k, n, text]) => [k, n, text])).toEqual([
      ['~kessel', 3, 'Kessel'],
      ['~lorn', 1, 'Lorn'],
      ['~istanbul', 1, 'Istanbul'],
    ]);
    expect(sum.actors).toEqual([
      ['~varnholm', 'Varnholm'],
      ['~ostrava', 'Ostrava'],
      ['~ostravan', 'Ostravan'],
    ]);
    // Votes (happened, planned, denied) of the dated mentions, and of all.
    expect([sum.dated, sum.all]).toEqual([
      [1, 3, 0],
      [2, 3, 1],
    ]);
    expect(sum.ordinals).toEqual([
      [2, 2],
      [1, 2],
    ]);
  });

  it('give an id made from the type and first mention: the same however many mentions follow', () => {
    expect(buildEvent(talks.slice(0, 1)).id).toBe(buildEvent(talks).id);
    expect(buildEvent(talks.slice(1)).id).not.toBe(buildEvent(talks).id);
  });
});

/** A statement of one event. */
const said = (doc: string, start: number, over: Partial<Said> = {}): Said => ({
  doc,
  type: 'talks',
  span: { start, end: start + 10 },
  text: `${doc}@${start}`,
  place: null,
  time: null,
  status: 'happened',
  ...over,
});
const at = (text: string) => ({ span: { start: 0, end: text.length }, text });

describe('keptSaid', () => {
  // A thousand reports agreeing on Kessel and one day, then one placing it elsewhere, one dating it
  // otherwise, and a denial from a document that also reported it.
  const many = Array.from({ length: 1000 }, (_, i) => said(`d${i}`, i % 3, { place: at(i % 2 ? 'Kessel' : 'kessel'), time: '2031-04-10' }));
  const all = [
    ...many,
    said('x', 5, { place: at('Lorn'), time: '2031-04-10' }),
    said('y', 6, { time: '2031-04-12' }),
    said('d7', 0, { status: 'denied', place: at('Kessel') }),
  ];

  it('keeps a handful of a thousand agreeing statements, and the same disagreements', () => {
    const kept = keptSaid(all);
    expect(kept.length).toBeLessThan(10);
    expect(disagreements(kept)).toEqual(disagreements(all));
    expect(disagreements(all).map((d) => [d.kind, d.pair.map((s) => s.text)])).toEqual([
      ['venue', ['d0@0', 'x@5']],
      ['date', ['d0@0', 'y@6']],
      // The denial's sentence starts at 0: the first report at Kessel from another start is taken.
      ['denial', ['d1@1', 'd7@0']],
    ]);
  });

  it('kept in steps, keeps what it keeps at once (an incremental run grows it with new statements only)', () => {
    for (const cut of [1, 2, 500, 1001, 1002]) expect(keptSaid([...keptSaid(all.slice(0, cut)), ...all.slice(cut)])).toEqual(keptSaid(all));
  });

  it('keeps nothing of statements that can never disagree (no place, no day, no status)', () => {
    expect(keptSaid([said('a', 0, { status: 'unknown' }), said('b', 1, { status: 'unknown', time: '2031-04' })])).toEqual([]);
    expect(foldName('Kessel')).toBe(foldName('kessel'));
  });
});
