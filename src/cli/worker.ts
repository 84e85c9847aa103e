import type { Command } from 'commander';
import { makeContext } from '../context.js';
import { readOptionsFrom, type ReadFlags } from '../ingest/options.js';
import { loadPack } from '../packs/load.js';
import { isJobQueue } from '../store/store.js';
import { runWorker } from '../worker/run-worker.js';
import { enqueueInputs } from '../worker/enqueue.js';
import { threadCount } from '../worker/threads.js';
import { CliError, EXIT } from './exit-codes.js';
import type { Io, Runner } from './main.js';
import { positiveInt, storeFor, today, usage } from './options.js';

/**
 * `parley worker --db postgres://… [--exit-when-idle]`: processes the articles `parley ingest
 * --enqueue` queued. Run any number, on any machines sharing the database. SIGINT/SIGTERM stop it after
 * the batch in hand; a killed worker loses nothing (its jobs return to the queue).
 */
export function workerCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('worker')
    .description('process queued articles from a PostgreSQL database (see ingest --enqueue)')
    .requiredOption('--db <url>', 'PostgreSQL URL, postgres://user:password@host/database')
    .option('--pack <name>', 'domain pack (russia-ukraine|none); use the one `ingest --enqueue` would have used', 'russia-ukraine')
    .option('--exit-when-idle', 'stop once the queue is empty and the corpus is resolved')
    .option('--batch <n>', 'jobs claimed per transaction', positiveInt)
    .option('--threads <n>', 'annotation threads (default: one per core, or PARLEY_THREADS; 1 = none)', positiveInt)
    .option('--json', 'print the summary as JSON')
    .action(
      run(async (opts: { db: string; pack: string; exitWhenIdle?: boolean; batch?: number; threads?: number; json?: boolean }) => {
        if (!/^postgres(ql)?:\/\//.test(opts.db)) {
          throw new CliError(`--db ${opts.db}: workers need a PostgreSQL database (postgres://…), not a SQLite file`, EXIT.USAGE);
        }
        const pack = usage(() => loadPack(opts.pack));
        const threads = usage(() => threadCount(opts.threads));
        const store = await storeFor(opts.db);
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          if (!isJobQueue(store)) throw new CliError(`--db ${opts.db}: this database has no job queue`, EXIT.USAGE);
          const summary = await runWorker(store, makeContext({ referenceDate: today(), pack }), {
            exitWhenIdle: opts.exitWhenIdle,
            batchSize: opts.batch,
            threads,
            signal: stop.signal,
            onRejected: (r) => io.err(`parley: ${r.skipped}: ${r.reason}\n`),
          });
          io.out(
            opts.json
              ? JSON.stringify(summary) + '\n'
              : `processed ${summary.processed}, new ${summary.new}, duplicate ${summary.duplicate}, ` +
                  `unchanged ${summary.unchanged}, rejected ${summary.rejected}\n`,
          );
          return summary.rejected > 0 ? EXIT.SOME_REJECTED : EXIT.OK;
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          await store.close();
        }
      }),
    );
}


/** `parley ingest --enqueue`: reads and queues the inputs; prints read/queued/unchanged/rejected. */
export async function enqueueAction(
  inputs: string[],
  opts: { db: string; json?: boolean } & ReadFlags,
  io: Io,
  referenceDate: string,
): Promise<number> {
  if (!/^postgres(ql)?:\/\//.test(opts.db)) {
    throw new CliError(`--enqueue needs a PostgreSQL --db (postgres://…); ${opts.db} is a SQLite file`, EXIT.USAGE);
  }
  const read = usage(() => readOptionsFrom(opts));
  const store = await storeFor(opts.db);
  try {
    if (!isJobQueue(store)) throw new CliError(`--db ${opts.db}: this database has no job queue`, EXIT.USAGE);
    const summary = await enqueueInputs(inputs, store, referenceDate, {
      read,
      onRejected: (r) => io.err(`parley: ${r.skipped}: ${r.reason}\n`),
    });
    io.out(
      opts.json
        ? JSON.stringify(summary) + '\n'
        : `read ${summary.read}, queued ${summary.queued}, unchanged ${summary.unchanged}, rejected ${summary.rejected}\n`,
    );
    return summary.rejected > 0 ? EXIT.SOME_REJECTED : EXIT.OK;
  } finally {
    await store.close();
  }
}
