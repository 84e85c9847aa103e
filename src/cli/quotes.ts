/**
 * `parley quotes [--speaker NAME] [--json]`: every quotation in the store with its speaker.
 * `--speaker` matches (case-insensitively, as a substring) the speaker as written, or any alias of the
 * entity the speaker is linked to when corpus entities exist.
 */
import type { Command } from 'commander';
import { exportQuotes, type EntityRef } from '../annotate/quotes/link.js';
import { EXIT } from './exit-codes.js';
import type { Io, Runner } from './main.js';
import { DEFAULT_DB, withStore } from './options.js';

/** Stored entities carry aliases as `{text, count}`; the export shows them as strings. Both are accepted. */
type Entity = EntityRef & { name?: string; aliases?: (string | { text: string })[] };

/** Registers `parley quotes`. */
export function quotesCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('quotes')
    .description('list quotations with their speakers')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--speaker <name>', 'only quotes by this speaker (name or alias)')
    .option('--json', 'machine-readable output')
    .action(
      run(async (opts: { db: string; speaker?: string; json?: boolean }) => {
        return withStore(opts.db, async (store) => {
          const entities = await store.corpus<Entity>('entities');
          const byId = new Map(entities.map((e) => [e.id, e]));
          const want = opts.speaker?.toLowerCase();
          const matches = (speakerText: string | null, speaker: string | null) => {
            if (!want) return true;
            const entity = byId.get(speaker ?? '');
            const names = [speakerText ?? '', entity?.name ?? '', ...(entity?.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text))];
            return names.some((n) => n.toLowerCase().includes(want));
          };
          const rows = [];
          for await (const doc of store.allDocs()) rows.push(...exportQuotes(doc, entities).filter((q) => matches(q.speakerText, q.speaker)));
          if (opts.json) io.out(JSON.stringify(rows, null, 2) + '\n');
          else
            for (const q of rows)
              io.out(`${q.doc.slice(0, 8)}  ${(q.speakerText ?? '(unknown)').padEnd(24).slice(0, 24)}  ${q.direct ? '“' + q.text + '”' : '(reported) ' + q.text}\n`);
          return EXIT.OK;
        });
      }),
    );
}
