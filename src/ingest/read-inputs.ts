/**
 * Turns the command line's inputs (files, folders, URLs) into raw articles, one reader per kind.
 * Every input that cannot be read becomes a `Rejected` naming it and the problem; the rest go on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadOptions, ReadResult } from './types.js';
import { DEFAULT_MAX_BYTES } from './types.js';
import { readTextFile } from './text.js';

/** Reads every input in order; folders recursively, in sorted order so runs are repeatable. */
export async function* readInputs(inputs: string[], opts: Partial<ReadOptions> = {}): AsyncGenerator<ReadResult> {
  const options: ReadOptions = { maxBytes: DEFAULT_MAX_BYTES, ...opts };
  for (const input of inputs) yield* readPath(input, options);
}

async function* readPath(path: string, opts: ReadOptions): AsyncGenerator<ReadResult> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    yield { skipped: path, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    return;
  }
  if (info.isDirectory()) {
    let names: string[];
    try {
      names = (await readdir(path)).sort();
    } catch (err) {
      yield { skipped: path, reason: `cannot list folder: ${(err as NodeJS.ErrnoException).code}` };
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      yield* readPath(join(path, name), opts);
    }
    return;
  }
  if (info.size > opts.maxBytes) {
    yield { skipped: path, reason: `too large: ${info.size} bytes (limit ${opts.maxBytes}; see --max-bytes)` };
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    yield { skipped: path, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    return;
  }
  yield* readTextFile(path, bytes, opts);
}
