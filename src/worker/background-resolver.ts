/**
 * Corpus resolution alongside the ingest. A long ingest resolves the corpus every `RESOLVE_EVERY`
 * new documents; resolving on the main thread stops everything else (reading, handing articles to
 * the annotation threads, storing) for the seconds a step takes. Here a thread of its own, with its
 * own connection to the database, resolves while the ingest goes on: the resolution's CPU and the
 * annotation's share the cores instead of taking turns.
 *
 * It decides what resolving in line decides: each step takes the documents stored up to the last
 * one the ingest had stored when it asked (`ResolveOptions.through`), not whatever has been stored
 * since, and steps run in order, one at a time — the ingest waits for a step to end before it asks
 * for the next, so unresolved documents never pile up past two steps.
 */
import { Worker } from 'node:worker_threads';
import type { Context } from '../context.js';
import type { FromResolver, ResolveThreadData, ToResolver } from './resolve-thread.js';
import { threadLaunch } from './thread-launch.js';

export class BackgroundResolver {
  private readonly worker: Worker;
  /** Settles when the step in progress ends (with its error, if it failed); null when none runs. */
  private running: Promise<void> | null = null;
  private onMessage: ((m: FromResolver) => void) | null = null;
  private failed: Error | null = null;
  private exited = false;

  private constructor(db: string, ctx: Context) {
    const launch = threadLaunch(import.meta.url, 'resolve-thread');
    const workerData: ResolveThreadData = { db, referenceDate: ctx.referenceDate, pack: ctx.pack, options: ctx.options };
    this.worker = new Worker(launch.entry, { eval: launch.eval, execArgv: [], workerData });
    this.worker.on('message', (m: FromResolver) => this.onMessage?.(m));
    this.worker.on('error', (err) => this.lost(err));
    this.worker.on('exit', (code) => {
      this.exited = true;
      this.lost(new Error(`resolver thread exited with code ${code}`));
    });
  }

  /**
   * A resolver thread for the database `db`, or null when another connection cannot share it (an
   * in-memory SQLite database): the ingest then resolves in line.
   */
  static start(db: string | undefined, ctx: Context): BackgroundResolver | null {
    if (!db || db === ':memory:' || db.startsWith('file::memory:')) return null;
    return new BackgroundResolver(db, ctx);
  }

  /**
   * Resolves the documents stored up to `doc` (whose batch made generation `generation`) in the
   * thread. Waits first for the step in progress, and throws the error a step failed with.
   */
  async resolve(doc: string, generation: number): Promise<void> {
    await this.idle();
    this.running = new Promise<void>((resolve) => {
      this.onMessage = (m) => {
        if (m.type !== 'done') return;
        if (m.error) this.failed ??= new Error(`corpus resolution failed: ${m.error}`);
        this.onMessage = null;
        resolve();
      };
    });
    this.post({ type: 'resolve', doc, generation });
  }

  /** Waits for the step in progress; throws the error a step failed with. */
  async idle(): Promise<void> {
    await this.running;
    this.running = null;
    if (this.failed) throw this.failed;
  }

  /** Waits for the step in progress, closes the thread's connection and ends the thread. */
  async close(): Promise<void> {
    try {
      await this.running;
    } finally {
      if (!this.exited) await new Promise<void>((resolve) => {
        this.onMessage = (m) => m.type === 'closed' && resolve();
        this.worker.once('exit', () => resolve());
        this.post({ type: 'close' });
      });
      await this.worker.terminate();
    }
  }

  private post(m: ToResolver): void {
    this.worker.postMessage(m);
  }

  /** The thread died: the step in progress (and every later one) fails with the reason. */
  private lost(err: Error): void {
    this.failed ??= new Error(`corpus resolution failed: ${err.message}`);
    this.onMessage?.({ type: 'done' });
    this.onMessage = null;
  }
}
