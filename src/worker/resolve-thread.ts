/**
 * The resolver thread started by `BackgroundResolver`: it opens its own connection to the ingest's
 * database and resolves the corpus up to the document it is told, one request at a time, while the
 * ingest's main thread goes on reading, annotating and storing the next articles.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeContext, type Pack } from '../context.js';
import { openStore } from '../store/open.js';
import { resolvePending } from './resolve-pending.js';

/** What the ingest gives the thread at start. */
export interface ResolveThreadData {
  /** The `--db` the ingest writes to (a SQLite file or a PostgreSQL URL). */
  db: string;
  referenceDate: string;
  pack: Pack;
  options: Record<string, unknown>;
}

/** Ingest → thread: resolve up to `doc`, whose batch made generation `generation`; or finish. */
export type ToResolver = { type: 'resolve'; doc: string; generation: number } | { type: 'close' };

/** Thread → ingest: a request is done (with the error that stopped it, if one did). */
export type FromResolver = { type: 'done'; error?: string } | { type: 'closed' };

const port = parentPort;
if (!port) throw new Error('resolve-thread.ts is started by BackgroundResolver as a worker thread, not run directly');
const data = workerData as ResolveThreadData;
const ctx = makeContext({ referenceDate: data.referenceDate, pack: data.pack, options: data.options });
const store = await openStore(data.db);
const post = (m: FromResolver) => port.postMessage(m);

// Requests come one at a time (the ingest waits for each before it sends the next), so they never overlap.
port.on('message', (m: ToResolver) => {
  if (m.type === 'close') {
    void store.close().then(() => post({ type: 'closed' }));
    return;
  }
  resolvePending(store, ctx, undefined, { wait: false, upTo: { doc: m.doc, generation: m.generation } }).then(
    () => post({ type: 'done' }),
    (err: Error) => post({ type: 'done', error: err.message }),
  );
});
