/**
 * Everything a stage may take from the environment comes through the `Context`: the reference date,
 * the domain pack, options and the logger. No stage reads the clock or the environment itself.
 */

/** Where progress and warnings go. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** A domain pack's data; each capability adds its own part by interface merging. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Pack {
  name: string;
}

export interface Context {
  /** "Today" for this run, as `YYYY-MM-DD`; used only where a document gives no date of its own. */
  referenceDate: string;
  pack: Pack;
  log: Logger;
  options: Record<string, unknown>;
}

export const silentLogger: Logger = { info: () => {}, warn: () => {} };

/** A context for tests and library use, with no pack and a silent logger. */
export function makeContext(over: Partial<Context> = {}): Context {
  return { referenceDate: '1970-01-01', pack: { name: 'none' }, log: silentLogger, options: {}, ...over };
}
