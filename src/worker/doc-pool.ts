/**
 * Annotation on every core: a pool of worker threads that run `prepareHere` (clean → repeated-line
 * removal → annotate) on one article each, while the store stays on the main thread (a thread asks it
 * for line counts by message). Results come back in the order asked, and are the documents the main
 * thread itself would have made: the same function runs, on the same inputs.
 *
 * Threads start only once a run proves long (`THREADS_AFTER_DOCS`); before that the main thread does
 * the work itself, one article at a time, and it goes on while they start. (Only when threads are
 * started before it has done any, with `ready()`, does it wait for them unless a core is left over:
 * it would pay the start-up cost of the models a third time. A run known to be long from the start
 * uses `start()`: the main thread then never annotates, so its heap never holds the models.) A watchdog reads
 * each busy thread's CPU time: a thread that passes the per-document budget (or its heap limit) is
 * terminated, its article rejected with the reason, and a fresh thread takes its place.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { makeContext, type Context } from '../context.js';
import type { NewsDoc, RawArticle, Rejected } from '../model/doc.js';
import { MAX_DOC_MS, stoppedOverMemory, stoppedOverTime } from './budget.js';
import type { FromThread, ThreadData, ToThread } from './doc-thread.js';
import { prepareHere, type LineCounts } from './prepare.js';
import { threadCpuMsOf } from './thread-cpu.js';
import { threadLaunch } from './thread-launch.js';

/**
 * Articles asked for before threads start. A thread costs ~1.5–2.5 s of CPU to start (module loading
 * and the lazy models: measured 1.5 s compiled, 2.4 s under tsx), what ~200 articles cost to annotate
 * (~9 ms each), so runs shorter than that (tests, a handful of files) never pay it (measured with
 * `npm run bench -- scale`: at 100 articles two threads cost 87 ms of CPU per article against 32).
 */
export const THREADS_AFTER_DOCS = 200;
/**
 * Heap limit per thread (a limit, not what a thread holds: a thread idles at ~145 MB, mostly the
 * models; measured with `DocPool.threadHeaps` over 3,000 synthetic articles, peak 150 MB). Measured: a
 * synthetic article of 950k characters (the budget's `MAX_TEXT_CHARS` is 1M) annotates within 320 MB;
 * an earlier 760k-character article ran out at 256 MB (the thread is then stopped and the article
 * rejected, see `lost`). 512 MB admits what the size limits admit with room, and bounds what two
 * runaway documents can take to 1 GB instead of 2 GB (it was 1,024).
 */
export const THREAD_HEAP_MB = 512;
/**
 * Young-generation limit per thread, in MB (V8 splits it into two semi-spaces and a large-object
 * space: 8 MB gives semi-spaces of ~2.7 MB). Annotation makes mostly short-lived objects, so V8 grows
 * a thread's semi-spaces to their default maximum of 16 MB each, and those 32 MB stay committed (and
 * resident) for the thread's life, idle or not. Measured (`DocPool.threadHeaps`, two threads, 600
 * synthetic articles, twice each): the threads' heaps together peaked at 269–276 MB by default, 220–221
 * with 8 and 231–236 with 16, at the same CPU within the machine's noise. In whole ingests (with the
 * main thread no longer annotating, `start`) the threads' heaps peaked at 264 against 300 MB at 3k
 * articles, 317 against 373 at 10k.
 */
export const THREAD_YOUNG_MB = 8;
/** Watchdog period: a stuck thread is stopped at most this long after passing its budget. */
const WATCH_MS = 100;
/** Where a thread's CPU time cannot be read (not Linux): wall-clock limit, generous against a busy machine. */
const WALL_FACTOR = 12;

export interface PoolOptions {
  /** Threads; 1 means everything runs on the calling thread. */
  size: number;
  /** The pack and options every article is annotated with (each article brings its reference date). */
  ctx: Pick<Context, 'pack' | 'options'>;
  /** Per-document CPU budget (default `MAX_DOC_MS`). */
  maxDocMs?: number;
  /** See `THREADS_AFTER_DOCS`. */
  threadsAfter?: number;
  heapMb?: number;
  /** See `THREAD_YOUNG_MB`. */
  youngMb?: number;
}

interface Task {
  raw: RawArticle;
  referenceDate: string;
  lineCounts: LineCounts;
  done: (r: NewsDoc | Rejected) => void;
  fail: (e: Error) => void;
}

/** One annotation thread's V8 heap, in MB (see `DocPool.threadHeaps`). */
export interface ThreadHeap {
  usedMb: number;
  totalMb: number;
  limitMb: number;
  /** What the young generation's semi-spaces hold committed (V8's `new_space`). */
  youngMb: number;
}

interface Slot {
  worker: Worker;
  heapAsked?: ((h: ThreadHeap | null) => void)[];
  tid: number | null;
  ready: boolean;
  task: Task | null;
  cpuAtStart: number;
  wallAtStart: number;
}

/** A pool of annotation threads; `close()` it when done. */
export class DocPool {
  /** Pools not yet closed, so a benchmark can read their threads' heaps without holding the pool. */
  private static readonly open = new Set<DocPool>();
  /** Where articles were processed, and how many threads the watchdog or a crash stopped. */
  readonly stats = { inThreads: 0, here: 0, stopped: 0 };
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private asked = 0;
  private hereBusy = false;
  /** Set by `start()`: the calling thread leaves every article to the threads. */
  private threadsOnly = false;
  private closed = false;
  private broken: Error | null = null;
  private watch: NodeJS.Timeout | null = null;
  private readonly maxDocMs: number;
  private readonly heapMb: number;
  private readonly youngMb: number;
  /** More cores than threads: the main thread may annotate while threads start even before it is warm. */
  private readonly spareCore: boolean;

  constructor(private readonly opts: PoolOptions) {
    if (!Number.isInteger(opts.size) || opts.size < 1) throw new Error(`threads: ${opts.size} is not a whole number ≥ 1`);
    this.maxDocMs = opts.maxDocMs ?? MAX_DOC_MS;
    this.heapMb = opts.heapMb ?? THREAD_HEAP_MB;
    this.youngMb = opts.youngMb ?? THREAD_YOUNG_MB;
    this.spareCore = availableParallelism() > opts.size;
    DocPool.open.add(this);
  }

  /** `threadHeaps()` of every pool of this process not yet closed, as one list. */
  static async allThreadHeaps(): Promise<ThreadHeap[]> {
    return (await Promise.all([...DocPool.open].map((p) => p.threadHeaps()))).flat();
  }

  /** Cleans and annotates `raw` (see `prepareHere`); resolves to the document or its rejection. */
  prepare(raw: RawArticle, referenceDate: string, lineCounts: LineCounts): Promise<NewsDoc | Rejected> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.closed) return Promise.reject(new Error('the annotation pool is closed'));
    if (++this.asked >= (this.opts.threadsAfter ?? THREADS_AFTER_DOCS) && this.opts.size > 1 && this.slots.size === 0) {
      for (let i = 0; i < this.opts.size; i++) this.spawn();
    }
    return new Promise((done, fail) => {
      this.queue.push({ raw, referenceDate, lineCounts, done, fail });
      // after the caller has asked for the rest of its batch (which may start the threads)
      queueMicrotask(() => this.dispatch());
    });
  }

  /**
   * Starts the threads now (instead of after `threadsAfter` articles) and resolves once every one is
   * ready, so all later articles go to threads; for benchmarks and tests that must exercise them.
   */
  async ready(): Promise<void> {
    if (this.opts.size === 1) return;
    if (this.slots.size === 0) for (let i = 0; i < this.opts.size; i++) this.spawn();
    while (!this.broken && [...this.slots].some((s) => !s.ready)) await new Promise((r) => setTimeout(r, 20));
    if (this.broken) throw this.broken;
  }

  /**
   * Starts the threads now, without waiting for them, for a run known to be long (`ingest` counts its
   * input files): from now on the calling thread never annotates, it waits for a thread, so its heap
   * never takes a copy of the models and memos the threads hold (measured: 50 → 88 MB live on the main
   * thread after annotating the first 341 of 400 articles itself, 54 MB when it annotated none), nor
   * its CPU time the models' loading. A pool of one thread is the calling thread: nothing changes.
   */
  start(): void {
    if (this.opts.size === 1 || this.closed) return;
    this.threadsOnly = true;
    if (this.slots.size === 0) for (let i = 0; i < this.opts.size; i++) this.spawn();
  }

  /**
   * The V8 heap of every running thread (an empty list before threads start), for benchmarks that
   * show where memory goes; a thread busy with a long synchronous stage answers when it is done.
   */
  async threadHeaps(): Promise<ThreadHeap[]> {
    const asked = [...this.slots].filter((s) => s.ready).map((slot) => new Promise<ThreadHeap | null>((resolve) => {
      (slot.heapAsked ??= []).push(resolve);
      this.post(slot, { type: 'heap' });
    }));
    return (await Promise.all(asked)).filter((h) => h !== null);
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    this.closed = true;
    DocPool.open.delete(this);
    if (this.watch) clearInterval(this.watch);
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
    this.slots.clear();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = [...this.slots].find((s) => s.ready && !s.task);
      if (idle) {
        this.send(idle, this.queue.shift()!);
        continue;
      }
      const starting = ![...this.slots].some((s) => s.ready) && (this.stats.here > 0 || this.spareCore);
      const here = this.slots.size === 0 || (starting && !this.threadsOnly);
      if (here && !this.hereBusy) {
        this.runHere(this.queue.shift()!);
        continue;
      }
      return;
    }
  }

  private runHere(task: Task): void {
    this.hereBusy = true;
    this.stats.here++;
    const ctx = makeContext({ referenceDate: task.referenceDate, pack: this.opts.ctx.pack, options: this.opts.ctx.options });
    void prepareHere(task.raw, task.lineCounts, ctx, this.maxDocMs).then((r) => {
      this.hereBusy = false;
      task.done(r);
      // Through the event loop, not a microtask: reading files and SQLite are synchronous, so an
      // ingest otherwise never lets the threads' "ready" messages in, and the main thread went on
      // annotating every article itself while the threads sat idle (measured: 3,000 articles, 0 in threads).
      setImmediate(() => this.dispatch());
    });
  }

  private send(slot: Slot, task: Task): void {
    slot.task = task;
    slot.cpuAtStart = slot.tid === null ? 0 : (threadCpuMsOf(slot.tid) ?? 0);
    slot.wallAtStart = performance.now();
    this.stats.inThreads++;
    this.post(slot, { type: 'doc', raw: task.raw, referenceDate: task.referenceDate });
    this.watch ??= setInterval(() => this.check(), WATCH_MS);
  }

  private post(slot: Slot, m: ToThread): void {
    slot.worker.postMessage(m);
  }

  private spawn(): void {
    const launch = threadLaunch(import.meta.url);
    const workerData: ThreadData = { pack: this.opts.ctx.pack, options: this.opts.ctx.options, maxDocMs: this.maxDocMs };
    const worker = new Worker(launch.entry, {
      eval: launch.eval,
      execArgv: [],
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: this.youngMb },
    });
    const slot: Slot = { worker, tid: null, ready: false, task: null, cpuAtStart: 0, wallAtStart: 0 };
    this.slots.add(slot);
    worker.on('message', (m: FromThread) => this.receive(slot, m));
    worker.on('error', (err) => this.lost(slot, err));
    worker.on('exit', (code) => this.lost(slot, new Error(`annotation thread exited with code ${code}`)));
  }

  private receive(slot: Slot, m: FromThread): void {
    if (m.type === 'heap') {
      slot.heapAsked?.shift()?.({ usedMb: m.usedMb, totalMb: m.totalMb, limitMb: m.limitMb, youngMb: m.youngMb });
      return;
    }
    if (m.type === 'ready') {
      slot.ready = true;
      slot.tid = m.tid;
    } else if (m.type === 'lines') {
      const task = slot.task;
      if (!task) return;
      task.lineCounts(m.outlet, m.keys).then(
        (counts) => slot.task === task && this.post(slot, { type: 'counts', counts }),
        (err: Error) => slot.task === task && this.post(slot, { type: 'counts', error: err.message }),
      );
      return;
    } else {
      const task = slot.task;
      slot.task = null;
      task?.done(m.result);
    }
    this.dispatch();
  }

  /** Watchdog: stops a thread whose article passed the CPU budget (or, without CPU readings, a wall-clock limit). */
  private check(): void {
    let busy = false;
    for (const slot of this.slots) {
      if (!slot.task) continue;
      busy = true;
      const cpu = slot.tid === null ? null : threadCpuMsOf(slot.tid);
      const over = cpu === null ? performance.now() - slot.wallAtStart > this.maxDocMs * WALL_FACTOR : cpu - slot.cpuAtStart > this.maxDocMs;
      if (over) this.stop(slot, stoppedOverTime(slot.task.raw.origin, this.maxDocMs));
    }
    if (!busy && this.watch) {
      clearInterval(this.watch);
      this.watch = null;
    }
  }

  /** Terminates `slot`'s thread, settles its article with `result`, and starts a replacement. */
  private stop(slot: Slot, result: Rejected): void {
    const task = slot.task;
    this.slots.delete(slot);
    slot.task = null;
    for (const answer of slot.heapAsked?.splice(0) ?? []) answer(null);
    slot.worker.removeAllListeners().on('error', () => {});
    void slot.worker.terminate();
    this.stats.stopped++;
    task?.done(result);
    if (!this.closed) this.spawn();
    this.dispatch();
  }

  /** A thread died by itself: out of heap or a crash mid-article rejects that article; failing to start breaks the pool. */
  private lost(slot: Slot, err: Error): void {
    if (this.closed || !this.slots.has(slot)) return;
    if (!slot.ready) {
      this.slots.delete(slot);
      slot.worker.removeAllListeners().on('error', () => {});
      this.broken = new Error(`an annotation thread failed to start: ${err.message}`);
      for (const task of this.queue.splice(0)) task.fail(this.broken);
      void this.close();
      return;
    }
    const task = slot.task;
    const oom = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    const origin = task?.raw.origin ?? '';
    this.stop(slot, oom ? stoppedOverMemory(origin, this.heapMb) : { skipped: origin, reason: `failed to process: the annotation thread crashed: ${err.message}` });
  }
}
