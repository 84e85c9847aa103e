/** Span scoring for typed entities: strict (same offsets and type) and partial (overlap, same type). */
import type { GoldSpan, GoldType } from './entities-gum.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export type Scores = Record<GoldType | 'all', { strict: Counts; partial: Counts }>;

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function emptyScores(): Scores {
  const one = () => ({ strict: zero(), partial: zero() });
  return { person: one(), organization: one(), place: one(), all: one() };
}

/** Adds one document's comparison of predicted to gold spans. */
export function score(scores: Scores, gold: GoldSpan[], predicted: GoldSpan[]): void {
  const key = (s: GoldSpan) => `${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(gold.map(key));
  for (const type of ['person', 'organization', 'place'] as const) {
    const g = gold.filter((s) => s.type === type);
    const p = predicted.filter((s) => s.type === type);
    const strictTp = p.filter((s) => goldKeys.has(key(s))).length;
    const used = new Set<GoldSpan>();
    let partialTp = 0;
    for (const s of p) {
      const hit = g.find((x) => !used.has(x) && x.start < s.end && s.start < x.end);
      if (hit) {
        used.add(hit);
        partialTp++;
      }
    }
    for (const [bucket, tp] of [['strict', strictTp], ['partial', partialTp]] as const) {
      for (const t of [type, 'all'] as const) {
        scores[t][bucket].tp += tp;
        scores[t][bucket].fp += p.length - tp;
        scores[t][bucket].fn += g.length - tp;
      }
    }
  }
}

/** Precision, recall and F1 of counts. */
export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
