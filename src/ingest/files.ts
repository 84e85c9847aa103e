/**
 * Local inputs: folders walked recursively in sorted order (dotfiles skipped, each real folder read
 * once, so symlink loops end), and files read whole after a size check.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Rejected } from '../model/doc.js';
import { reject } from './types.js';

const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** Every file under `path` (or `path` itself), in sorted order, and a rejection for each unreadable one. */
export async function* walk(path: string, visited = new Set<string>()): AsyncGenerator<{ file: string } | Rejected> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    yield reject(path, `cannot read: ${code(err)}`);
    return;
  }
  if (info.isFile()) {
    yield { file: path };
    return;
  }
  if (!info.isDirectory()) {
    yield reject(path, 'cannot read: not a regular file or folder (a FIFO, socket or device)');
    return;
  }
  const real = await realpath(path);
  if (visited.has(real)) {
    yield reject(path, `skipped: ${real} was already read (a symlink loop or a second link to one folder)`);
    return;
  }
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (err) {
    yield reject(path, `cannot list folder: ${code(err)}`);
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    // a plain file needs no second look (a corpus folder is thousands of them); links and folders do
    if (entry.isFile()) yield { file: join(path, entry.name) };
    else yield* walk(join(path, entry.name), visited);
  }
}

/**
 * A file's bytes, or why not: too large (checked before reading) or unreadable. One descriptor, read
 * synchronously: the size comes from it (no second look-up by name), and a news article is read in
 * microseconds, where each asynchronous step cost a round trip through libuv's thread pool (~25 µs of
 * CPU, four of them per file, on the thread that also stores).
 */
export async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array | Rejected> {
  let fd: number | null = null;
  try {
    // non-blocking: a FIFO swapped in since `walk` looked would otherwise block the thread in open()
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile()) return reject(path, 'cannot read: not a regular file or folder (a FIFO, socket or device)');
    const size = info.size;
    if (size > maxBytes) return reject(path, `too large: ${size} bytes (limit ${maxBytes}; see --max-bytes)`);
    return new Uint8Array(readFileSync(fd));
  } catch (err) {
    return reject(path, `cannot read: ${code(err)}`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
