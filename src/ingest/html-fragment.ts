/**
 * HTML that comes inside a record (a JSON/CSV `html` field, an RSS `content:encoded`, an Atom
 * `<content>`) is usually a fragment such as `<p>…</p><p>…</p>`. The cleaner parses a document
 * (Readability on linkedom finds no body in a bare fragment), so a fragment is handed over wrapped in
 * `<html><body>…</body></html>` — what a browser's parser would build from it anyway. The record's
 * original bytes are kept unchanged in `RawArticle.bytes`.
 */

const DOCUMENT = /<(?:!doctype\s+html|html|body)\b/i;

/** `html` as a complete document: unchanged when it already is one, else wrapped. */
export function asHtmlDocument(html: string): string {
  return DOCUMENT.test(html) ? html : `<html><body>${html}</body></html>`;
}
