/**
 * A statistical name tagger: a linear model over the features of `tagger-features.ts`, decoded with
 * Viterbi over BIO labels for person / organization / place. Its weights were learnt by an averaged
 * structured perceptron (`scripts/train-tagger.ts`) on the open GUM corpus (CC BY 4.0; see
 * `model/NOTICE.md`) and ship in `model/tagger.json`; nothing is downloaded. Written here rather than
 * taken from npm: the NER packages there either ship their own fixed models (wink's and compromise's
 * lexicon-based taggers, which miss unfamiliar surnames) or are training toolkits without Viterbi
 * decoding over sparse string features at this speed; a perceptron tagger is ~100 lines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TEMPLATES, type FeatureColumns } from './tagger-features.js';
import { emissionScores, indexWeights, type WeightIndex } from './tagger-weights.js';

/** The labels, in the order of each weight vector: O, then B-/I- for each type. */
export const LABELS = ['O', 'B-person', 'I-person', 'B-organization', 'I-organization', 'B-place', 'I-place'] as const;
export type TagType = 'person' | 'organization' | 'place';
const L = LABELS.length;

/** Where the model lives, the same path from `src/` and from the compiled `dist/`. */
export const MODEL_FILE = resolve(import.meta.dirname, '..', '..', '..', 'src', 'annotate', 'mentions', 'model', 'tagger.json');

/** The stored model: weights per feature (one number per label) and label-to-label transitions. */
export interface TaggerModel {
  labels: string[];
  /** `transitions[from][to]`; row `L` is the start of a segment. */
  transitions: number[][];
  weights: Record<string, number[]>;
  meta: Record<string, unknown>;
}

/** A model ready for tagging: per feature template (`TEMPLATES`), value → one weight per label. */
export interface Tagger {
  weights: Map<string, ArrayLike<number>>[];
  /** The same weights by integer feature value (`tagger-weights.ts`). */
  index: WeightIndex;
  transitions: number[][];
}

/** Builds a tagger from a stored model; throws when its labels are not `LABELS`. */
export function makeTagger(model: TaggerModel): Tagger {
  if (model.labels.join() !== LABELS.join()) throw new Error(`tagger model labels ${model.labels.join()} ≠ ${LABELS.join()}`);
  const weights = TEMPLATES.map(() => new Map<string, ArrayLike<number>>());
  const index = new Map(TEMPLATES.map((t, k) => [t, k]));
  for (const [f, w] of Object.entries(model.weights)) {
    const k = index.get(f.slice(0, f.indexOf('=')));
    if (k === undefined) throw new Error(`tagger model feature ${f} has no template in TEMPLATES: retrain it (npm run train:tagger)`);
    weights[k].set(f.slice(f.indexOf('=') + 1), Float64Array.from(w));
  }
  return { weights, index: indexWeights(weights, L), transitions: model.transitions };
}

let shipped: Tagger | null | undefined;

/** The tagger in use (lazy singleton): the shipped one, or null when the model file is absent (the rules then work alone). */
export function shippedTagger(): Tagger | null {
  if (shipped === undefined) shipped = existsSync(MODEL_FILE) ? makeTagger(JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as TaggerModel) : null;
  return shipped;
}

/** Replaces the tagger in use (null: the rules alone), for benchmarks comparing models in one run; returns the previous one. */
export function useTagger(tagger: Tagger | null): Tagger | null {
  const previous = shippedTagger();
  shipped = tagger;
  return previous;
}

/** Whether label `to` may follow label `from` (an I- label only continues its own type); `from = L` is a sentence start. */
export function allowed(from: number, to: number): boolean {
  return ALLOWED[from * L + to] === 1;
}

const ALLOWED = Uint8Array.from({ length: (L + 1) * L }, (_, k) => {
  const [from, to] = [Math.floor(k / L), k % L];
  if (LABELS[to][0] !== 'I') return 1;
  return from < L && from !== 0 && LABELS[from].slice(2) === LABELS[to].slice(2) ? 1 : 0;
});

/** Emission scores: `scores[i * L + y]` for token `i` and label `y`, from per-token feature values (`tokenValues`). */
export function emissions(weights: Map<string, ArrayLike<number>>[], values: (string | null)[][]): Float64Array {
  const scores = new Float64Array(values.length * L);
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    for (let k = 0; k < row.length; k++) {
      const v = row[k];
      const w = v === null ? undefined : weights[k].get(v);
      if (w) for (let y = 0; y < L; y++) scores[i * L + y] += w[y];
    }
  }
  return scores;
}

/** The best label sequence (indices into `LABELS`) under the emission and transition scores. */
export function viterbi(scores: Float64Array, n: number, transitions: number[][]): number[] {
  if (n === 0) return [];
  const best = new Float64Array(n * L);
  const back = new Int8Array(n * L);
  for (let y = 0; y < L; y++) best[y] = ALLOWED[L * L + y] ? scores[y] + transitions[L][y] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    for (let y = 0; y < L; y++) {
      let top = -Infinity;
      let arg = 0;
      for (let x = 0; x < L; x++) {
        if (!ALLOWED[x * L + y]) continue;
        const s = best[prev + x] + transitions[x][y];
        if (s > top) {
          top = s;
          arg = x;
        }
      }
      best[i * L + y] = top + scores[i * L + y];
      back[i * L + y] = arg;
    }
  }
  let y = 0;
  for (let k = 1; k < L; k++) if (best[(n - 1) * L + k] > best[(n - 1) * L + y]) y = k;
  const path = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = y;
    y = back[i * L + y];
  }
  return path;
}

/** Typed token spans `[first, last]` read off a label sequence. */
export function spansOf(path: number[]): { first: number; last: number; type: TagType }[] {
  const out: { first: number; last: number; type: TagType }[] = [];
  for (let i = 0; i < path.length; i++) {
    const label = LABELS[path[i]];
    if (label[0] === 'B') out.push({ first: i, last: i, type: label.slice(2) as TagType });
    else if (label[0] === 'I' && out.length && out[out.length - 1].last === i - 1) out[out.length - 1].last = i;
  }
  return out;
}

/** Tags the segments `segs` (half-open token ranges, see `segments`) of one document's tokens, given their feature values. */
export function tag(tagger: Tagger, values: (string | null)[][], segs: [number, number][]): { first: number; last: number; type: TagType }[] {
  return decode(tagger, emissions(tagger.weights, values), segs);
}

/** `tag` from the feature columns (`featureColumns`): the same spans, without building feature strings. */
export function tagColumns(tagger: Tagger, f: FeatureColumns, segs: [number, number][]): { first: number; last: number; type: TagType; margin: number }[] {
  return decode(tagger, emissionScores(tagger.index, tagger.weights, f, L), segs);
}

function decode(tagger: Tagger, scores: Float64Array, segs: [number, number][]): { first: number; last: number; type: TagType; margin: number }[] {
  const out: { first: number; last: number; type: TagType; margin: number }[] = [];
  for (const [a, b] of segs) {
    const seg = scores.subarray(a * L, b * L);
    const path = viterbi(seg, b - a, tagger.transitions);
    for (const s of spansOf(path)) out.push({ first: s.first + a, last: s.last + a, type: s.type, margin: margin(seg, path, s, tagger.transitions) });
  }
  return out;
}

/** How much better the best path scores than the same path with span `s` labelled O: the tagger's confidence in the span. */
export function margin(scores: Float64Array, path: number[], s: { first: number; last: number }, transitions: number[][]): number {
  const before = s.first > 0 ? path[s.first - 1] : L;
  const after = s.last + 1 < path.length ? path[s.last + 1] : -1;
  let m = transitions[before][path[s.first]] - transitions[before][0];
  for (let i = s.first; i <= s.last; i++) {
    m += scores[i * L + path[i]] - scores[i * L];
    if (i > s.first) m += transitions[path[i - 1]][path[i]] - transitions[0][0];
  }
  if (after >= 0) m += transitions[path[s.last]][after] - transitions[0][after];
  return m;
}
