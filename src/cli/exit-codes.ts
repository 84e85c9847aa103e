/** Exit codes of `parley`, documented in the README. */
export const EXIT = {
  /** everything worked */
  OK: 0,
  /** the command ran, but some inputs were rejected (each named on stderr) */
  SOME_REJECTED: 1,
  /** the command line was wrong (unknown option, missing argument, bad value) */
  USAGE: 2,
  /** nothing could be done: the database cannot be opened, an output cannot be written, … */
  FATAL: 3,
  /** the thing asked for does not exist (e.g. `parley show` with an unknown id) */
  NOT_FOUND: 4,
} as const;

/** An error that ends the command with a given exit code and a one-line message. */
export class CliError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}
