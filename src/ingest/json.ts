/**
 * Readers for `.json` (one article object, or an array of them) and `.jsonl` (one object per line).
 * Malformed JSON is rejected with its line and column; in JSONL only the bad line is rejected.
 */
import iconv from 'iconv-lite';
import { parseJson } from './json-error.js';
import { recordId, recordToArticle } from './record.js';
import { reject, type ReadResult } from './types.js';

/** A record with its number and its own text (to keep its bytes). */
export interface Numbered {
  n: number;
  value: unknown;
  /** The record's own text, or how to make it (only articles need it; deep values cannot be stringified). */
  raw: string | (() => string);
  /** Why the record could not even be parsed. */
  error?: string;
}

/** Text re-encoded in the input's own encoding, so a record's bytes are as they were in the file. */
export function encodeAs(text: string, encoding: string): Uint8Array {
  return encoding === 'UTF-8' ? UTF8.encode(text) : new Uint8Array(iconv.encode(text, encoding));
}

const UTF8 = new TextEncoder();

/**
 * Turns numbered records into articles; a record whose id repeats an earlier one in the same input
 * is rejected, since two articles cannot share an origin.
 */
export function* recordsToArticles(file: string, records: Iterable<Numbered>, encoding: string, from: string): Generator<ReadResult> {
  const seen = new Map<string, number>();
  for (const { n, value, raw, error } of records) {
    if (error) {
      yield reject(`${file}#${n}`, error);
      continue;
    }
    const id = typeof value === 'object' && value !== null ? recordId(value as Record<string, unknown>) : undefined;
    if (id !== undefined && seen.has(id)) {
      yield reject(`${file}#${n}`, `duplicate id "${id}" (already used by record ${seen.get(id)})`);
      continue;
    }
    if (id !== undefined) seen.set(id, n);
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    let text = '';
    try {
      if (isObject) text = typeof raw === 'string' ? raw : raw();
    } catch {
      yield reject(`${file}#${n}`, 'too deeply nested');
      continue;
    }
    yield recordToArticle(value, { file, n, bytes: encodeAs(text, encoding), encoding, from });
  }
}

/** A `.json` input: one article object (origin: the file, or `file#id`), or an array (`file#id|n`). */
export function* readJson(file: string, text: string, encoding: string, bytes: Uint8Array): Generator<ReadResult> {
  const parsed = parseJson(text);
  if ('error' in parsed) {
    yield reject(file, `malformed JSON at ${parsed.error}`);
    return;
  }
  const { value } = parsed;
  if (Array.isArray(value)) {
    if (value.length === 0) yield reject(file, 'empty: the JSON array has no articles');
    const records = value.map((v, i) => ({ n: i + 1, value: v, raw: () => JSON.stringify(v) ?? 'null' }));
    yield* recordsToArticles(file, records, encoding, 'json');
    return;
  }
  if (typeof value !== 'object' || value === null) {
    yield reject(file, `not an article: the JSON is ${value === null ? 'null' : typeof value}, not an object or array`);
    return;
  }
  const result = recordToArticle(value, { file, n: 1, bytes, encoding, from: 'json' });
  if ('origin' in result && recordId(value as Record<string, unknown>) === undefined) result.origin = file;
  if ('skipped' in result && result.skipped === `${file}#1`) result.skipped = file;
  yield result;
}

/** A `.jsonl` input: one article object per line (origin `file#id`, or `file#line`); blank lines skipped. */
export function* readJsonl(file: string, text: string, encoding: string): Generator<ReadResult> {
  const records: Numbered[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const parsed = parseJson(raw);
    if ('error' in parsed) records.push({ n: i + 1, value: undefined, raw, error: `malformed JSON at ${parsed.error.replace(/^line 1, /, '')}` });
    else records.push({ n: i + 1, value: parsed.value, raw });
  });
  yield* recordsToArticles(file, records, encoding, 'json');
}
