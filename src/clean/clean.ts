/**
 * Cleaning: a `RawArticle` becomes a `NewsDoc` with the main text, title, outlet, publication date
 * from metadata, and every removed line recorded with its reason. Pure: the same input always gives
 * the same document.
 */
import type { ArticleMeta, NewsDoc, RawArticle, Rejected, Removed } from '../model/doc.js';
import { docId, normaliseForId } from '../model/id.js';
import { toLines } from './normalise.js';
import { extractHtml } from './html-extract.js';
import { mergeMeta, publishedFromMeta } from './meta-merge.js';
import { boilerplateReasons, lineReason } from './boilerplate.js';
import { findTitle } from './title.js';
import { detectOutlet } from './outlet.js';

/** Re-exported for the ingest loop: drops lines the outlet repeats across its stored documents. */
export { dropRepeatedLines } from './repeated.js';

/** The cleaned parts of an article, before they are assembled into a `NewsDoc`. */
export interface Cleaned {
  text: string;
  title: string | null;
  outlet: string | null;
  meta: ArticleMeta;
  removed: Removed[];
}

/** Cleans the body (HTML or plain text) into text, title, outlet, merged metadata and removed lines. */
export function cleanParts(raw: Pick<RawArticle, 'body' | 'contentType' | 'meta'>): Cleaned {
  const html = raw.contentType === 'text/html';
  const page = html ? extractHtml(raw.body) : null;
  const lines = page ? page.lines : toLines(raw.body);
  const { description: _description, ...pageMeta } = page?.meta ?? {};
  const meta = page ? mergeMeta(raw.meta, pageMeta) : raw.meta;
  const reasons = boilerplateReasons(lines);
  const open = lines.map((_, i) => i).filter((i) => !reasons.has(i));
  const declaredTitle = raw.meta.title ?? page?.title ?? null;
  const title = findTitle(lines, open, declaredTitle, !html);
  if (title.line !== null) reasons.set(title.line, 'title');
  const removed: Removed[] = [...(page ? droppedWithReasons(page.dropped, title.title) : []), ...(page?.furniture ?? [])];
  const kept: string[] = [];
  lines.forEach((text, i) => {
    const reason = reasons.get(i);
    if (reason) removed.push({ text, reason });
    else kept.push(text);
  });
  const promos = removed.filter((r) => r.reason === 'promo').map((r) => r.text);
  const outlet = detectOutlet({ declared: meta.outlet, url: meta.url, lines: kept, promos });
  return { text: kept.join('\n'), title: title.title, outlet: outlet?.outlet ?? null, meta, removed };
}

/**
 * Page blocks Readability left out, each with the reason a line rule gives it (a comment form stays a
 * comment form), `title` for the headline, and `html-boilerplate` otherwise.
 */
function droppedWithReasons(dropped: readonly string[], title: string | null): Removed[] {
  const t = title ? normaliseForId(title) : null;
  return dropped.map((text) => ({ text, reason: t === normaliseForId(text) ? 'title' : (lineReason(text) ?? 'html-boilerplate') }));
}

/** Builds the document from the raw article; an article with no text left is rejected with the reason. */
export function clean(raw: RawArticle): NewsDoc | Rejected {
  const parts = cleanParts(raw);
  if (parts.text.length === 0) {
    const why = parts.removed.length > 0 ? `all ${parts.removed.length} lines were boilerplate` : 'no text';
    return { skipped: raw.origin, reason: `empty: ${why} after cleaning` };
  }
  return {
    id: docId(parts.text),
    origin: raw.origin,
    title: parts.title,
    outlet: parts.outlet,
    published: publishedFromMeta(parts.meta),
    text: parts.text,
    removed: parts.removed,
    flags: [],
    diagnostics: [],
    meta: parts.meta,
    layers: {},
    duplicateOf: null,
  };
}

/** Just the clean text of an HTML page (what the extraction benchmark scores). */
export function cleanText(html: string): string {
  return cleanParts({ body: html, contentType: 'text/html', meta: {} }).text;
}
