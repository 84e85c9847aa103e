/**
 * How to start an annotation thread from wherever Parley is running. Compiled (`dist/`, what
 * `bin/parley.js` runs) the thread is `doc-thread.js` next to this module, started as it is. From the
 * TypeScript source (tests, benchmarks, `node --import tsx`) it is `doc-thread.ts`, which Node cannot
 * load by itself: the thread first registers tsx's loader (found from this module's location, not from
 * the working directory), then imports it. Node 20 does not apply a parent's `--import tsx` to worker
 * threads, so the parent's own flag is not relied on (and is left out, so the loader is not registered
 * twice).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What `new Worker(entry, { eval, execArgv })` needs. */
export interface ThreadLaunch {
  /** A file URL (compiled), or the bootstrap source to evaluate (TypeScript source). */
  entry: URL | string;
  eval: boolean;
  execArgv: string[];
}

/** The thread module's name without extension, next to `moduleUrl`. */
const THREAD = 'doc-thread';

/** How to start the annotation thread that sits next to the module at `moduleUrl`. */
export function threadLaunch(moduleUrl: string, execArgv: string[] = process.execArgv): ThreadLaunch {
  const ext = /\.([cm]?[jt]s)$/.exec(new URL(moduleUrl).pathname)?.[1];
  if (ext === 'js' || ext === 'mjs') return { entry: new URL(`./${THREAD}.${ext}`, moduleUrl), eval: false, execArgv };
  if (ext !== 'ts' && ext !== 'mts') throw new Error(`cannot start annotation threads from ${moduleUrl}: expected a .js or .ts module`);
  const thread = new URL(`./${THREAD}.${ext}`, moduleUrl).href;
  const api = tsxApi(moduleUrl);
  const entry = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(thread)}); });`;
  return { entry, eval: true, execArgv: withoutTsx(execArgv) };
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

/** `execArgv` without a `--import tsx` / `--loader tsx` (the thread registers tsx itself). */
export function withoutTsx(execArgv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i];
    if ((a === '--import' || a === '--loader' || a === '--experimental-loader') && /^tsx(\/|$)/.test(execArgv[i + 1] ?? '')) {
      i++;
      continue;
    }
    if (/^--(import|loader|experimental-loader)=tsx(\/|$)/.test(a)) continue;
    out.push(a);
  }
  return out;
}
