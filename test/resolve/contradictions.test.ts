import { describe, expect, it } from 'vitest';
import { eventsResolver } from '../../src/resolve/events/resolver.js';
import { contradictionsResolver, disagreements, type Contradiction, type Said } from '../../src/resolve/contradictions/resolver.js';
import { figureContradictions } from '../../src/resolve/contradictions/figures.js';
import { makeContext } from '../../src/context.js';
import type { NewsDoc } from '../../src/model/doc.js';
import { makeDoc } from '../helpers.js';
import { TALKS_CORPUS, eventDoc } from './events/fixture.js';

const run = (docs: NewsDoc[]) => {
  const ctx = makeContext();
  const events = eventsResolver.run(docs, {}, ctx).items!;
  return (contradictionsResolver.run(docs, events, ctx).items!.contradictions ?? []).map((c) => c.data as Contradiction);
};

describe('contradictions', () => {
  it('flags two sources that place one round in different venues, with both statements', () => {
    const found = run(TALKS_CORPUS).filter((c) => c.kind === 'venue');
    expect(found.map((c) => [c.summary, c.statements.map((s) => s.text.slice(0, 30))])).toEqual([
      [
        'Talks, second round — Varnholm, Ostrava — in Kessel: one source places it in Kessel, another in Lorn',
        ['Delegations of Varnholm and Os', 'A new round of talks between V'],
      ],
    ]);
  });

  it('flags a denial of a planned venue by another speaker in the same article', () => {
    const doc = eventDoc(
      'e',
      'The next round of talks between Varnholm and Ostrava is expected to take place in Kessel on Friday.\n' +
        'Information that the talks will be held in Kessel is not true, an Ostravan aide said.',
      [['Friday', '2031-04-11']],
    );
    const found = run([doc]);
    expect(found.map((c) => c.kind)).toEqual(['denial']);
    expect(found[0].statements.map((s) => s.start)).toEqual([0, doc.text.indexOf('Information')]);
  });

  it('flags dates that cannot both be right', () => {
    const docs = [
      eventDoc('f', 'The third round of talks between Varnholm and Ostrava was held on Monday.', [['Monday', '2031-04-14']]),
      eventDoc('g', 'The third round of talks between Varnholm and Ostrava was held on Tuesday.', [['Tuesday', '2031-04-15']]),
    ];
    // The ordinal ties the two reports into one event; their days cannot both be right.
    expect(run(docs).map((c) => c.summary)).toEqual([
      'Talks, third round — Varnholm, Ostrava: dated 2031-04-14 by one source and 2031-04-15 by another',
    ]);
  });

  it('flags different figures for the same thing from different claimants, and not rounding', () => {
    const claimDoc = (text: string, value: number, what: string, claimantText: string) =>
      makeDoc(text, { layers: { claims: [{ span: { start: 0, end: text.length }, value, what, claimantText, asOf: '2031-04-10' }] } as NewsDoc['layers'] });
    const docs = [
      claimDoc('Varnholm says 500 soldiers were killed.', 500, 'soldiers killed', 'Varnholm'),
      claimDoc('Ostrava says 120 soldiers were killed.', 120, 'soldier killed', 'Ostrava'),
      claimDoc('A monitor counted 505 soldiers killed.', 505, 'soldiers killed', 'a monitor'),
    ];
    expect(figureContradictions(docs).map((c) => c.summary)).toEqual(['soldiers killed: 500 (Varnholm) vs 120 (Ostrava)']);
  });
});

describe('contradiction ids', () => {
  it('stay distinct when two events disagree over the same sentences', () => {
    const docs = [
      eventDoc('m', 'Varnholm and Ostrava signed a deal on sanctions in Kessel on Monday.', [['Monday', '2031-05-05']]),
      eventDoc('n', 'Varnholm and Ostrava signed a deal on sanctions in Lorn on Monday.', [['Monday', '2031-05-05']]),
    ];
    const found = run(docs);
    expect(found.map((c) => [c.kind, c.summary.split(':')[0]])).toEqual([
      ['venue', 'Agreement — Ostrava — in Kessel'], // a lone sentence-initial name is not trusted without the mentions layer
      ['venue', 'Sanctions — Ostrava — in Kessel'],
    ]);
    expect(new Set(found.map((c) => c.id)).size).toBe(2);
  });
});

describe('disagreements', () => {
  const said = (doc: string, place: string | null, start = 0): Said => ({
    doc,
    type: 'talks',
    span: { start, end: start + 1 },
    text: '',
    place: place === null ? null : { span: { start, end: start + 1 }, text: place },
    time: null,
    status: 'happened',
  });
  /** The definition: the first pair, in mention order, from different documents naming different places. */
  const firstPair = (all: Said[]) => {
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++)
        if (all[i].place && all[j].place && all[i].doc !== all[j].doc && all[i].place!.text !== all[j].place!.text) return [all[i], all[j]];
    return null;
  };
  const venue = (all: Said[]) => disagreements(all).find((d) => d.kind === 'venue')?.pair ?? null;

  it('pairs the first place with the first other place from another document, skipping same-document pairs', () => {
    const all = [said('a', 'Kessel', 0), said('a', 'Lorn', 1), said('b', 'Kessel', 2), said('c', 'Lorn', 3)];
    expect(venue(all)).toEqual([all[0], all[3]]);
    // Kessel's second report, from another document, is the one that disagrees with Lorn.
    expect(venue(all.slice(0, 3))).toEqual([all[1], all[2]]);
  });

  it('finds the pair the all-pairs definition finds, on many mixed reports', () => {
    // A fixed linear congruential sequence: reproducible reports over few documents and places.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 300; round++) {
      const all = Array.from({ length: 1 + next(12) }, (_, i) => said('abcd'[next(4)], next(5) === 0 ? null : ['Kessel', 'Lorn', 'Tarsk'][next(3)], i));
      expect(venue(all)).toEqual(firstPair(all));
    }
  });
});
