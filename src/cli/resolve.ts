/**
 * `parley resolve [--full]`: resolves the corpus now. Ingest and workers resolve after every run, so
 * this is for two cases: after a crash left documents unresolved (any later ingest would also catch
 * up), and `--full`, which re-resolves everything from scratch. Past `INCREMENTAL_FROM` documents an
 * ingest resolves incrementally: an article's story is decided when it arrives and not revisited, so
 * a full resolution now and then re-clusters every story in publication order.
 */
import type { Command } from 'commander';
import { makeContext } from '../context.js';
import { loadPack } from '../packs/load.js';
import { resolveCorpus } from '../resolve/resolve.js';
import { EXIT } from './exit-codes.js';
import type { Io, Runner } from './main.js';
import { DEFAULT_DB, today, usage, withStore } from './options.js';

/** Registers `parley resolve [--db FILE|URL] [--full] [--pack NAME]`. */
export function resolveCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('resolve')
    .description('resolve the corpus now (stories, events, entities, …); --full re-resolves everything from scratch')
    .option('--db <path>', 'database file or postgres:// URL', DEFAULT_DB)
    .option('--full', 'resolve every document again and rebuild the incremental state')
    .option('--pack <name>', 'domain pack (russia-ukraine|none)', 'russia-ukraine')
    .action(
      run(async (opts: { db: string; full?: boolean; pack: string }) => {
        const pack = usage(() => loadPack(opts.pack));
        return withStore(opts.db, async (store) => {
          const { mode, docs } = await store.withResolverLease(async () => {
            const { changed } = await store.corpusGeneration();
            const pending = (await store.unresolvedDocIds()).length;
            const mode = await resolveCorpus(store, makeContext({ referenceDate: today(), pack }), undefined, { full: opts.full });
            await store.markResolved(changed);
            return { mode, docs: mode === 'full' ? await store.countDocs() : pending };
          });
          io.out(`resolved ${docs} document${docs === 1 ? '' : 's'} (${mode})\n`);
          return EXIT.OK;
        });
      }),
    );
}
