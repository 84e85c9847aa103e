/**
 * What kind of input some bytes are: by file extension first, then by HTTP content type, then by
 * sniffing the decoded text (markup, JSON, feed XML, or plain text).
 */

/** The reader an input goes to. */
export type Kind = 'text' | 'html' | 'json' | 'jsonl' | 'csv' | 'feed';

const EXTENSIONS: Record<string, Kind> = {
  txt: 'text', text: 'text',
  html: 'html', htm: 'html', xhtml: 'html',
  json: 'json',
  jsonl: 'jsonl', ndjson: 'jsonl',
  csv: 'csv', tsv: 'csv',
  rss: 'feed', atom: 'feed', xml: 'feed',
};

/** The kind a file name (or URL path) announces by its extension, after any `.gz`. */
export function kindFromName(name: string): Kind | null {
  const m = name.toLowerCase().match(/\.([a-z]+)$/);
  return m ? (EXTENSIONS[m[1]] ?? null) : null;
}

/** The kind an HTTP `Content-Type` announces, or null for generic types (octet-stream, …). */
export function kindFromContentType(header: string | undefined): Kind | null {
  const type = header?.split(';')[0].trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (/^application\/(rss|atom|rdf)\+xml$/.test(type) || type === 'application/xml' || type === 'text/xml') return 'feed';
  if (type === 'application/json') return 'json';
  if (type === 'application/x-ndjson' || type === 'application/jsonl') return 'jsonl';
  if (type === 'text/csv') return 'csv';
  if (type === 'text/plain') return 'text';
  return null;
}

const HTML_START = /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6])\b/i;
const FEED_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<(?:rss|feed|rdf:RDF)\b/i;

/** Sniffs decoded text whose name and content type said nothing; never null: plain text is the fallback. */
export function sniffKind(text: string): Kind {
  const head = text.trimStart().slice(0, 4096);
  if (FEED_START.test(head)) return 'feed';
  if (HTML_START.test(head.replace(/^<\?xml[^>]*>\s*/i, ''))) return 'html';
  if (/^<\?xml/i.test(head)) return 'feed';
  if (/^[[{]/.test(head)) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    const jsonl = lines.length > 1 && lines.every((l) => /^\s*\{.*\}\s*$/.test(l));
    return jsonl ? 'jsonl' : 'json';
  }
  return 'text';
}
