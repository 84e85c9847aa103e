import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { buildExport } from '../export/json.js';
import { exportCsv } from '../export/csv.js';
import { CliError, EXIT } from './exit-codes.js';
import type { Io, Runner } from './main.js';
import { DEFAULT_DB, storeFor } from './options.js';

/** `parley export --format json|csv [--out FILE]`: the version-1 contract, or documents as CSV. */
export function exportCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('export')
    .description('write the whole database as JSON (contract v1) or CSV')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .option('--out <file>', 'write to this file instead of stdout')
    .action(
      run(async (opts: { db: string; format: 'json' | 'csv'; out?: string }) => {
        const store = await storeFor(opts.db);
        try {
          const data = await buildExport(store);
          const text = opts.format === 'csv' ? exportCsv(data) : JSON.stringify(data, null, 2) + '\n';
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
        } finally {
          await store.close();
        }
      }),
    );
}
