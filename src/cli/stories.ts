/**
 * `parley stories`: the story clusters, biggest first — id, number of documents, date range and
 * title, then one line per document. `--json` prints the stored `{id, title, docs}` items.
 */
import type { Command } from 'commander';
import type { Story } from '../resolve/stories/resolver.js';
import { EXIT } from './exit-codes.js';
import type { Io, Runner } from './main.js';
import { DEFAULT_DB, withStore } from './options.js';

/** Registers `parley stories [--db FILE] [--json]`. */
export function storiesCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('stories')
    .description('story clusters: documents about the same developing story, with a title')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--json', 'machine-readable output')
    .action(
      run(async (opts: { db: string; json?: boolean }) => {
        return withStore(opts.db, async (store) => {
          const stories = await store.corpus<Story>('stories');
          if (opts.json) {
            io.out(JSON.stringify(stories, null, 2) + '\n');
            return EXIT.OK;
          }
          for (const s of stories) {
            const docs = await Promise.all(s.docs.map((id) => store.getDoc(id)));
            const dates = docs.map((d) => d?.published.date).filter((d): d is string => !!d).sort();
            const range = dates.length === 0 ? 'undated' : dates[0] === dates.at(-1) ? dates[0] : `${dates[0]}..${dates.at(-1)}`;
            io.out(`${s.id}  ${s.docs.length} doc${s.docs.length === 1 ? '' : 's'}  ${range}  ${s.title}\n`);
            for (const d of docs) if (d) io.out(`    ${d.id}  ${d.published.date ?? '????-??-??'}  ${d.title ?? d.origin}${d.duplicateOf ? `  (copy of ${d.duplicateOf})` : ''}\n`);
          }
          if (stories.length === 0) io.out('no stories yet: ingest some articles first\n');
          return EXIT.OK;
        });
      }),
    );
}
