/**
 * `npm run train:tagger`: trains the mentions tagger (`src/annotate/mentions/tagger.ts`) on GUM
 * (`../shared/data/gum`, CC BY 4.0 annotations) and writes `src/annotate/mentions/model/tagger.json`.
 * An averaged structured perceptron (Collins 2002) over the segments the tagger reads: train on GUM's train split, pick the
 * number of epochs on the dev split, never read the test split. Deterministic (fixed shuffling seed).
 * Options: `--genres a,b` (default `TRAIN_GENRES`); `--out FILE`; `--epochs N` (maximum);
 * `--dropout P`, `--min-count N`, `--seeds N`, `--news-weight N` (see their constants); `--cv-news K` (with `--cv-cache DIR`)
 * cross-validates on the news documents of the train split and prints the errors by class
 * (`--examples N` of each, with the rules' reading). Takes about half a minute on one core.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGum, readSplits, type GoldSpan, type GumDoc } from '../bench/entities-gum.js';
import { emptyScores, prf, score, typedSpans } from '../bench/entities-score.js';
import { errorsOf, printErrors, type Example } from '../bench/entities-errors.js';
import { rawMentions } from '../bench/entities-dev.js';
import { DATA } from '../bench/shared.js';
import { findMentions, ruleMentions } from '../src/annotate/mentions/stage.js';
import { LABELS, MODEL_FILE, makeTagger, spansOf, useTagger, viterbi, type TaggerModel } from '../src/annotate/mentions/tagger.js';
import { segments } from '../src/annotate/mentions/stretches.js';
import { tokenFeatures } from '../src/annotate/mentions/tagger-features.js';
import type { Token } from '../src/annotate/mentions/tokens.js';
import { splitSentences } from '../src/annotate/sentences/stage.js';
import { makeContext } from '../src/context.js';

const L = LABELS.length;
/** Weights whose largest absolute value (over labels) is below this are dropped: 0.5 halves the file with no change in dev F1. */
export const PRUNE_BELOW = 0.5;

interface Instance { start: number; feats: Int32Array[]; plain: Int32Array[]; gold: number[] }
interface Prepared { doc: GumDoc; tokens: readonly Token[]; sentences: Instance[]; features: string[][]; segs: [number, number][] }

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const ctx = makeContext({ pack: { name: 'none' } });
const featureIds = new Map<string, number>();
/**
 * Genres trained on by default: those whose texts GUM's LICENSE.txt lists as CC BY (academic, court,
 * Wikinews news and interviews) or CC BY-SA (Wikipedia bios, WikiVoyage). Left out: the NC-SA genres
 * (fiction, essays, letters, podcasts, wikiHow), Reddit, and genres LICENSE.txt does not list. The
 * weights hold words of these texts, so the model file carries their attribution (model/NOTICE.md).
 * On dev this set scores as well on news as all genres together (0.80 vs 0.79 strict F1).
 */
export const TRAIN_GENRES = ['academic', 'bio', 'court', 'interview', 'news', 'voyage'];
/** Perceptron runs (different shuffles) whose weights are averaged into the model: 3 gave +0.3 pts strict F1 in --cv-news 5 over 1. */
export const SEEDS = Number(opt('seeds') ?? 3);
/**
 * Word dropout: inside a gold name, the features of the word itself are hidden with this probability,
 * so the model learns to find names from shape, context and the rules rather than by remembering the
 * names of the training set (the product meets unfamiliar surnames every day). Tuned on dev.
 */
export const WORD_DROPOUT = Number(opt('dropout') ?? 0.25);
const LEXICAL = /^(?:w|W|p3|s3|s2|s4|w-1w|ww\+1|Sw|sw\+1|w-1s|c|d)=/;
const counts = new Map<string, number>();
let missedNameTokens = 0;
/**
 * How many times each news document is seen per epoch (`--news-weight`): the product reads news. 2 gave
 * +0.7 pts strict F1 in `--cv-news 4` and +0.5 on dev (all genres) over 1; 3 was no better.
 */
export const NEWS_WEIGHT = Number(opt('news-weight') ?? 2);
/** Features seen fewer times than this in training are ignored (rare words overfit): tuned on dev. */
export const MIN_COUNT = Number(opt('min-count') ?? 1);

/** Gold labels per token; nested gold names are flattened to the outermost. */
function goldLabels(tokens: readonly Token[], gold: GoldSpan[]): number[] {
  const labels = new Array<number>(tokens.length).fill(0);
  const flat = [...gold].sort((a, b) => b.end - b.start - (a.end - a.start));
  const taken: GoldSpan[] = [];
  for (const g of flat) {
    if (taken.some((t) => t.start < g.end && g.start < t.end)) continue;
    taken.push(g);
    let first = true;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].start < g.start || tokens[i].start >= g.end) continue;
      labels[i] = LABELS.indexOf(`${first ? 'B' : 'I'}-${g.type}` as (typeof LABELS)[number]);
      first = false;
    }
  }
  return labels;
}

function prepare(doc: GumDoc): Prepared {
  const news = { id: doc.id, text: doc.text, removed: [], layers: { sentences: splitSentences(doc.text) } } as never;
  const { tokens, sentenceStart, mentions } = ruleMentions(news, ctx);
  const segs = segments(tokens, sentenceStart, mentions);
  const features = tokenFeatures(tokens, sentenceStart, mentions, segs);
  return { doc, tokens, sentences: [], features, segs };
}

/** Numbers the features of prepared documents (new ones only when `grow`) and cuts them into sentences. */
function index(docs: Prepared[], grow: boolean): void {
  if (grow) for (const d of docs) for (const fs of d.features) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  for (const d of docs) {
    const ids = d.features.map((fs) => Int32Array.from(fs.map((f) => {
      let id = featureIds.get(f);
      if (id === undefined && grow && (counts.get(f) ?? 0) >= MIN_COUNT) featureIds.set(f, (id = featureIds.size));
      return id ?? -1;
    }).filter((x) => x >= 0)));
    const plain = d.features.map((fs) => Int32Array.from(fs.filter((f) => !LEXICAL.test(f)).map((f) => featureIds.get(f) ?? -1).filter((x) => x >= 0)));
    const gold = goldLabels(d.tokens, d.doc.gold);
    const inside = new Set(d.segs.flatMap(([a, b]) => Array.from({ length: b - a }, (_, k) => a + k)));
    missedNameTokens += gold.filter((g, i) => g !== 0 && !inside.has(i)).length;
    d.sentences = d.segs.map(([a, b]) => ({ start: a, feats: ids.slice(a, b), plain: plain.slice(a, b), gold: gold.slice(a, b) }));
  }
}

/** Emission scores of one sentence under weights `w`. */
function scoresOf(w: Float64Array, feats: Int32Array[]): Float64Array {
  const s = new Float64Array(feats.length * L);
  for (let i = 0; i < feats.length; i++) for (const f of feats[i]) for (let y = 0; y < L; y++) s[i * L + y] += w[f * L + y];
  return s;
}

/** Strict F1 of the tagger alone (weights `w`, transitions `t`) on prepared documents. */
function evaluate(docs: Prepared[], w: Float64Array, t: number[][]): number {
  const scores = emptyScores();
  for (const d of docs) {
    const predicted: GoldSpan[] = [];
    for (const s of d.sentences) {
      for (const span of spansOf(viterbi(scoresOf(w, s.feats), s.feats.length, t))) {
        predicted.push({ start: d.tokens[span.first + s.start].start, end: d.tokens[span.last + s.start].end, type: span.type });
      }
    }
    score(scores, d.doc.gold, predicted);
  }
  return prf(scores.all.strict).f;
}

/** A small deterministic PRNG (mulberry32) for shuffling. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** One averaged perceptron run over `instances` (shuffled by `seed`); the epoch with the best dev F1. */
function perceptron(instances: Instance[], dev: Prepared[], nf: number, seed: number): { f: number; epoch: number; w: Float64Array; t: number[][] } {
  const w = new Float64Array(nf * L), u = new Float64Array(nf * L);
  const t = Array.from({ length: L + 1 }, () => new Array<number>(L).fill(0));
  const tu = Array.from({ length: L + 1 }, () => new Array<number>(L).fill(0));
  const averaged = (c: number) => ({ w: w.map((x, i) => x - u[i] / c), t: t.map((row, i) => row.map((x, j) => x - tu[i][j] / c)) });
  const random = rng(seed);
  let c = 1;
  let best = { f: -1, epoch: 0, w: w, t: t };
  for (let epoch = 1; epoch <= Number(opt('epochs') ?? 12); epoch++) {
    const order = instances.map((_, i) => i).sort(() => random() - 0.5);
    let errors = 0;
    for (const k of order) {
      const { gold } = instances[k];
      const feats = instances[k].feats.map((f, i) => (gold[i] !== 0 && random() < WORD_DROPOUT ? instances[k].plain[i] : f));
      const pred = viterbi(scoresOf(w, feats), feats.length, t);
      for (let i = 0; i < gold.length; i++) {
        const [g, p] = [gold[i], pred[i]];
        const [gp, pp] = [i ? gold[i - 1] : L, i ? pred[i - 1] : L];
        if (g !== p) {
          errors++;
          for (const f of feats[i]) {
            w[f * L + g] += 1; u[f * L + g] += c;
            w[f * L + p] -= 1; u[f * L + p] -= c;
          }
        }
        if (g !== p || gp !== pp) {
          t[gp][g] += 1; tu[gp][g] += c;
          t[pp][p] -= 1; tu[pp][p] -= c;
        }
      }
      c++;
    }
    const avg = averaged(c);
    const f = evaluate(dev, avg.w, avg.t);
    console.log(`epoch ${epoch}: ${errors} token errors; dev strict F1 (tagger alone) ${f.toFixed(3)}`);
    if (f > best.f) best = { f, epoch, ...avg };
  }
  return best;
}

/** Trains on `train`, picking the epoch by dev F1; returns the pruned model. */
function fit(train: Prepared[], dev: Prepared[], genres: string[]): TaggerModel {
  featureIds.clear();
  counts.clear();
  missedNameTokens = 0;
  index(train, true);
  index(dev, false);
  // news documents count NEWS_WEIGHT times (the product reads news)
  const instances = train.flatMap((d) => (d.doc.genre === 'news' ? Array.from({ length: NEWS_WEIGHT }, () => d.sentences).flat() : d.sentences));
  console.log(`train: ${train.length} documents, ${instances.length} segments, ${featureIds.size} features; dev: ${dev.length} documents; ${missedNameTokens} name tokens outside segments`);
  const nf = featureIds.size;
  // several runs with different shuffles, averaged: less variance than one run (bagging)
  const runs = Array.from({ length: SEEDS }, (_, k) => perceptron(instances, dev, nf, 7 + k));
  const mean = (pick: (r: (typeof runs)[number]) => number) => runs.reduce((sum, r) => sum + pick(r), 0) / SEEDS;
  const w = runs[0].w.map((_, i) => mean((r) => r.w[i]));
  const t = runs[0].t.map((row, i) => row.map((_, j) => mean((r) => r.t[i][j])));
  const best = { w, t, epoch: runs.map((r) => r.epoch).join(','), f: evaluate(dev, w, t) };
  const names = [...featureIds.keys()];
  const weights: Record<string, number[]> = {};
  for (let i = 0; i < nf; i++) {
    const row = Array.from(best.w.subarray(i * L, i * L + L));
    if (Math.max(...row.map(Math.abs)) >= PRUNE_BELOW) weights[names[i]] = row.map((x) => Math.round(x * 100) / 100);
  }
  console.log(`best epoch ${best.epoch} (dev F1 ${best.f.toFixed(3)}); kept ${Object.keys(weights).length} of ${nf} features`);
  return {
    labels: [...LABELS],
    transitions: best.t.map((row) => row.map((x) => Math.round(x * 100) / 100)),
    weights,
    meta: { corpus: 'GUM (amir-zeldes/gum), CC BY 4.0 annotations', split: 'train', genres, epochs: best.epoch, devStrictF1: Number(best.f.toFixed(3)), prunedBelow: PRUNE_BELOW, newsWeight: NEWS_WEIGHT },
  };
}

/** Parley's typed names (the whole mentions stage) in a GUM document, for cross-validation. */
function system(d: GumDoc): GoldSpan[] {
  const news = { id: d.id, text: d.text, removed: [], layers: { sentences: splitSentences(d.text) } } as never;
  return typedSpans(findMentions(news, ctx));
}

/**
 * `--cv-news K`: K-fold cross-validation over the news documents of the train split (each fold's
 * documents left out of training), scoring the whole mentions stage with and without the tagger.
 * A larger held-out sample of news than the two test documents, for tuning without touching test.
 */
function crossValidate(train: Prepared[], dev: Prepared[], genres: string[], k: number): void {
  const news = train.filter((d) => d.doc.genre === 'news');
  const [ours, rules] = [emptyScores(), emptyScores()];
  const errors: Example[] = [];
  for (let fold = 0; fold < k; fold++) {
    const held = new Set(news.filter((_, i) => i % k === fold));
    // `--cv-cache DIR`: reuse fold models saved there (valid only while the features and training set are unchanged,
    // e.g. to compare ways of combining the rules with the tagger); a missing fold model is trained and saved
    const cache = opt('cv-cache');
    const file = cache ? join(cache, `fold-${k}-${fold}.json`) : null;
    const model = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TaggerModel) : fit(train.filter((d) => !held.has(d)), dev, genres);
    if (file && !existsSync(file)) writeFileSync(file, JSON.stringify(model));
    useTagger(makeTagger(model));
    for (const d of held) {
      const pred = system(d.doc);
      score(ours, d.doc.gold, pred);
      errors.push(...errorsOf(d.doc, d.doc.gold, pred, rawMentions(d.doc)));
    }
    useTagger(null);
    for (const d of held) score(rules, d.doc.gold, system(d.doc));
  }
  for (const [name, s] of [['rules + tagger', ours], ['rules alone', rules]] as const) {
    const [a, b] = [prf(s.all.strict), prf(s.all.partial)];
    console.log(`cv news (${news.length} documents) ${name}: strict P/R/F1 ${a.p.toFixed(3)}/${a.r.toFixed(3)}/${a.f.toFixed(3)}, partial F1 ${b.f.toFixed(3)}; ` +
      `strict F1 person ${prf(s.person.strict).f.toFixed(3)} organization ${prf(s.organization.strict).f.toFixed(3)} place ${prf(s.place.strict).f.toFixed(3)}`);
  }
  printErrors(errors, Number(opt('examples') ?? 0));
}

function main(): void {
  const split = readSplits(join(DATA, 'gum', 'splits.md'));
  const genres = opt('genres')?.split(',') ?? TRAIN_GENRES;
  const dir = join(DATA, 'gum', 'dep');
  const all = readdirSync(dir).filter((f) => f.endsWith('.conllu') && !f.includes('reddit')).map((f) => readGum(join(dir, f)));
  const inSplit = (d: GumDoc, s: string) => split(d.id) === s;
  const train = all.filter((d) => inSplit(d, 'train') && genres.includes(d.genre)).map((d) => prepare(d));
  const dev = all.filter((d) => inSplit(d, 'dev')).map((d) => prepare(d));
  if (opt('cv-news')) return crossValidate(train, dev, genres, Number(opt('cv-news')));
  const model = fit(train, dev, genres);
  const out = opt('out') ?? MODEL_FILE;
  writeFileSync(out, JSON.stringify(model));
  console.log(`wrote ${out}`);
}

main();
