import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewsDoc, RawArticle } from '../src/model/doc.js';
import { docId } from '../src/model/id.js';
import { main } from '../src/cli/main.js';

/** A fresh temporary folder. */
export function tempDir(prefix = 'parley-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A document built by hand, for stage tests. */
export function makeDoc(text: string, over: Partial<NewsDoc> = {}): NewsDoc {
  return {
    id: docId(text),
    origin: 'test',
    title: null,
    outlet: null,
    published: { date: null, source: 'none', confidence: 0, evidence: [] },
    text,
    removed: [],
    flags: [],
    diagnostics: [],
    meta: {},
    layers: {},
    duplicateOf: null,
    ...over,
  };
}

/** A raw plain-text article built by hand. */
export function makeRaw(origin: string, body: string, over: Partial<RawArticle> = {}): RawArticle {
  return { origin, body, contentType: 'text/plain', meta: {}, bytes: new TextEncoder().encode(body), encoding: 'UTF-8', ...over };
}

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** `../shared` beside the project, where the seeds and evaluation data live (absent on some machines). */
export const SHARED = join(import.meta.dirname, '..', '..', 'shared');
