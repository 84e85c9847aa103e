/**
 * Story clustering: B³ F1 of Parley's stories against MEANTIME's four topic groups
 * (`../shared/data/meantime-en`, 120 Wikinews articles: Airbus/Boeing, Apple, GM, stock market),
 * next to trivial baselines computed in the same run (everything in one cluster; every document
 * alone; documents grouped by their most frequent name), and on the labelled synthetic corpus (gold =
 * story). Also the cost of adding one document at 1k and 10k documents (incremental clusterer).
 * Note that MEANTIME's groups are topics spanning 2004–2011, not stories of a few days: the time
 * window splits them, so the undated run (time ignored) is reported too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { NewsDoc } from '../src/model/doc.js';
import { clusterStories } from '../src/resolve/stories/resolver.js';
import { StoryClusterer } from '../src/resolve/stories/cluster.js';
import { termCounts } from '../src/resolve/stories/key-terms.js';
import { DocFreq, tfidf } from '../src/resolve/stories/tfidf.js';
import { b3 } from './coref-metrics.js';
import { labelledCorpus, shuffled } from './copies-corpus.js';
import { DATA, haveData } from './shared.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'token' || name === 'TIMEX3' });
type X = Record<string, any>;

function doc(id: string, title: string, text: string, date: string | null): NewsDoc {
  return {
    id, origin: id, title, outlet: null, text, removed: [], flags: [], diagnostics: [], meta: {}, layers: {}, duplicateOf: null,
    published: date ? { date, source: 'metadata', confidence: 1, evidence: [] } : { date: null, source: 'none', confidence: 0, evidence: [] },
  };
}

/** One MEANTIME file as a document: tokens re-joined (no space before punctuation), sentence 0 as title. */
export function readMeantime(path: string): NewsDoc {
  const d = parser.parse(readFileSync(path, 'utf8')).Document as X;
  const sentences: string[][] = [];
  for (const t of d.token as X[]) (sentences[Number(t.sentence)] ??= []).push(String(t['#text'] ?? ''));
  const lines = sentences.filter(Boolean).map((s) => s.join(' ').replace(/ ([,.;:!?%)'"])/g, '$1').replace(/([($"]) /g, '$1'));
  const dct = ((d.Markables?.TIMEX3 ?? []) as X[]).find((t) => t.functionInDocument === 'CREATION_TIME')?.value as string | undefined;
  return doc(String(d.doc_id), lines[0], lines.join('\n'), dct && /^\d{4}-\d{2}-\d{2}$/.test(dct) ? dct : null);
}

const f1 = (key: string[][], response: string[][]) => b3(key, response);
const show = (name: string, key: string[][], response: string[][]) => {
  const s = f1(key, response);
  console.log(`${name.padEnd(44)} B³ P ${(100 * s.p).toFixed(1)}  R ${(100 * s.r).toFixed(1)}  F1 ${(100 * s.f).toFixed(1)}   (${response.length} clusters)`);
};

/** Baseline: group by each document's most frequent capitalised term. */
function topNameBaseline(docs: NewsDoc[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const d of docs) {
    const names = [...termCounts(d)].filter(([t]) => t.startsWith('name:')).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const key = names[0]?.[0] ?? d.id;
    groups.set(key, [...(groups.get(key) ?? []), d.id]);
  }
  return [...groups.values()];
}

function score(label: string, docs: NewsDoc[], gold: Map<string, string>): void {
  const key = [...new Set(gold.values())].map((g) => docs.filter((d) => gold.get(d.id) === g).map((d) => d.id));
  console.log(`### ${label}: ${docs.length} documents, ${key.length} gold groups`);
  show('Parley stories (dated)', key, clusterStories(docs).map((s) => s.docs));
  const undated = docs.map((d) => ({ ...d, published: { date: null, source: 'none' as const, confidence: 0, evidence: [] } }));
  show('Parley stories (time ignored)', key, clusterStories(undated).map((s) => s.docs));
  show('baseline: all in one cluster', key, [docs.map((d) => d.id)]);
  show('baseline: every document alone', key, docs.map((d) => [d.id]));
  show('baseline: most frequent name', key, topNameBaseline(docs));
}

function incremental(sizes: number[]): void {
  for (const n of sizes) {
    const corpus = labelledCorpus(Math.ceil(n / 2), 5, 0, true).slice(0, n + 500);
    const df = new DocFreq();
    const clusterer = new StoryClusterer();
    const add = (d: NewsDoc) => {
      const c = termCounts(d);
      df.add(c.keys());
      clusterer.add(d.id, tfidf(c, df), d.published.date);
    };
    for (const c of corpus.slice(0, n)) add(c.doc);
    const t = performance.now();
    for (const c of corpus.slice(n, n + 500)) add(c.doc);
    console.log(`incremental: adding one document to ${n.toLocaleString('en')} costs ${((performance.now() - t) / 500).toFixed(2)} ms (mean of the next 500)`);
  }
}

export async function runStories(): Promise<void> {
  if (haveData('meantime-en')) {
    const root = join(DATA, 'meantime-en', 'intra_cross-doc_annotation');
    const docs: NewsDoc[] = [];
    const gold = new Map<string, string>();
    for (const topic of readdirSync(root).sort())
      for (const f of readdirSync(join(root, topic)).sort()) {
        const d = readMeantime(join(root, topic, f));
        docs.push(d);
        gold.set(d.id, topic);
      }
    score('MEANTIME topic groups', docs, gold);
  }
  const synthetic = shuffled(labelledCorpus(400, 3, 0, true), 2).map((c) => ({ ...c, doc: { ...c.doc, id: `${c.doc.id}` } }));
  score('synthetic stories', synthetic.map((c) => c.doc), new Map(synthetic.map((c) => [c.doc.id, String(c.story)])));
  incremental([1000, 10000]);
}
