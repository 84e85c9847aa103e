/**
 * `--manifest file.csv`: metadata that overrides what the inputs say. Columns: `origin` or `file`
 * (required), and any of `title, published, outlet, url`. A row matches an article by its exact
 * origin (`path#id`, a URL), or its file: the path as given, the path relative to the manifest's
 * folder, or the bare file name. A row for a file applies to every record in it; a row for `file#id`
 * to that record only, and wins over the file's row.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ArticleMeta } from '../model/doc.js';
import { normalisePublished } from './dates.js';
import { decodeBytes } from './decode.js';

const FIELDS = ['title', 'outlet', 'url'] as const;
const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/** Splits an origin into its file (or URL) and its `#record` part. */
function split(origin: string): [string, string] {
  const k = origin.lastIndexOf('#');
  return k < 0 ? [origin, ''] : [origin.slice(0, k), origin.slice(k)];
}

/** The keys an origin may be listed under, most specific first. */
function keysFor(origin: string): string[] {
  const [file, frag] = split(origin);
  const files = isUrl(file) ? [file] : [file, resolve(file), basename(file)];
  return [...(frag ? files.map((f) => f + frag) : []), ...files];
}

/**
 * Loads a manifest. Misuse (missing file, no `origin`/`file` column, malformed CSV) throws with a
 * message naming the file and the valid columns; a bad date in a row is left out.
 */
export function loadManifest(path: string): Map<string, ArticleMeta> {
  const where = `--manifest ${path}`;
  let text: string;
  try {
    const decoded = decodeBytes(new Uint8Array(readFileSync(path)));
    if ('error' in decoded) throw new Error(decoded.error);
    text = decoded.text;
  } catch (err) {
    throw new Error(`${where}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let rows: Record<string, string>[];
  let columns: string[] = [];
  try {
    rows = parse(text, { columns: (h: string[]) => (columns = h.map((c) => c.trim().toLowerCase())), skip_empty_lines: true, relax_quotes: true, trim: true });
  } catch (err) {
    throw new Error(`${where}: malformed CSV: ${(err as Error).message}`);
  }
  if (!columns.includes('origin') && !columns.includes('file')) {
    throw new Error(`${where}: needs an "origin" or "file" column (found: ${columns.join(', ') || 'none'}; valid: origin, file, title, published, outlet, url)`);
  }
  const manifest = new Map<string, ArticleMeta>();
  const base = dirname(resolve(path));
  for (const row of rows) {
    const key = row.origin || row.file;
    if (!key) continue;
    const meta: ArticleMeta = {};
    for (const f of FIELDS) if (row[f]) meta[f] = row[f];
    const published = normalisePublished(row.published);
    if (published) Object.assign(meta, { published, publishedFrom: 'manifest' });
    manifest.set(key, meta);
    if (!isUrl(key)) manifest.set(resolve(base, key), meta);
  }
  return manifest;
}

/** The manifest's metadata for an origin (file row, then the record's own row over it), if any. */
export function manifestMeta(manifest: Map<string, ArticleMeta>, origin: string): ArticleMeta | undefined {
  const keys = keysFor(origin);
  const frag = split(origin)[1];
  const fileKeys = frag ? keys.slice(keys.length / 2) : keys;
  const recordKeys = frag ? keys.slice(0, keys.length / 2) : [];
  const fileMeta = fileKeys.map((k) => manifest.get(k)).find(Boolean);
  const recordMeta = recordKeys.map((k) => manifest.get(k)).find(Boolean);
  if (!fileMeta && !recordMeta) return undefined;
  return { ...fileMeta, ...recordMeta };
}
