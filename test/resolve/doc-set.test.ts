import { describe, expect, it } from 'vitest';
import { sameJson } from '../../src/resolve/doc-set.js';
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
