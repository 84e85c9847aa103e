/**
 * `npm run bench -- incremental`: what adding one article costs once a corpus is resolved, at 1k and
 * 10k documents (`INCREMENTAL_SIZES`, default 1000,10000). Synthetic articles (`synthetic-corpus.ts`)
 * are annotated once (on every core), stored into a SQLite database per size and resolved in full
 * (the baseline: what every ingest cost before incremental resolution); then one more article is
 * stored and the corpus resolved again, incrementally. Printed per resolver: its time for the added
 * article, and for the incremental ones the resolver-state keys it read (a measure of its work that no
 * other load on the machine can disturb). The ratio 10k / 1k shows which parts grow with the corpus.
 * Then a batch of `INCREMENTAL_BATCH` more articles (default 500: how a long ingest resolves, every
 * `RESOLVE_EVERY` documents) is stored and resolved: its cost per article, per resolver, with the
 * state keys read and written per article (and their bytes, as JSON: the time measuring the read
 * takes is left out), is what bounds a long ingest's throughput. The part no resolver takes (loading the
 * batch's documents, serialising state, the store's write) is split, in wall-clock and CPU time (the
 * only one a shared machine does not inflate); the bench's own measuring of bytes is left out of
 * every row (it was counted in that part, ~4.7 ms per article at 1k on a loaded machine).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeContext } from '../src/context.js';
import type { NewsDoc } from '../src/model/doc.js';
import { resolveCorpus, RESOLVERS, type Resolver } from '../src/resolve/resolve.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { DocPool } from '../src/worker/doc-pool.js';
import { syntheticArticles } from './synthetic-corpus.js';
import { makeRaw } from '../test/helpers.js';

const ANCHOR = 'target (issue #6): adding one article to stories and events costs time independent of corpus size (1k vs 10k)';
const ctx = makeContext({ referenceDate: '2031-06-01', options: { incrementalFrom: 0 } });

interface Timed {
  ms: Map<string, number>;
  keys: Map<string, number>;
  /** State keys written, by resolver. */
  puts: Map<string, number>;
  /** Bytes (as JSON) of the state read and written, by resolver; measuring the read is left out of `ms` (`skip`). */
  bytesRead?: Map<string, number>;
  bytesWritten?: Map<string, number>;
  skip?: Map<string, number>;
  /** Time the bench spends measuring (bytes read and written), left out of every row. */
  overhead: number;
  /** Time in the store's write of the result (`applyResolution`), and in loading documents outside any resolver. */
  write: number;
  load: number;
  /** The same in CPU time (this process, every thread: none but this one works while resolving), for a shared machine's sake. */
  cpu: { total: number; resolvers: number; write: number; load: number; overhead: number };
}

/** CPU time used by this process so far, in ms. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The resolvers with their time (and state keys read) recorded by name. */
function timed(t: Timed): Resolver[] {
  const add = (m: Map<string, number>, name: string, n: number) => m.set(name, (m.get(name) ?? 0) + n);
  const clock = async <T extends { state: unknown[] }>(name: string, f: () => Promise<T>): Promise<T> => {
    const a = performance.now();
    const skipped = t.skip?.get(name) ?? 0;
    const out = await f();
    add(t.ms, name, performance.now() - a - ((t.skip?.get(name) ?? 0) - skipped));
    add(t.puts, name, out.state.length);
    const b = performance.now();
    const c = cpuMs();
    if (t.bytesWritten) add(t.bytesWritten, name, JSON.stringify(out.state).length);
    t.overhead += performance.now() - b;
    t.cpu.overhead += cpuMs() - c;
    return out;
  };
  /** Counts the bytes of what a resolver read, the time counting takes left out of its time. */
  const measured = (name: string) => (m: Map<string, unknown>) => {
    if (!t.bytesRead || !t.skip) return m;
    const a = performance.now();
    const c = cpuMs();
    add(t.bytesRead, name, JSON.stringify([...m.values()]).length);
    add(t.skip, name, performance.now() - a);
    t.overhead += performance.now() - a;
    t.cpu.overhead += cpuMs() - c;
    return m;
  };
  return RESOLVERS.map((r) => ({
    ...r,
    run(docs, corpus, c) {
      const a = performance.now();
      const out = r.run(docs, corpus, c);
      t.ms.set(r.name, (t.ms.get(r.name) ?? 0) + performance.now() - a);
      return out;
    },
    incremental: r.incremental && {
      state: r.incremental.state,
      add: (input, corpus, c) =>
        clock(r.name, () =>
          r.incremental!.add(
            { ...input, state: (keys) => (add(t.keys, r.name, keys.length), input.state(keys).then(measured(r.name))) },
            corpus,
            c,
          ),
        ),
    },
  }));
}

async function resolveTimed(store: Store, bytes = false): Promise<{ mode: string; total: number; t: Timed }> {
  const t: Timed = { ms: new Map(), keys: new Map(), puts: new Map(), overhead: 0, write: 0, load: 0, cpu: { total: 0, resolvers: 0, write: 0, load: 0, overhead: 0 }, ...(bytes ? { bytesRead: new Map(), bytesWritten: new Map(), skip: new Map() } : {}) };
  // The store's write, and documents loaded outside a resolver (the batch itself), timed apart.
  let inResolver = false;
  const timedStore: Store = Object.create(store);
  timedStore.applyResolution = async (w) => {
    const a = performance.now();
    const c = cpuMs();
    await store.applyResolution(w);
    t.write += performance.now() - a;
    t.cpu.write += cpuMs() - c;
  };
  timedStore.docsById = async (ids) => {
    const a = performance.now();
    const c = cpuMs();
    const got = await store.docsById(ids);
    if (!inResolver) t.load += performance.now() - a;
    if (!inResolver) t.cpu.load += cpuMs() - c;
    return got;
  };
  const resolvers = timed(t).map((r) => ({ ...r, incremental: r.incremental && { ...r.incremental, add: async (...args: Parameters<NonNullable<Resolver['incremental']>['add']>) => {
    inResolver = true;
    const c = cpuMs();
    try {
      return await r.incremental!.add(...args);
    } finally {
      inResolver = false;
      t.cpu.resolvers += cpuMs() - c;
    }
  } } }));
  const a = performance.now();
  const c = cpuMs();
  const mode = await resolveCorpus(timedStore, ctx, resolvers);
  t.cpu.total = cpuMs() - c - t.cpu.overhead;
  return { mode, total: performance.now() - a - t.overhead, t };
}

export async function runIncremental(): Promise<void> {
  const sizes = (process.env.INCREMENTAL_SIZES ?? '1000,10000').split(',').map(Number);
  const max = Math.max(...sizes);
  const batch = Number(process.env.INCREMENTAL_BATCH ?? 500);
  const articles = [...syntheticArticles({ docs: max + 1 + batch, seed: 11 })];
  const pool = new DocPool({ size: availableParallelism(), ctx });
  const none = async () => new Map<string, number>();
  const a = performance.now();
  const docs = (await Promise.all(articles.map((x) => pool.prepare(makeRaw(x.name, x.text), ctx.referenceDate, none)))) as NewsDoc[];
  await pool.close();
  console.log(`annotated ${docs.length} synthetic articles in ${((performance.now() - a) / 1000).toFixed(0)} s (load ${loadavg()[0].toFixed(1)})`);
  const more = docs.splice(max + 1).map((d, j) => ({ doc: d, raw: makeRaw(articles[max + 1 + j].name, articles[max + 1 + j].text) }));
  const extra = docs.pop()!;
  type Step = Awaited<ReturnType<typeof resolveTimed>>;
  const rows: { size: number; full: number; add: Step; batch: Step }[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'parley-inc-'));
    const store = await SqliteStore.open(join(dir, 'p.db'));
    for (let i = 0; i < size; i += 500) await store.putBatch(docs.slice(i, Math.min(size, i + 500)).map((d, j) => ({ doc: d, raw: makeRaw(articles[i + j].name, articles[i + j].text) })));
    const full = await resolveTimed(store);
    await store.putBatch([{ doc: extra, raw: makeRaw(articles[max].name, articles[max].text) }]);
    const add = await resolveTimed(store);
    await store.putBatch(more);
    const step = await resolveTimed(store, true);
    rows.push({ size, full: full.total, add, batch: step });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    console.log(`${size} documents: full resolution ${(full.total / 1000).toFixed(1)} s; one more article resolved (${add.mode}) in ${(add.total / 1000).toFixed(1)} s; ${batch} more in ${(step.total / 1000).toFixed(1)} s (${step.mode})`);
  }
  console.log(`\n${ANCHOR}\n`);
  const first = rows[0];
  console.log(`| resolver (one article added) | ${rows.map((r) => `${r.size} docs`).join(' | ')} | ratio ${rows.at(-1)!.size}/${first.size} |`);
  console.log(`|---|${rows.map(() => '---|').join('')}---|`);
  for (const r of RESOLVERS) {
    const how = r.incremental ? 'incremental' : 'full pass';
    const cell = (x: (typeof rows)[number]) => `${x.add.t.ms.get(r.name)!.toFixed(1)} ms${r.incremental ? `, ${x.add.t.keys.get(r.name) ?? 0} keys read` : ''}`;
    console.log(`| ${r.name} (${how}) | ${rows.map(cell).join(' | ')} | ${(rows.at(-1)!.add.t.ms.get(r.name)! / first.add.t.ms.get(r.name)!).toFixed(2)} |`);
  }
  const sum = (names: string[]) => (x: (typeof rows)[number]) => names.reduce((s, n) => s + x.add.t.ms.get(n)!, 0);
  const row = (label: string, f: (x: (typeof rows)[number]) => number) =>
    console.log(`| ${label} | ${rows.map((x) => `${f(x).toFixed(1)} ms`).join(' | ')} | ${(f(rows.at(-1)!) / f(first)).toFixed(2)} |`);
  row('stories + events (the issue\'s target)', sum(['stories', 'events']));
  row('every incremental resolver', sum(RESOLVERS.filter((r) => r.incremental).map((r) => r.name)));
  console.log(`| whole resolution, one article added | ${rows.map((x) => `${(x.add.total / 1000).toFixed(2)} s`).join(' | ')} | ${(rows.at(-1)!.add.total / first.add.total).toFixed(2)} |`);
  console.log(`| baseline: full resolution | ${rows.map((x) => `${(x.full / 1000).toFixed(2)} s`).join(' | ')} | ${(rows.at(-1)!.full / first.full).toFixed(2)} |`);
  printBatch(rows, batch);
}

/** The batch step: per article added, each resolver's time and state keys read / written, and the store's write. */
function printBatch(rows: { size: number; batch: { total: number; t: Timed } }[], batch: number): void {
  const first = rows[0];
  const last = rows.at(-1)!;
  console.log(`\n| resolver, per article of a batch of ${batch} | ${rows.map((r) => `${r.size} docs`).join(' | ')} | ratio ${last.size}/${first.size} |`);
  console.log(`|---|${rows.map(() => '---|').join('')}---|`);
  const per = (x: { batch: { t: Timed } }, m: 'ms' | 'keys' | 'puts', name: string) => (x.batch.t[m].get(name) ?? 0) / batch;
  for (const r of RESOLVERS) {
    const kb = (x: (typeof rows)[number], m: 'bytesRead' | 'bytesWritten') => ((x.batch.t[m]?.get(r.name) ?? 0) / batch / 1024).toFixed(1);
    const cell = (x: (typeof rows)[number]) => `${per(x, 'ms', r.name).toFixed(2)} ms, ${per(x, 'keys', r.name).toFixed(0)} keys (${kb(x, 'bytesRead')} KB) read, ${per(x, 'puts', r.name).toFixed(0)} (${kb(x, 'bytesWritten')} KB) written`;
    console.log(`| ${r.name} | ${rows.map(cell).join(' | ')} | ${(per(last, 'ms', r.name) / per(first, 'ms', r.name)).toFixed(2)} |`);
  }
  const rest = (x: (typeof rows)[number]) => x.batch.total / batch - RESOLVERS.reduce((s, r) => s + per(x, 'ms', r.name), 0);
  console.log(`| loading documents and writing the result | ${rows.map((x) => `${rest(x).toFixed(2)} ms`).join(' | ')} | ${(rest(last) / rest(first)).toFixed(2)} |`);
  // The same in CPU time, which other work on a shared machine does not inflate.
  const cpu = (x: (typeof rows)[number]) => x.batch.t.cpu;
  const restCpu = (x: (typeof rows)[number]) => (cpu(x).total - cpu(x).resolvers) / batch;
  const part = (label: string, f: (x: (typeof rows)[number]) => number) => console.log(`| … ${label} | ${rows.map((x) => `${f(x).toFixed(2)} ms`).join(' | ')} | ${(f(last) / f(first)).toFixed(2)} |`);
  part('the same in CPU time', restCpu);
  part('of which the store\'s write (applyResolution), CPU', (x) => cpu(x).write / batch);
  part('of which loading the batch\'s documents, CPU', (x) => cpu(x).load / batch);
  part('of which the rest (serialising state, comparing documents, collecting garbage), CPU', (x) => restCpu(x) - (cpu(x).write + cpu(x).load) / batch);
  part('the store\'s write, wall-clock', (x) => x.batch.t.write / batch);
  console.log(`(the bench's own measuring of bytes read and written, ${rows.map((x) => `${(x.batch.t.overhead / batch).toFixed(2)} ms`).join(' / ')} per article, is left out)`);
  console.log(`| whole resolution | ${rows.map((x) => `${(x.batch.total / batch).toFixed(2)} ms`).join(' | ')} | ${(last.batch.total / first.batch.total).toFixed(2)} |`);
  console.log(`| whole resolution, CPU | ${rows.map((x) => `${(cpu(x).total / batch).toFixed(2)} ms`).join(' | ')} | ${(cpu(last).total / cpu(first).total).toFixed(2)} |`);
}
