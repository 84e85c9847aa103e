import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { buildExport } from '../export/json.js';
import type { ExportV1 } from '../model/export.js';
import { exportCsv } from '../export/csv.js';
import { reportHtml, reportMarkdown, selectReport } from '../export/report.js';
import { CliError, EXIT } from './exit-codes.js';
import type { Io, Runner } from './main.js';
import { DEFAULT_DB, withStore } from './options.js';

/** `parley export --format json|csv [--out FILE]`: the version-1 contract, or documents as CSV. */
export function exportCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('export')
    .description('write the database as JSON (contract v1) or CSV, or a story report as Markdown or HTML')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'md', 'html']).default('json'))
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--story <id>', 'md/html: report on this story only')
    .action(
      run(async (opts: { db: string; format: 'json' | 'csv' | 'md' | 'html'; out?: string; story?: string }) => {
        return withStore(opts.db, async (store) => {
          const data = await buildExport(store);
          const text = render(data, opts.format, opts.story);
          if (!opts.out) {
            io.out(text);
            return EXIT.OK;
          }
          try {
            await writeFile(opts.out, text);
          } catch (err) {
            throw new CliError(`--out ${opts.out}: cannot write (${(err as NodeJS.ErrnoException).code})`, EXIT.FATAL);
          }
          return EXIT.OK;
        });
      }),
    );
}

function render(data: ExportV1, format: 'json' | 'csv' | 'md' | 'html', story?: string): string {
  if (format === 'csv') return exportCsv(data);
  if (format === 'json') return JSON.stringify(data, null, 2) + '\n';
  let report;
  try {
    report = selectReport(data, story);
  } catch (err) {
    throw new CliError((err as Error).message, EXIT.NOT_FOUND);
  }
  return format === 'md' ? reportMarkdown(report) : reportHtml(report);
}
