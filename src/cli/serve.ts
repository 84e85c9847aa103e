import type { Command } from 'commander';
import { makeContext } from '../context.js';
import { loadPack } from '../packs/load.js';
import { buildServer, DEFAULT_RATE_LIMIT } from '../server/app.js';
import { isLoopback } from '../server/security.js';
import { CliError, EXIT } from './exit-codes.js';
import type { Io, Runner } from './main.js';
import { DEFAULT_DB, storeFor, usage } from './options.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CliError(`--port: expected 0 to 65535, got "${value}"`, EXIT.USAGE);
  return n;
}

function rate(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--rate-limit: expected a whole number (0 for none), got "${value}"`, EXIT.USAGE);
  return n;
}

/**
 * `parley serve`: the HTTP API and web UI over the store, on 127.0.0.1 unless `--host` says
 * otherwise. Writes (`POST /api/ingest`) need `--token` (or `PARLEY_TOKEN`); runs until interrupted.
 */
export function serveCommand(program: Command, io: Io, run: Runner): void {
  program
    .command('serve')
    .description('HTTP API and web UI over the database (127.0.0.1 unless --host)')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--token <secret>', 'bearer token that allows POST /api/ingest (default: $PARLEY_TOKEN)')
    .option('--rate-limit <n>', 'requests per minute per client (0: none)', String(DEFAULT_RATE_LIMIT))
    .option('--pack <name>', 'domain pack for POST /api/ingest (russia-ukraine|none)', 'russia-ukraine')
    .action(
      run(async (opts: { db: string; port: string; host: string; token?: string; rateLimit: string; pack: string }) => {
        const token = opts.token ?? process.env.PARLEY_TOKEN ?? undefined;
        const listenPort = port(opts.port);
        const rateLimit = rate(opts.rateLimit);
        const pack = usage(() => loadPack(opts.pack));
        const store = await storeFor(opts.db);
        const app = await buildServer({
          store,
          token,
          host: opts.host,
          rateLimit,
          context: () => makeContext({ referenceDate: new Date().toISOString().slice(0, 10), pack }),
        });
        try {
          await app.listen({ host: opts.host, port: listenPort });
        } catch (err) {
          await store.close();
          throw new CliError(`cannot listen on ${opts.host}:${listenPort} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, EXIT.FATAL);
        }
        const addr = app.server.address();
        const shown = typeof addr === 'object' && addr ? `${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}` : String(addr);
        io.out(`parley: serving ${opts.db} at http://${shown}/ (writes ${token ? 'need the token' : 'disabled: no --token'})\n`);
        if (!isLoopback(opts.host)) io.err(`parley: warning: listening on ${opts.host}, reachable from other machines\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await app.close();
        await store.close();
        return EXIT.OK;
      }),
    );
}
