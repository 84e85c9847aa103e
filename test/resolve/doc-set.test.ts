import { describe, expect, it } from 'vitest';
import { DocSet, sameJson } from '../../src/resolve/doc-set.js';
import { makeDoc } from '../helpers.js';

/** `sameJson` must agree with comparing the two serialisations, on every kind of difference. */
const agrees = (a: unknown, b: unknown) => expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));

describe('sameJson', () => {
  it('says a document and its untouched copy are the same, whether or not they share objects', () => {
    const doc = makeDoc('Ministers of Veldoria met in Ostrava on Monday.');
    expect(sameJson(doc, { ...doc })).toBe(true);
    expect(sameJson(doc, JSON.parse(JSON.stringify(doc)))).toBe(true);
  });

  it('sees a changed flag, a new layer, a changed date deep inside', () => {
    const doc = makeDoc('Ministers of Veldoria met in Ostrava on Monday.');
    expect(sameJson(doc, { ...doc, flags: [...doc.flags, 'rewrite'] })).toBe(false);
    expect(sameJson(doc, { ...doc, layers: { ...doc.layers, extra: [1] } })).toBe(false);
    expect(sameJson(doc, { ...doc, published: { ...doc.published, date: '2031-01-02' } })).toBe(false);
  });

  it('follows JSON: undefined keys are left out, undefined array slots are null, key order counts', () => {
    for (const [a, b] of [
      [{ x: 1, y: undefined }, { x: 1 }],
      [[undefined, 1], [null, 1]],
      [{ x: 1, y: 2 }, { y: 2, x: 1 }],
      [{ x: () => 1 }, {}],
      [NaN, null],
      [[1, 2], { 0: 1, 1: 2 }],
      [{ d: new Date(0) }, { d: '1970-01-01T00:00:00.000Z' }],
      ['1', 1],
      [{ a: [1, { b: 'c' }] }, { a: [1, { b: 'd' }] }],
      [[], {}],
      [{ a: null }, { a: undefined }],
    ] as [unknown, unknown][]) agrees(a, b);
  });
});

describe('DocSet', () => {
  const stored = ['Veldoria and Kessland met in Ostrava.', 'Talks in Ostrava resumed on Monday.', 'Ministers of Tarsk left Polgrad.'].map((t) => makeDoc(t));
  const open = () => {
    const fetched: string[][] = [];
    const set = new DocSet(async (ids) => {
      fetched.push(ids);
      return new Map(stored.filter((d) => ids.includes(d.id)).map((d) => [d.id, d]));
    });
    return { set, fetched };
  };

  it('release drops what was loaded but keeps the pinned and the changed documents, and loads a dropped one again', async () => {
    const { set, fetched } = open();
    const [a, b, c] = stored;
    await set.load([a.id]);
    set.pin([a.id]);
    await set.load([b.id, c.id, 'f00d']);
    const rewrite = { kind: 'rewrite', score: 1, evidence: [] };
    set.set({ ...b, flags: [rewrite] });
    set.release();
    expect(set.get(a.id)).toBe(a);
    expect(set.get(b.id)!.flags).toEqual([rewrite]);
    expect(set.stored(b.id)).toBe(b);
    expect(() => set.get(c.id)).toThrow(/without loading it first/);
    expect(() => set.get('f00d')).toThrow(/without loading it first/);
    await set.load([a.id, b.id, c.id]);
    expect(fetched).toEqual([[a.id], [b.id, c.id, 'f00d'], [c.id]]);
    expect(set.get(c.id)).toBe(c);
    expect(set.changed().map((d) => d.id)).toEqual([b.id]);
  });
});
