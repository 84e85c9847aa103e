/**
 * CSV export: one row per document (id, origin, title, outlet, published date and its source,
 * flags, duplicateOf, removed-line count, text), RFC 4180 quoting by csv-stringify.
 */
import { stringify } from 'csv-stringify/sync';
import type { ExportV1 } from '../model/export.js';

export const CSV_COLUMNS = [
  'id', 'origin', 'title', 'outlet', 'published', 'published_source', 'flags', 'duplicate_of', 'removed', 'text',
] as const;

export function exportCsv(data: ExportV1): string {
  const rows = data.documents.map((d) => [
    d.id,
    d.origin,
    d.title ?? '',
    d.outlet ?? '',
    d.published.date ?? '',
    d.published.source,
    d.flags.map((f) => f.kind).join(' '),
    d.duplicateOf ?? '',
    d.removed.length,
    d.text,
  ]);
  return stringify([[...CSV_COLUMNS], ...rows]);
}
