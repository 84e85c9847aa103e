/**
 * `parley` command line. Each command lives in its own file; this one wires them to commander,
 * maps errors to one line on stderr and to the documented exit codes.
 */
import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './exit-codes.js';
import { ingestCommand } from './ingest.js';
import { exportCommand } from './export.js';
import { docsCommand, showCommand } from './docs.js';
import { storiesCommand } from './stories.js';
import { workerCommand } from './worker.js';
import { contradictionsCommand, timelineCommand } from './timeline.js';
import { serveCommand } from './serve.js';
import { quotesCommand } from './quotes.js';
import { claimsCommand } from './claims.js';
import { entitiesCommand } from './entities.js';
import { resolveCommand } from './resolve.js';

/** Where a command writes; tests pass their own. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const processIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** Runs `parley` with `argv` (without the node and script names) and resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.OK;
  const program = new Command('parley')
    .description('Turn news articles about a negotiation or conflict into a sourced timeline.')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError(false);
  const run = (fn: (...args: any[]) => Promise<number>) => async (...args: any[]) => {
    code = await fn(...args);
  };
  ingestCommand(program, io, run);
  exportCommand(program, io, run);
  docsCommand(program, io, run);
  showCommand(program, io, run);
  storiesCommand(program, io, run);
  workerCommand(program, io, run);
  timelineCommand(program, io, run);
  contradictionsCommand(program, io, run);
  serveCommand(program, io, run);
  quotesCommand(program, io, run);
  claimsCommand(program, io, run);
  entitiesCommand(program, io, run);
  resolveCommand(program, io, run);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (err instanceof CliError) {
      io.err(`parley: ${err.message}\n`);
      return err.code;
    }
    io.err(`parley: ${(err as Error).message}\n`);
    return EXIT.FATAL;
  }
  return code;
}

/** Wraps a command action so it can set the exit code. */
export type Runner = (fn: (...args: any[]) => Promise<number>) => (...args: any[]) => Promise<void>;
