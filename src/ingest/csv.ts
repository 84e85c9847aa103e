/**
 * Reader for `.csv` inputs: a header row, then one article per row with columns `text` or `html` and
 * optionally `id, title, published, outlet, url` (case-insensitive). Comma, semicolon or tab
 * delimited (whichever the header uses most). A malformed row (unclosed quote, wrong number of
 * fields) is rejected on its own as `file#line`, where `line` is the line the row starts on.
 */
import { parse } from 'csv-parse/sync';
import { recordsToArticles, type Numbered } from './json.js';
import { reject, type ReadResult } from './types.js';

const DELIMITERS = [',', ';', '\t'];

/** The delimiter the header line uses most (comma when it has none). */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = DELIMITERS.map((d) => header.split(d).length);
  return DELIMITERS[counts.indexOf(Math.max(...counts))];
}

/** The line a record starts on, from the line it ends on and the line breaks inside it. */
function startLine(endLine: number, raw: string): number {
  const inside = raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0;
  return endLine - inside;
}

/** Removes csv-parse's own "at line N" so the position is stated once, our way. */
function why(message: string): string {
  return message.replace(/\s*(?:at|on) line \d+/, '').replace(/,\s*value is .*$/s, '').trim();
}

/** Reads a CSV input; the whole file is rejected only when the header itself is unusable. */
export function* readCsv(file: string, text: string, encoding: string): Generator<ReadResult> {
  const records: Numbered[] = [];
  const errorLines = new Set<number>();
  let columns: string[] = [];
  let rows: { record: Record<string, string>; raw: string; info: { lines: number } }[];
  try {
    rows = parse(text, {
      columns: (header: string[]) => (columns = header.map((h) => h.trim().toLowerCase())),
      delimiter: delimiterOf(text),
      raw: true,
      info: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err, raw) => {
        const line = startLine((err as { lines?: number } | undefined)?.lines ?? 0, raw ?? '');
        if (errorLines.has(line)) return;
        errorLines.add(line);
        records.push({ n: line, value: undefined, raw: raw ?? '', error: `malformed CSV at line ${line}: ${why(err?.message ?? 'bad record')}` });
      },
    });
  } catch (err) {
    yield reject(file, `malformed CSV at line ${(err as { lines?: number }).lines ?? 1}: ${why((err as Error).message)}`);
    return;
  }
  if (!columns.includes('text') && !columns.includes('html')) {
    yield reject(file, `CSV has no "text" or "html" column (columns: ${columns.join(', ') || 'none'})`);
    return;
  }
  for (const row of rows) records.push({ n: startLine(row.info.lines, row.raw), value: row.record, raw: row.raw.replace(/\r?\n$/, '') });
  if (records.length === 0) {
    yield reject(file, 'empty: the CSV has a header but no rows');
    return;
  }
  records.sort((a, b) => a.n - b.n);
  yield* recordsToArticles(file, records, encoding, 'csv');
}
