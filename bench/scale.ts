/**
 * `npm run bench -- scale`: the cost curve. Synthetic corpora (`synthetic-corpus.ts`, ~600 words per
 * article) of `SCALE_DOCS` sizes (default 1000,10000; add 100000 for the long run) go through the
 * full pipeline into SQLite and PostgreSQL, each run in its own child process so peak memory is its
 * own (from the compiled `dist/` when it is newer than `src/`, as `parley ingest` runs; see `codeRoot`), with the CLI's default pack (`russia-ukraine`) and `SCALE_THREADS` annotation threads (default: one per core) and, for the first size, also
 * with one thread (the ratio threads / one thread is printed); then PostgreSQL with 1, 2 and 3
 * `parley worker` processes of one thread each (`SCALE_WORKERS`; the ratio to one worker shows how
 * processes scale), and one worker with the default threads. Printed: docs/s, words/s, peak RSS,
 * database size, query latency, and the ratio to bare wink-nlp annotation of the same articles measured
 * in the same run. Memory: peak RSS, and where it comes from (the peak main-thread V8 heap, and the
 * peak sum of the annotation threads' heaps, sampled every 250 ms); each run uses the CLI's heap growth
 * (`src/cli/heap.ts`), and for the first size SQLite also runs with V8's default growth, the baseline
 * of the "× V8 default" peak ratio. CPU ms/doc (every thread of the ingesting process) and cores used (CPU time / wall
 * time) show what the run actually got: on a shared machine the kernel gives each session an equal
 * share of the cores (autogroup scheduling), so extra threads only help when cores are free; the load
 * average is printed with each row. PostgreSQL parts need `PARLEY_TEST_PG` (a role that may create
 * databases) and are skipped with a message without it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { dropDatabase } from '../test/store/drop-database.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { writeSyntheticCorpus } from './synthetic-corpus.js';
import { threadCount } from '../src/worker/threads.js';
import { heapGrowth, tuneHeap } from '../src/cli/heap.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'test', 'worker', 'child-cli.ts');
/** Published anchors from the issue: the targets these figures are read against. */
const ANCHORS = 'targets: full pipeline ≥ 150 docs/s with SQLite (≥ 1/3 of bare wink-nlp), flat cost 10k→100k, peak < 1.5 GB at 100k; 3 workers ≥ 2.5× one';

interface RunResult { docs: number; words: number; secs: number; cpuSecs: number; peakMB: number; mainHeapMB: number; threadHeapsMB: number; dbMB: number; searchMs: number; listMs: number; tenths: Tenth[]; error?: string }

/** Where the run stood as each tenth of the corpus had been read: documents, seconds and CPU seconds so far, RSS now. */
interface Tenth { docs: number; secs: number; cpuSecs: number; rssMB: number }

/** How a child run sizes its heap: as the CLI does (`tuneHeap`), or V8's default (the baseline). */
type HeapMode = 'cli' | 'v8';

/** The newest modification time of the files under `dir` that end with `ext` (0 when there are none). */
function newest(dir: string, ext: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(ext)) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

/**
 * Where the ingesting child takes Parley from: `dist/` (compiled, what `parley ingest` runs: its
 * threads start without tsx, whose loader in every thread held ~160 MB in all and ~2.4 s of CPU per
 * thread at start) when it is built and newer than every source file, else `src/` under tsx.
 */
export function codeRoot(): 'dist' | 'src' {
  const dist = join(ROOT, 'dist');
  if (!statSync(dist, { throwIfNoEntry: false })?.isDirectory()) return 'src';
  return newest(dist, '.js') >= newest(join(ROOT, 'src'), '.ts') ? 'dist' : 'src';
}

/** Child mode: ingest `dir` into `db` in this process with `threads` annotation threads and print the figures as JSON. */
async function child(dir: string, db: string, threads: number, heap: HeapMode): Promise<void> {
  if (heap === 'cli') tuneHeap();
  const lib = `../${codeRoot()}`;
  const { makeContext } = (await import(`${lib}/context.js`)) as typeof import('../src/context.js');
  const { loadPack } = (await import(`${lib}/packs/load.js`)) as typeof import('../src/packs/load.js');
  const { ingest } = (await import(`${lib}/ingest-batch.js`)) as typeof import('../src/ingest-batch.js');
  const { openStore } = (await import(`${lib}/store/open.js`)) as typeof import('../src/store/open.js');
  const { DocPool } = (await import(`${lib}/worker/doc-pool.js`)) as typeof import('../src/worker/doc-pool.js');
  const store = await openStore(db);
  // the CLI's default pack, as `parley ingest` (and the worker runs below) use it
  const ctx = makeContext({ referenceDate: '2031-06-01', pack: loadPack('russia-ukraine') });
  const peak = { main: 0, threads: 0 };
  let asking = false;
  const sampler = setInterval(() => {
    peak.main = Math.max(peak.main, process.memoryUsage().heapTotal / 2 ** 20);
    if (asking) return;
    asking = true;
    void DocPool.allThreadHeaps().then((hs) => {
      asking = false;
      peak.threads = Math.max(peak.threads, hs.reduce((sum, h) => sum + h.totalMb, 0));
    });
  }, 250);
  const words = readdirSync(dir).reduce((s, f) => s + readFileSync(join(dir, f), 'utf8').split(/\s+/).length, 0);
  const t = performance.now();
  const cpu = process.cpuUsage();
  const total = readdirSync(dir).length;
  const tenths: Tenth[] = [];
  const at = (docs: number): Tenth => {
    const used = process.cpuUsage(cpu);
    return { docs, secs: (performance.now() - t) / 1000, cpuSecs: (used.user + used.system) / 1e6, rssMB: process.memoryUsage().rss / 2 ** 20 };
  };
  let read = 0;
  let error: string | undefined;
  try {
    read = (await ingest([dir], store, ctx, { threads, db, onRejected: () => {}, onProgress: (p) => p.read >= ((tenths.length + 1) * total) / 10 && tenths.push(at(p.read)) })).read;
  } catch (err) {
    // a failure in corpus resolution (after every document was stored) is reported, not hidden
    error = (err as Error).message;
    read = await store.countDocs();
  }
  clearInterval(sampler);
  const secs = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSecs = (used.user + used.system) / 1e6;
  const time = async (f: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < 20; i++) {
      const a = performance.now();
      await f();
      ms.push(performance.now() - a);
    }
    return ms.sort((x, y) => x - y)[10];
  };
  const searchMs = await time(() => store.search('ceasefire Kessel'));
  const listMs = await time(() => store.listDocs({ limit: 50, offset: 100 }));
  await store.close();
  const r: RunResult = { error, docs: read, words, secs, cpuSecs, peakMB: process.resourceUsage().maxRSS / 1024, mainHeapMB: peak.main, threadHeapsMB: peak.threads, dbMB: await dbSize(db), searchMs, listMs, tenths };
  console.log(JSON.stringify(r));
}

async function dbSize(db: string): Promise<number> {
  if (!db.startsWith('postgres')) return [db, `${db}-wal`].reduce((s, f) => s + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0) / 2 ** 20;
  const c = new pg.Client({ connectionString: db });
  await c.connect();
  const { rows } = await c.query('SELECT pg_database_size(current_database()) AS n');
  await c.end();
  return Number(rows[0].n) / 2 ** 20;
}

function run(args: string[], tolerate = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('close', (code) => (code === 0 || code === 1 || tolerate ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

/** Bare wink-nlp (its default pipeline: sentences, tokens, POS, entities) over the same articles, docs/s. */
function winkRate(dir: string, limit: number): number {
  const nlp = winkNLP(model);
  const texts = readdirSync(dir).slice(0, limit).map((f) => readFileSync(join(dir, f), 'utf8'));
  nlp.readDoc(texts[0]);
  const t = performance.now();
  for (const text of texts) {
    const d = nlp.readDoc(text);
    d.sentences().length();
    d.tokens().out(nlp.its.pos);
    d.entities().out();
  }
  return texts.length / ((performance.now() - t) / 1000);
}

const created: string[] = [];

/** Drops the databases the bench made (warning, not failing, on one it cannot drop: `dropDatabase`). */
async function dropCreated(base: string): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  for (const name of created.splice(0)) await dropDatabase(c, name);
  await c.end();
}

async function freshPg(base: string, name: string): Promise<string> {
  created.push(name);
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `k` workers of `threads` threads each over the queued corpus; seconds from their start to the last one's exit. */
async function workersRun(dir: string, url: string, k: number, threads: number): Promise<number> {
  await run([CLI, 'ingest', dir, '--db', url, '--enqueue']);
  const t = performance.now();
  await Promise.all(Array.from({ length: k }, () => run([CLI, 'worker', '--db', url, '--exit-when-idle', '--threads', String(threads)], true)));
  return (performance.now() - t) / 1000;
}

const f1 = (x: number) => x.toFixed(1);

/**
 * The cost per document along one run, tenth by tenth of the corpus (by documents read; the final
 * resolution comes after the last): docs/s and CPU ms per document within each tenth, RSS at its end,
 * and the last tenth's CPU per document over the second's (the first holds the first full resolution).
 */
function costCurve(tenths: Tenth[]): string {
  const rows = tenths.map((x, i) => {
    const prev = i === 0 ? { docs: 0, secs: 0, cpuSecs: 0 } : tenths[i - 1];
    const docs = x.docs - prev.docs;
    return { upTo: x.docs, rate: docs / (x.secs - prev.secs), cpuMs: ((x.cpuSecs - prev.cpuSecs) * 1000) / docs, rssMB: x.rssMB };
  });
  const flat = rows.length > 2 ? ` — CPU per document, last tenth / second tenth: ${(rows.at(-1)!.cpuMs / rows[1].cpuMs).toFixed(2)}` : '';
  return `  cost by tenth of the corpus (docs read: docs/s, CPU ms/doc, RSS MB): ${rows.map((r) => `${r.upTo}: ${f1(r.rate)}, ${f1(r.cpuMs)}, ${Math.round(r.rssMB)}`).join(' | ')}${flat}`;
}

/** The suite. */
export async function runScale(): Promise<void> {
  console.log(ANCHORS);
  const sizes = (process.env.SCALE_DOCS ?? '1000,10000').split(',').map(Number);
  const workerCounts = (process.env.SCALE_WORKERS ?? '1,2,3').split(',').map(Number);
  const threads = threadCount(process.env.SCALE_THREADS ? Number(process.env.SCALE_THREADS) : undefined);
  const pgBase = process.env.PARLEY_TEST_PG;
  if (!pgBase) console.log('PostgreSQL parts skipped: PARLEY_TEST_PG is not set');
  console.log(codeRoot() === 'dist' ? 'ingests run the compiled dist/, as parley ingest does' : 'ingests run src/ under tsx (dist/ missing or older than src/: npm run build), which adds loader threads and start-up CPU that parley ingest does not have');
  console.log(`annotation threads: ${threads} (SCALE_THREADS; ${availableParallelism()} cores available); load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const root = mkdtempSync(join(tmpdir(), 'parley-scale-'));
  // V8's default heap growth as the baseline of the memory ratio: SQLite, first size (SCALE_HEAP_BASELINE=all: every size, none: never)
  const heapBaseline = process.env.SCALE_HEAP_BASELINE ?? 'first';
  const rows: string[] = ['| backend | threads | heap growth | docs | docs/s | words/s | × bare wink-nlp | × one thread | CPU ms/doc | cores used | peak RSS MB | main heap MB | thread heaps MB | × V8 default peak / docs/s | DB MB | search ms | list ms |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'];
  try {
    for (const size of sizes) {
      const dir = join(root, `c${size}`);
      writeSyntheticCorpus(dir, { docs: size, seed: 1 });
      const wink = winkRate(dir, Math.min(size, 1000));
      console.log(`${size} docs: bare wink-nlp ${f1(wink)} docs/s (same articles, same run)`);
      const targets: [string, string][] = [['sqlite', join(root, `s${size}`)]];
      if (pgBase) targets.push(['postgres', `parley_scale_${size}`]);
      for (const [name, base] of targets) {
        // one thread first (the baseline of the ratio), for the first size only
        const runs: [number, HeapMode][] = (size === sizes[0] && threads > 1 ? [1, threads] : [threads]).map((n) => [n, 'cli']);
        const withBaseline = name === 'sqlite' && (heapBaseline === 'all' || (heapBaseline === 'first' && size === sizes[0]));
        if (withBaseline) runs.splice(runs.length - 1, 0, [threads, 'v8']);
        let oneRate = 0;
        let v8: { peakMB: number; rate: number } | null = null;
        for (const [n, heap] of runs) {
          const db = name === 'sqlite' ? `${base}-t${n}-${heap}.db` : await freshPg(pgBase!, `${base}_t${n}`);
          const r = JSON.parse(await run([join(ROOT, 'bench', 'scale.ts'), '--child', dir, db, String(n), heap])) as RunResult;
          const rate = r.docs / r.secs;
          if (n === 1) oneRate = rate;
          if (heap === 'v8') v8 = { peakMB: r.peakMB, rate };
          const vsOne = oneRate && heap === 'cli' ? (rate / oneRate).toFixed(2) : '–';
          const vsV8 = v8 && heap === 'cli' && n === threads ? `${(r.peakMB / v8.peakMB).toFixed(2)} / ${(rate / v8.rate).toFixed(2)}` : '–';
          const growth = heap === 'v8' ? 'V8 default' : `${heapGrowth() ?? 'V8 default'}%`;
          rows.push(`| ${name} | ${n} | ${growth} | ${size} | ${f1(rate)} | ${Math.round(r.words / r.secs)} | ${(rate / wink).toFixed(2)} | ${vsOne} | ${f1((r.cpuSecs * 1000) / r.docs)} | ${(r.cpuSecs / r.secs).toFixed(2)} | ${Math.round(r.peakMB)} | ${Math.round(r.mainHeapMB)} | ${Math.round(r.threadHeapsMB)} | ${vsV8} | ${f1(r.dbMB)} | ${r.searchMs.toFixed(2)} | ${r.listMs.toFixed(2)} |`);
          console.log(`${rows.at(-1)}  (load ${loadavg()[0].toFixed(2)})`);
          if (r.error) console.log(`  (${name}: corpus resolution failed after storing every document: ${r.error})`);
          if (size >= 10_000) console.log(costCurve(r.tenths));
        }
      }
      if (!pgBase || size !== sizes[0]) continue;
      let one = 0;
      for (const [k, n] of [...workerCounts.map((k) => [k, 1]), [1, threads]]) {
        if (k === 1 && n === threads && threads === 1) continue;
        const secs = await workersRun(dir, await freshPg(pgBase, `parley_scale_w${k}_t${n}`), k, n);
        one ||= secs;
        console.log(`postgres, ${k} worker(s) × ${n} thread(s), ${size} docs: ${f1(size / secs)} docs/s, ${(one / secs).toFixed(2)}× one worker of one thread (${(size / secs / wink).toFixed(2)}× bare wink-nlp; load ${loadavg()[0].toFixed(2)})`);
      }
    }
    console.log(`\n${rows.join('\n')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
    if (pgBase) await dropCreated(pgBase);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], Number(process.argv[5] ?? 1), process.argv[6] === 'v8' ? 'v8' : 'cli');
}
