/**
 * Merges the metadata an input carried itself (JSON/CSV fields, feed items, manifest, file name) with
 * what the HTML page declares, and turns the best date into the document's `published`.
 */
import type { ArticleMeta, Published } from '../model/doc.js';

/** Date origins weaker than HTML metadata: guesses from the file name or URL path. */
const WEAK_DATE_SOURCES = new Set(['filename', 'url-path']);
/** Confidence of a date declared by the input or page (a publisher's own claim, occasionally wrong). */
const METADATA_CONFIDENCE = 0.9;
/** Confidence of a date read from a file name or URL path (often the crawl date, not publication). */
const WEAK_CONFIDENCE = 0.6;

/**
 * Fields from the input itself win over the page's, except a `published` that only came from the
 * file name or URL path, which HTML metadata beats.
 */
export function mergeMeta(input: ArticleMeta, page: ArticleMeta): ArticleMeta {
  const out: ArticleMeta = { ...page };
  for (const [k, v] of Object.entries(input) as [keyof ArticleMeta, string | undefined][]) {
    if (v !== undefined && v !== '') out[k] = v;
  }
  const weak = input.published !== undefined && WEAK_DATE_SOURCES.has(input.publishedFrom ?? '');
  if (weak && page.published !== undefined && isoDate(page.published)) {
    out.published = page.published;
    out.publishedFrom = page.publishedFrom;
  }
  return out;
}

/** The document's publication date from its metadata, naming where it came from; `none` when absent or unreadable. */
export function publishedFromMeta(meta: ArticleMeta): Published {
  const date = meta.published ? isoDate(meta.published) : null;
  if (!date) return { date: null, source: 'none', confidence: 0, evidence: [] };
  const from = meta.publishedFrom ?? 'metadata';
  return {
    date,
    source: 'metadata',
    confidence: WEAK_DATE_SOURCES.has(from) ? WEAK_CONFIDENCE : METADATA_CONFIDENCE,
    evidence: [`${from}: ${meta.published}`],
  };
}

/**
 * `YYYY-MM-DD` from an ISO 8601 value or an RFC 2822/`Date.parse`-readable string (read as UTC),
 * or null when it is not a plausible date.
 */
export function isoDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return Number(iso[2]) >= 1 && Number(iso[2]) <= 12 && Number(iso[3]) >= 1 && Number(iso[3]) <= 31 ? iso[0] : null;
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(value.trim());
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const ms = Date.parse(/[zZ]|GMT|UTC|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value} UTC`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}
