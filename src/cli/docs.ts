import type { Command } from 'commander';
import { CliError, EXIT } from './exit-codes.js';
import type { Io, Runner } from './main.js';
import { DEFAULT_DB, positiveInt, withStore } from './options.js';
import { publicationLines, timesLines } from '../annotate/times/show.js';

/** `parley docs`: one line per stored document. */
export function docsCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('docs')
    .description('list stored documents')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--limit <n>', 'at most this many', positiveInt)
    .option('--json', 'machine-readable output')
    .action(
      run(async (opts: { db: string; limit?: number; json?: boolean }) => {
        return withStore(opts.db, async (store) => {
          const docs = await store.listDocs({ limit: opts.limit });
          if (opts.json) io.out(JSON.stringify(docs, null, 2) + '\n');
          else
            for (const d of docs)
              io.out(
                `${d.id}  ${d.published ?? '????-??-??'}  ${(d.outlet ?? '-').padEnd(18).slice(0, 18)}  ` +
                  `${d.title ?? '(no title)'}  [${d.chars} chars, ${d.removed} removed, ${d.origins} origin(s)]\n`,
              );
          return EXIT.OK;
        });
      }),
    );
}

/** `parley show <doc>`: metadata, clean text and every removed line with its reason. */
export function showCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('show')
    .description('show one document: metadata, clean text, removed lines with reasons')
    .argument('<doc>', 'document id or a unique prefix of it (at least 4 characters)')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--json', 'machine-readable output')
    .action(
      run(async (id: string, opts: { db: string; json?: boolean }) => {
        return withStore(opts.db, async (store) => {
          const doc = await store.getDoc(id);
          if (!doc) throw new CliError(`no document with id "${id}" (or the prefix is ambiguous); see parley docs`, EXIT.NOT_FOUND);
          const origins = (await store.originals(doc.id)).map((o) => o.origin);
          if (opts.json) {
            io.out(JSON.stringify({ ...doc, origins }, null, 2) + '\n');
            return EXIT.OK;
          }
          const p = doc.published;
          io.out(
            [
              `id:        ${doc.id}`,
              `title:     ${doc.title ?? '(none found)'}`,
              `outlet:    ${doc.outlet ?? '(none found)'}`,
              `published: ${p.date ?? 'unknown'} (${p.source}, confidence ${p.confidence})`,
              ...publicationLines(doc),
              `origins:   ${origins.join(', ')}`,
              ...doc.flags.map((f) => `flag:      ${f.kind} ${f.score.toFixed(2)} — ${f.evidence.join('; ')}`),
              ...doc.diagnostics.map((d) => `problem:   [${d.stage}] ${d.message}`),
              '',
              doc.text,
              '',
              `removed (${doc.removed.length}):`,
              ...doc.removed.map((r) => `  [${r.reason}] ${r.text.replace(/\n/g, ' ⏎ ')}`),
              '',
              ...timesLines(doc),
              '',
            ].join('\n'),
          );
          return EXIT.OK;
        });
      }),
    );
}
