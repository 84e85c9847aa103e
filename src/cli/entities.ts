/**
 * `parley entities [--type T] [--json]`: every entity, most mentioned first — name, type, mention
 * count, Wikidata id and spellings. `parley entity <name>`: one entity (by id, name or any spelling)
 * with its spellings and counts, roles, every mention in context, and its documents.
 */
import type { Command } from 'commander';
import { foldName } from '../annotate/mentions/key.js';
import type { Entity } from '../resolve/entities/types.js';
import { CliError, EXIT } from './exit-codes.js';
import type { Io, Runner } from './main.js';
import { DEFAULT_DB, withStore } from './options.js';

const TYPES = ['person', 'organization', 'place', 'outlet', 'other'];

/** Characters of context shown on each side of a mention by `parley entity`. */
const CONTEXT_CHARS = 60;

export function entitiesCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('entities')
    .description('people, organisations, places and outlets with all their spellings')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--type <type>', `only this type (${TYPES.join('|')})`)
    .option('--json', 'machine-readable output')
    .action(
      run(async (opts: { db: string; type?: string; json?: boolean }) => {
        if (opts.type && !TYPES.includes(opts.type)) throw new CliError(`unknown type "${opts.type}"; choose from ${TYPES.join(', ')}`, EXIT.USAGE);
        return withStore(opts.db, async (store) => {
          const all = await store.corpus<Entity>('entities');
          const entities = all.filter((e) => !opts.type || e.type === opts.type);
          if (opts.json) {
            io.out(JSON.stringify(entities, null, 2) + '\n');
            return EXIT.OK;
          }
          for (const e of entities) {
            const spellings = e.aliases.filter((a) => a.text !== e.name).map((a) => a.text);
            io.out(`${e.id}  ${e.type.padEnd(12)} ${String(e.mentions.length).padStart(4)}  ${e.name}${e.kb ? ` (${e.kb})` : ''}${spellings.length ? `  aka ${spellings.join(', ')}` : ''}\n`);
          }
          if (entities.length === 0) io.out('no entities yet: ingest some articles first\n');
          return EXIT.OK;
        });
      }),
    );
  program
    .command('entity')
    .description('one entity: spellings with counts, roles, mentions in context, documents')
    .argument('<name>', 'entity id, name or any spelling')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--json', 'machine-readable output')
    .action(
      run(async (name: string, opts: { db: string; json?: boolean }) => {
        return withStore(opts.db, async (store) => {
          const entities = await store.corpus<Entity>('entities');
          const key = foldName(name);
          const found = entities.filter((e) => e.id === name || foldName(e.name) === key || e.aliases.some((a) => foldName(a.text) === key));
          if (found.length === 0) throw new CliError(`no entity named "${name}"`, EXIT.NOT_FOUND);
          const e = found[0];
          if (opts.json) {
            io.out(JSON.stringify(e, null, 2) + '\n');
            return EXIT.OK;
          }
          io.out(`${e.name}  [${e.type}]  ${e.id}${e.kb ? `  ${e.kb}` : ''}${found.length > 1 ? `  (${found.length - 1} more match)` : ''}\n`);
          io.out(`spellings: ${e.aliases.map((a) => `${a.text} ×${a.count}`).join(', ')}\n`);
          for (const r of e.roles) io.out(`role: ${r.title}${r.of ? ` (${r.of})` : ''} ${r.from ?? '?'}..${r.to ?? ''}  [${r.source}]\n`);
          const docs = new Map<string, string>();
          for (const m of e.mentions) {
            const doc = await store.getDoc(m.doc);
            if (!doc) continue;
            docs.set(doc.id, `${doc.published.date ?? '????-??-??'}  ${doc.title ?? doc.origin}`);
            const before = doc.text.slice(Math.max(0, m.start - CONTEXT_CHARS), m.start).replace(/\s+/g, ' ');
            const after = doc.text.slice(m.end, m.end + CONTEXT_CHARS).replace(/\s+/g, ' ');
            io.out(`  ${doc.id.slice(0, 8)} ${m.start}-${m.end}  …${before}[${m.text}]${after}…\n`);
          }
          io.out(`documents:\n${[...docs].map(([id, line]) => `  ${id}  ${line}`).join('\n')}\n`);
          for (const merge of e.merges) io.out(`merged: "${merge.a}" → "${merge.b}": ${merge.reason}\n`);
          return EXIT.OK;
        });
      }),
    );
}
