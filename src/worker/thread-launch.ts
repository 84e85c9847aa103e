/**
 * How to start an annotation thread from wherever Parley is running. Compiled (`dist/`, what
 * `bin/parley.js` runs) the thread is `doc-thread.js` next to this module, started as it is. From the
 * TypeScript source (tests, benchmarks, `node --import tsx`) it is `doc-thread.ts`, which Node cannot
 * load by itself: the thread first registers tsx's loader (found from this module's location, not from
 * the working directory), then imports it (Node 20 does not apply a parent's `--import tsx` to worker
 * threads). Threads start without the parent's Node flags: none is needed, and some break a thread
 * (`--input-type`, or a second tsx registration).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What `new Worker(entry, { eval })` needs. */
export interface ThreadLaunch {
  /** A file URL (compiled), or the bootstrap source to evaluate (TypeScript source). */
  entry: URL | string;
  eval: boolean;
}

/**
 * How to start the thread module `name` (without extension: the annotation thread `doc-thread`, the
 * resolver thread `resolve-thread`) that sits next to the module at `moduleUrl`.
 */
export function threadLaunch(moduleUrl: string, name = 'doc-thread'): ThreadLaunch {
  const ext = /\.([cm]?[jt]s)$/.exec(new URL(moduleUrl).pathname)?.[1];
  if (ext === 'js' || ext === 'mjs') return { entry: new URL(`./${name}.${ext}`, moduleUrl), eval: false };
  if (ext !== 'ts' && ext !== 'mts') throw new Error(`cannot start the ${name} thread from ${moduleUrl}: expected a .js or .ts module`);
  const thread = new URL(`./${name}.${ext}`, moduleUrl).href;
  const api = tsxApi(moduleUrl);
  const entry = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(thread)}); });`;
  return { entry, eval: true };
}

/** The file URL of tsx's ESM register API (`tsx/esm/api`), resolved from `moduleUrl` as Node would. */
export function tsxApi(moduleUrl: string): string {
  let manifest: string;
  try {
    manifest = createRequire(fileURLToPath(moduleUrl)).resolve('tsx/package.json');
  } catch {
    throw new Error('running Parley from its TypeScript source needs the tsx package (npm i -D tsx); or build it (npm run build) and run dist/');
  }
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown> }).exports ?? {};
  const target = (exports['./esm/api'] as { import?: { default?: string } } | undefined)?.import?.default;
  if (!target) throw new Error(`${manifest}: this tsx has no ./esm/api export; Parley needs tsx 4 or later`);
  return pathToFileURL(join(dirname(manifest), target)).href;
}
