/**
 * Threads from compiled JavaScript, as `bin/parley.js` runs them (from `dist/`, plain `node`, no tsx):
 * the sources are transpiled to a temporary `dist/` laid out like the real one, a plain `node` process
 * starts a pool from it, and its documents must equal those made here from the TypeScript source.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/context.js';
import { prepareHere } from '../../src/worker/prepare.js';
import { makeRaw, tempDir } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Transpiles every `src/**.ts` to `<out>/dist/**.js` (no type check: tsc's job), with the repository's data beside it. */
function buildDist(out: string): void {
  const src = join(ROOT, 'src');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  for (const file of walk(src)) {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
      fileName: file,
    }).outputText;
    const target = join(out, 'dist', relative(src, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const name of ['node_modules', 'packs', 'src']) symlinkSync(join(ROOT, name), join(out, name));
}

const raws = [
  makeRaw('a.txt', 'Talks resume\n\nEnvoys of Aldoria met Brevnian officials in Kessel on Monday, the ministry said.\n"We are close," Anna Dorr said.'),
  makeRaw('b.html', '<html><body><article><h1>Ceasefire</h1><p>A ceasefire began on 3 May 2031, officials said.</p></article></body></html>', { contentType: 'text/html' }),
  makeRaw('c.txt', '\u0000\u0001binary'),
];

describe('annotation threads from compiled JavaScript', () => {
  it('start under plain node from dist/ and make the same documents', async () => {
    const out = tempDir('parley-dist-');
    buildDist(out);
    const pool = pathToFileURL(join(out, 'dist', 'worker', 'doc-pool.js')).href;
    const script = `
      import { DocPool } from ${JSON.stringify(pool)};
      const raws = ${JSON.stringify(raws.map((r) => ({ ...r, bytes: [...r.bytes] })))}.map((r) => ({ ...r, bytes: new Uint8Array(r.bytes) }));
      const pool = new DocPool({ size: 2, ctx: { pack: { name: 'none' }, options: {} } });
      await pool.ready();
      const docs = await Promise.all(raws.map((r) => pool.prepare(r, '2031-06-01', async (o, keys) => new Map(keys.map((k) => [k, 0])))));
      console.log(JSON.stringify({ docs, stats: pool.stats }));
      await pool.close();`;
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: out, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    const got = JSON.parse(stdout) as { docs: unknown[]; stats: unknown };
    expect(got.stats).toEqual({ inThreads: 3, here: 0, stopped: 0 });
    const ctx = makeContext({ referenceDate: '2031-06-01' });
    const here = await Promise.all(raws.map((r) => prepareHere(r, async (o, keys) => new Map(keys.map((k) => [k, 0])), ctx)));
    expect(got.docs).toEqual(JSON.parse(JSON.stringify(here)));
  }, 120_000);
});
