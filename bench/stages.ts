/**
 * `npm run bench -- stages`: where a document's annotation CPU goes. `STAGES_DOCS` (default 1000)
 * synthetic articles (`synthetic-corpus.ts`, ~600 words) are read with `readInputs`, then each goes
 * through `clean`, `dropRepeatedLines` and every stage of `STAGES` in turn on this one thread; the
 * time of each step is summed and printed as ms per document, with the docs/s of the whole and, as the
 * same-run baseline, bare wink-nlp annotation (its default pipeline: sentences, tokens, POS, entities)
 * of the same articles, measured before and after the stages (their mean is the baseline; the two runs
 * apart show how steady the machine was). Times are this thread's CPU time (`threadCpuMs`: on a
 * shared machine wall time mostly measures the neighbours; reading it costs ~3 µs, ~0.05 ms a document
 * over the steps). A second table splits the two costly stages (`pieces`): `mentions` pays for wink's
 * tokens and POS tags, which `quotes` and `claims` read from its cache, and `publication` for finding
 * every time expression (chrono-node, the rule finders, the refiners), which `times` reads from its
 * cache — so the ms of those two stages are partly the work of the stages after them. The issue's
 * anchor: the full pipeline at ≥ 150 docs/s on the 2-core machine, i.e. at least a third of bare
 * wink-nlp speed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { writeSyntheticCorpus } from './synthetic-corpus.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import { isRejected } from '../src/ingest/types.js';
import { clean, dropRepeatedLines } from '../src/clean/clean.js';
import { STAGES } from '../src/pipeline.js';
import { makeContext } from '../src/context.js';
import type { Layers, NewsDoc, RawArticle } from '../src/model/doc.js';
import { threadCpuMs } from '../src/worker/thread-cpu.js';
import { tokenize } from '../src/annotate/mentions/tokens.js';
import { ruleMentions } from '../src/annotate/mentions/stage.js';
import { segments } from '../src/annotate/mentions/stretches.js';
import { featureColumns } from '../src/annotate/mentions/tagger-features.js';
import { shippedTagger, tagColumns } from '../src/annotate/mentions/tagger.js';
import { findChrono } from '../src/annotate/times/find-chrono.js';
import { findRelative } from '../src/annotate/times/find-relative.js';
import { findDays } from '../src/annotate/times/find-days.js';
import { findDurations } from '../src/annotate/times/find-durations.js';
import { findTimes } from '../src/annotate/times/find.js';

const ANCHORS = 'target: full pipeline ≥ 150 docs/s on 2 cores (≥ 1/3 of bare wink-nlp); issue #8 start: mentions 4.66, publication 1.87 ms/doc; annotation CPU pass (4 paired runs, 400 docs): total 4.8–5.3 → 3.7–4.3 ms/doc (4.9–5.8× → 4.0–4.7× bare wink-nlp), mentions 2.5–3.1 → 1.9–2.3';
/** Documents read but not timed first, so the JIT has settled before the figures are taken. */
const WARM_UP = 50;

/** Bare wink-nlp over `texts`, ms per document. */
function winkMs(texts: string[]): number {
  const nlp = winkNLP(model);
  for (const text of texts.slice(0, WARM_UP)) nlp.readDoc(text).tokens().out(nlp.its.pos);
  const t = threadCpuMs();
  for (const text of texts) {
    const d = nlp.readDoc(text);
    d.sentences().length();
    d.tokens().out(nlp.its.pos);
    d.entities().out();
  }
  return (threadCpuMs() - t) / texts.length;
}

/**
 * Where the two costly stages spend their time, each piece re-run on the document right after its
 * stages ran (warm caches, so these understate the in-pipeline share a little). `mentions` pays wink's
 * tokenisation, which `quotes` and `claims` then read from its cache; `publication` pays for finding
 * every time expression (`findTimes`: chrono-node and the rule finders), which `times` then reads from
 * its cache, so `times` is nearly free.
 */
function pieces(doc: NewsDoc, ctx: ReturnType<typeof makeContext>, add: (name: string, d: number) => void): void {
  const time = <R>(name: string, f: () => R): R => {
    const t = threadCpuMs();
    const r = f();
    add(name, threadCpuMs() - t);
    return r;
  };
  const text = doc.text;
  time('mentions: wink tokens + POS', () => tokenize(`${text}\n`)); // another text, so not read from the cache
  tokenize(text); // back in the cache for the rules, as in the stage
  const { tokens, sentenceStart, mentions } = time('mentions: rules (tokens from the cache)', () => ruleMentions(doc, ctx));
  const tagger = shippedTagger();
  if (tagger) {
    const segs = segments(tokens, sentenceStart, mentions);
    const f = time('mentions: tagger features', () => featureColumns(tokens, sentenceStart, mentions, segs));
    time('mentions: tagger scores + Viterbi', () => tagColumns(tagger, f, segs));
  }
  time('publication: findTimes (all of it)', () => findTimes(text, [...(doc.layers.sentences ?? [])]));
  time('publication: chrono-node', () => findChrono(text));
  time('publication: rule finders', () => [findRelative(text), findDays(text), findDurations(text)]);
}

/** Runs clean → dropRepeatedLines → every stage over `raws`, summing each step's time (ms); then `pieces` into `parts`. */
function stageMs(raws: RawArticle[], timed: boolean, ms: Map<string, number>, parts = new Map<string, number>()): void {
  const ctx = makeContext({ referenceDate: '2031-06-01' });
  const add = (name: string, d: number) => timed && ms.set(name, (ms.get(name) ?? 0) + d);
  for (const raw of raws) {
    let t = threadCpuMs();
    const cleaned = clean(raw);
    if (isRejected(cleaned)) continue;
    const doc = dropRepeatedLines(cleaned, new Map());
    add('clean', threadCpuMs() - t);
    let layers: Partial<Layers> = {};
    for (const stage of STAGES) {
      const view: NewsDoc = { ...doc, layers };
      t = threadCpuMs();
      const layer = stage.run(view, ctx);
      add(stage.name, threadCpuMs() - t);
      layers = { ...layers, [stage.produces]: layer };
    }
    if (timed) pieces({ ...doc, layers }, ctx, (name, d) => parts.set(name, (parts.get(name) ?? 0) + d));
  }
}

/** The suite: prints a table of ms/doc per step, the total and docs/s, against bare wink-nlp. */
export async function runStages(): Promise<void> {
  const n = Number(process.env.STAGES_DOCS ?? 1000);
  const dir = mkdtempSync(join(tmpdir(), 'parley-stages-'));
  try {
    writeSyntheticCorpus(dir, { docs: n, seed: 8 });
    const raws: RawArticle[] = [];
    for await (const r of readInputs([dir])) if (!isRejected(r)) raws.push(r);
    const texts = raws.map((r) => r.body);
    const winkBefore = winkMs(texts);
    stageMs(raws.slice(0, WARM_UP), false, new Map());
    const ms = new Map<string, number>();
    const parts = new Map<string, number>();
    stageMs(raws, true, ms, parts);
    const winkAfter = winkMs(texts);
    const wink = (winkBefore + winkAfter) / 2;
    const total = [...ms.values()].reduce((s, v) => s + v, 0) / raws.length;
    console.log(`${raws.length} synthetic articles, one thread, CPU time; bare wink-nlp ${wink.toFixed(2)} ms/doc (${(1000 / wink).toFixed(0)} docs/s; runs ${winkBefore.toFixed(2)} / ${winkAfter.toFixed(2)})`);
    console.log(ANCHORS);
    console.log('\n| step | ms/doc | × bare wink-nlp |\n|---|---|---|');
    for (const [name, v] of ms) console.log(`| ${name} | ${(v / raws.length).toFixed(2)} | ${(v / raws.length / wink).toFixed(2)} |`);
    console.log(`| **total** | ${total.toFixed(2)} | ${(total / wink).toFixed(2)} |`);
    console.log(`\n${(1000 / total).toFixed(0)} docs/s on one thread (${(wink / total).toFixed(2)}× bare wink-nlp speed)`);
    console.log('\nInside the two costly stages (each piece re-run on the document right after; see `pieces`):\n\n| piece | ms/doc |\n|---|---|');
    for (const [name, v] of parts) console.log(`| ${name} | ${(v / raws.length).toFixed(2)} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
