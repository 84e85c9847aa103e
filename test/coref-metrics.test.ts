import { describe, expect, it } from 'vitest';
import { b3, ceafe, conll, maxAssignment, muc } from '../bench/coref-metrics.js';

// The worked example of Pradhan et al. 2014 (Figure 1): key {a b c} {d e f g}, response {a b} {c d} {f g h i}.
const KEY = [['a', 'b', 'c'], ['d', 'e', 'f', 'g']];
const RESPONSE = [['a', 'b'], ['c', 'd'], ['f', 'g', 'h', 'i']];
const round = (x: { p: number; r: number; f: number }) => ({ p: +x.p.toFixed(4), r: +x.r.toFixed(4), f: +x.f.toFixed(4) });

describe('coreference metrics', () => {
  it('MUC matches the published example', () => {
    expect(round(muc(KEY, RESPONSE))).toEqual({ p: 0.4, r: 0.4, f: 0.4 });
  });
  it('B³ matches the published example', () => {
    expect(round(b3(KEY, RESPONSE))).toEqual({ p: 0.5, r: 0.4167, f: 0.4545 }); // R = (4/3 + 1/3 + 1/4 + 4/4) / 7, P = (4/2 + 1/2 + 1/2 + 4/4) / 8
  });
  it('CEAF-e matches the published example', () => {
    expect(round(ceafe(KEY, RESPONSE))).toEqual({ p: 0.4333, r: 0.65, f: 0.52 });
  });
  it('scores identical partitions 1 and finds the best assignment', () => {
    expect(conll(KEY, KEY).conll).toBe(1);
    expect(maxAssignment([[1, 0.9], [0.9, 0]])).toBe(1.8);
  });
});
