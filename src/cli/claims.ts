/** `parley claims [--json]`: every numeric claim in the store with its claimant and as-of date. */
import type { Command } from 'commander';
import { exportClaims } from '../annotate/claims/export.js';
import type { EntityRef } from '../annotate/quotes/link.js';
import { EXIT } from './exit-codes.js';
import type { Io, Runner } from './main.js';
import { DEFAULT_DB, withStore } from './options.js';

/** Registers `parley claims`. */
export function claimsCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('claims')
    .description('list numeric claims (casualties, damage, troops, …) with their claimants')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--json', 'machine-readable output')
    .action(
      run(async (opts: { db: string; json?: boolean }) => {
        return withStore(opts.db, async (store) => {
          const entities = await store.corpus<EntityRef>('entities');
          const rows: (ReturnType<typeof exportClaims>[number] & { claimantText: string | null })[] = [];
          for await (const doc of store.allDocs()) {
            const layer = doc.layers.claims ?? [];
            exportClaims(doc, entities).forEach((c, i) => rows.push({ ...c, claimantText: layer[i].claimantText }));
          }
          if (opts.json) io.out(JSON.stringify(rows, null, 2) + '\n');
          else
            for (const c of rows)
              io.out(`${c.doc.slice(0, 8)}  ${c.asOf ?? '????-??-??'}  ${(c.claimantText ?? '(no claimant)').padEnd(24).slice(0, 24)}  ${c.text}\n`);
          return EXIT.OK;
        });
      }),
    );
}
