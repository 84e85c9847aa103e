/**
 * The annotation thread started by `DocPool`: it takes one article at a time and runs `prepareHere`
 * on it, asking the main thread for the outlet's line counts (the store stays there). Before saying it
 * is ready it cleans and annotates a short built-in article once, so the models and indexes that load
 * on first use (wink-nlp, the gazetteer, the pack index: ~2 s) are not charged to the first real
 * document's CPU budget.
 */
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { makeContext, type Pack } from '../context.js';
import type { NewsDoc, RawArticle, Rejected } from '../model/doc.js';
import { prepareHere } from './prepare.js';
import { currentTid } from './thread-cpu.js';

/** What the pool gives a thread at start. */
export interface ThreadData {
  pack: Pack;
  options: Record<string, unknown>;
  maxDocMs: number;
}

/** Pool → thread. */
export type ToThread =
  | { type: 'doc'; raw: RawArticle; referenceDate: string }
  | { type: 'counts'; counts: Map<string, number> }
  | { type: 'counts'; error: string }
  | { type: 'heap' };

/** Thread → pool. */
export type FromThread =
  | { type: 'ready'; tid: number | null }
  | { type: 'lines'; outlet: string; keys: string[] }
  | { type: 'done'; result: NewsDoc | Rejected }
  | { type: 'heap'; usedMb: number; totalMb: number; limitMb: number; youngMb: number };

/** Primes lazy models; its result is thrown away. Not an article anyone ingests (fictional names). */
const WARM_UP =
  'Envoys of Aldoria and Brevnia met in Kessel on Monday to discuss a ceasefire, officials said.\n' +
  '"We are ready to sign," Foreign Minister Anna Dorr told reporters on Tuesday.\n' +
  'At least 12 people were killed in shelling last week, according to the regional governor.';

const port = parentPort;
if (!port) throw new Error('doc-thread.ts is started by DocPool as a worker thread, not run directly');
const data = workerData as ThreadData;
const post = (m: FromThread) => port.postMessage(m);
let answer: ((m: ToThread & { type: 'counts' }) => void) | null = null;

const lineCounts = (outlet: string, keys: string[]) =>
  new Promise<Map<string, number>>((resolve, reject) => {
    answer = (m) => ('error' in m ? reject(new Error(m.error)) : resolve(m.counts));
    post({ type: 'lines', outlet, keys });
  });

port.on('message', (m: ToThread) => {
  if (m.type === 'counts') {
    const reply = answer;
    answer = null;
    reply?.(m);
    return;
  }
  if (m.type === 'heap') {
    const h = getHeapStatistics();
    const mb = (n: number) => n / 2 ** 20;
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
    post({ type: 'heap', usedMb: mb(h.used_heap_size), totalMb: mb(h.total_heap_size), limitMb: mb(h.heap_size_limit), youngMb: mb(young) });
    return;
  }
  const ctx = makeContext({ referenceDate: m.referenceDate, pack: data.pack, options: data.options });
  void prepareHere(m.raw, lineCounts, ctx, data.maxDocMs).then((result) => post({ type: 'done', result }));
});

const warm: RawArticle = { origin: 'warm-up', body: WARM_UP, contentType: 'text/plain', meta: {}, bytes: new Uint8Array(), encoding: 'UTF-8' };
await prepareHere(warm, async () => new Map(), makeContext({ referenceDate: '2031-01-01', pack: data.pack, options: data.options }), Infinity);
post({ type: 'ready', tid: currentTid() });
