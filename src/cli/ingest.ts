import type { Command } from 'commander';
import { makeContext } from '../context.js';
import { ingest } from '../ingest-batch.js';
import { EXIT } from './exit-codes.js';
import { readOptionsFrom, type ReadFlags } from '../ingest/options.js';
import type { Io, Runner } from './main.js';
import { DEFAULT_DB, positiveInt, storeFor, today, usage } from './options.js';
import { ingestProgress } from './progress.js';
import { enqueueAction } from './worker.js';
import { loadPack } from '../packs/load.js';
import { threadCount } from '../worker/threads.js';

/** `parley ingest <inputs…>`: read, clean, annotate and store; prints read/new/duplicate/rejected. */
export function ingestCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('ingest')
    .description('read files, folders, URLs or feeds into the database')
    .argument('<inputs...>', 'files, folders (recursively), http(s) URLs or RSS/Atom feeds')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--pack <name>', 'domain pack (russia-ukraine|none)', 'russia-ukraine')
    .option('--manifest <file.csv>', 'CSV of metadata by origin (origin,title,published,outlet,url)')
    .option('--max-bytes <n>', 'reject inputs larger than this', positiveInt)
    .option('--allow-private', 'allow fetching URLs on private, loopback and link-local addresses')
    .option('--json', 'print the summary as JSON')
    .option('--enqueue', 'only queue the articles for `parley worker` (PostgreSQL --db)')
    .option('--threads <n>', 'annotation threads (default: one per core, or PARLEY_THREADS; 1 = none)', positiveInt)
    .action(
      run(async (inputs: string[], opts: { db: string; pack: string; maxBytes?: number; json?: boolean; enqueue?: boolean; threads?: number } & ReadFlags) => {
        if (opts.enqueue) return enqueueAction(inputs, opts, io, today());
        const read = usage(() => readOptionsFrom(opts));
        const pack = usage(() => loadPack(opts.pack));
        const threads = usage(() => threadCount(opts.threads));
        const store = await storeFor(opts.db);
        const progress = ingestProgress();
        try {
          const summary = await ingest(inputs, store, makeContext({ referenceDate: today(), pack }), {
            read,
            threads,
            db: opts.db,
            onRejected: (r) => io.err(`parley: ${r.skipped}: ${r.reason}\n`),
            onProgress: progress.update,
          });
          progress.stop();
          io.out(
            opts.json
              ? JSON.stringify(summary) + '\n'
              : `read ${summary.read}, new ${summary.new}, duplicate ${summary.duplicate}, ` +
                  `unchanged ${summary.unchanged}, rejected ${summary.rejected}\n`,
          );
          return summary.rejected > 0 ? EXIT.SOME_REJECTED : EXIT.OK;
        } finally {
          progress.stop();
          await store.close();
        }
      }),
    );
}

