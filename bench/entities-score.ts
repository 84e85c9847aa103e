/** Span scoring for typed entities: strict (same offsets and type) and partial (overlap, same type). */
import type { GoldSpan, GoldType } from './entities-gum.js';
import type { Mention } from '../src/annotate/mentions/layer.js';

/** The source of a capitalised bare title ("the Secretary", "Madam Speaker"), `capital-titles.ts`. */
const CAPITAL_TITLE = 'title/capital';

/**
 * Parley's typed names as scored spans: explicit mentions of a known type (outlets count as
 * organisations, as GUM types them), capitalised bare titles standing for their holder (implied
 * person mentions: GUM annotates "the President", "Madam Speaker" as person names) and the names nested inside them (`Mention.inner`), since GUM
 * annotates nested names too ("Texas" in "University of Texas"); `nested: false` leaves those out (entity
 * resolution does not use them yet, so the flat figure is what the entities users see are built from).
 */
export function typedSpans(mentions: readonly Mention[], nested = true): GoldSpan[] {
  const out: GoldSpan[] = [];
  const as = (t: Mention['type']) => (t === 'outlet' ? 'organization' : t) as GoldType;
  for (const m of mentions) {
    if (m.type === 'other' || (m.evidence !== 'explicit' && m.source !== CAPITAL_TITLE)) continue;
    out.push({ start: m.span.start, end: m.span.end, type: as(m.type) });
    if (nested) for (const i of m.inner ?? []) if (i.type !== 'other') out.push({ start: i.span.start, end: i.span.end, type: as(i.type) });
  }
  return out;
}

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

/** A scored mention for alias merging: its gold entity, predicted entity, document and name. */
export interface PairItem {
  gold: string;
  pred: string;
  doc: string;
  name: string;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Pairwise precision/recall of predicted clusters against gold ones, counted from contingency
 * tables (never all pairs); `crossOnly` keeps only pairs of mentions from two different documents.
 */
export function pairwise(items: readonly PairItem[], crossOnly: boolean): { p: number; r: number; tp: number } {
  const count = (key: (i: PairItem) => string) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return [...m.values()].reduce((s, n) => s + pairs(n), 0);
  };
  const minus = (f: (i: PairItem) => string) => (crossOnly ? count((i) => `${f(i)}|${i.doc}`) : 0);
  const both = (i: PairItem) => `${i.gold}|${i.pred}`;
  const tp = count(both) - minus(both);
  const predPairs = count((i) => i.pred) - minus((i) => i.pred);
  const goldPairs = count((i) => i.gold) - minus((i) => i.gold);
  return { p: predPairs ? tp / predPairs : 1, r: goldPairs ? tp / goldPairs : 1, tp };
}

interface Side {
  gold: string;
  names: string;
}

/**
 * The errors behind the pairwise figures, largest first: false merges (one predicted entity holding
 * mentions of two gold entities) and missed merges (one gold entity split over two predicted ones).
 */
export function pairErrors(items: readonly PairItem[]): {
  wrong: { pairs: number; pred: string; a: Side; b: Side }[];
  missed: { pairs: number; gold: string; a: Side; b: Side }[];
} {
  const group = (outer: (i: PairItem) => string, inner: (i: PairItem) => string) => {
    const m = new Map<string, Map<string, PairItem[]>>();
    for (const i of items) {
      const o = m.get(outer(i)) ?? m.set(outer(i), new Map()).get(outer(i))!;
      o.set(inner(i), [...(o.get(inner(i)) ?? []), i]);
    }
    return m;
  };
  const names = (list: PairItem[]) => {
    const c = new Map<string, number>();
    for (const i of list) c.set(i.name, (c.get(i.name) ?? 0) + 1);
    return [...c].map(([n, k]) => `${n}×${k}`).join(', ');
  };
  const wrong: { pairs: number; pred: string; a: Side; b: Side }[] = [];
  for (const [pred, byGold] of group((i) => i.pred, (i) => i.gold)) {
    const list = [...byGold];
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++)
        wrong.push({ pairs: list[x][1].length * list[y][1].length, pred, a: { gold: list[x][0], names: names(list[x][1]) }, b: { gold: list[y][0], names: names(list[y][1]) } });
  }
  const missed: { pairs: number; gold: string; a: Side; b: Side }[] = [];
  for (const [gold, byPred] of group((i) => i.gold, (i) => i.pred)) {
    const list = [...byPred];
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++)
        missed.push({ pairs: list[x][1].length * list[y][1].length, gold, a: { gold: list[x][0], names: names(list[x][1]) }, b: { gold: list[y][0], names: names(list[y][1]) } });
  }
  return { wrong: wrong.sort((a, b) => b.pairs - a.pairs), missed: missed.sort((a, b) => b.pairs - a.pairs) };
}

/** Errors of one system by class, to see where strict F1 is lost. */
export interface ErrorClasses {
  /** Same span, other type (`country` of them: a country name GUM types organisation, acting as an agent). */
  type: number;
  country: number;
  /** Overlapping a gold name without the same span. */
  boundary: number;
  /** Gold names nothing overlaps. */
  missed: number;
  /** Predicted names overlapping no gold name. */
  spurious: number;
}

export const emptyErrors = (): ErrorClasses => ({ type: 0, country: 0, boundary: 0, missed: 0, spurious: 0 });

/** Adds one document's errors by class; `isCountry` tells whether a span's text is a country name. */
export function classify(errors: ErrorClasses, gold: GoldSpan[], predicted: GoldSpan[], isCountry: (s: GoldSpan) => boolean): void {
  const used = new Set<GoldSpan>();
  for (const g of gold) {
    const same = predicted.find((p) => p.start === g.start && p.end === g.end);
    if (same) {
      used.add(same);
      if (same.type !== g.type) {
        errors.type++;
        if (g.type === 'organization' && same.type === 'place' && isCountry(g)) errors.country++;
      }
      continue;
    }
    const near = predicted.find((p) => !used.has(p) && p.start < g.end && g.start < p.end);
    if (near) {
      used.add(near);
      errors.boundary++;
    } else errors.missed++;
  }
  errors.spurious += predicted.filter((p) => !used.has(p) && !gold.some((g) => g.start < p.end && p.start < g.end)).length;
}
