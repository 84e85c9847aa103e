import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RawArticle, Rejected } from '../../src/model/doc.js';
import { readInputs } from '../../src/ingest/read-inputs.js';
import type { ReadOptions } from '../../src/ingest/types.js';
import { isRejected } from '../../src/ingest/types.js';

/** A fresh temporary folder (not `test/helpers.ts`'s: that one loads the whole CLI, slow to import). */
export function tempDir(prefix = 'parley-ingest-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Fictional texts in scripts that need more than ASCII. */
export const CYRILLIC =
  'Министр иностранных дел Заревии Борислав Кветко заявил в четверг, что переговоры с делегацией Ордании ' +
  'продолжатся в Велиграде на следующей неделе. По его словам, стороны обсудили обмен пленными и коридоры.';
export const FRENCH =
  "La ministre des Affaires étrangères de l'Ostravie, Élodie Marchand, a déclaré jeudi que les négociations " +
  'reprendraient à Brécourt. « Nous sommes prêts à un cessez-le-feu », a-t-elle ajouté.';
export const SMART_QUOTES =
  'Ostravian envoy Renée Duval said \u201ctalks resume on Monday\u201d \u2014 the first round since the ceasefire ' +
  'collapsed in Brécourt\u2019s old town, where Zarevian officers had met the délégation.';
export const POLISH =
  'Minister Małgorzata Żółkiewska z Ostrawii powiedziała, że rozmowy w Łękowie zostaną wznowione w środę; ' +
  'delegacja Zarewii przybędzie we wtorek, a żołnierze wycofają się spod Gdańca.';

/** An HTML fragment as the readers hand it to the cleaner: wrapped into a document. */
export const doc = (fragment: string) => `<html><body>${fragment}</body></html>`;

/** Writes files (path → content) under a fresh temporary folder and returns the folder. */
export function writeTree(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('parley-ingest-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Everything `readInputs` yields, in order. */
export async function readAll(inputs: string[], opts: Partial<ReadOptions> = {}): Promise<(RawArticle | Rejected)[]> {
  const out: (RawArticle | Rejected)[] = [];
  for await (const r of readInputs(inputs, opts)) out.push(r);
  return out;
}

/** A compact view of results for exact comparison: articles without their bytes, rejections as lines; `base` is cut off the front of origins. */
export function summarise(results: (RawArticle | Rejected)[], base = ''): unknown[] {
  const rel = (s: string) => (base && s.startsWith(base) ? s.slice(base.length) : s);
  return results.map((r) =>
    isRejected(r)
      ? `${rel(r.skipped)}: ${r.reason}`
      : { origin: rel(r.origin), body: r.body, contentType: r.contentType, meta: r.meta, encoding: r.encoding },
  );
}
