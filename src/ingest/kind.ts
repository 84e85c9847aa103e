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

const HTML_ROOT = /^<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6])\b/i;
const FEED_ROOT = /^<(?:rss|feed|rdf:RDF)\b/i;

/**
 * The text after any XML declaration, processing instructions, comments and a non-HTML DOCTYPE
 * (with its internal subset). Done with `indexOf`, not one regular expression, so a hostile run of
 * comments cannot make it backtrack.
 */
function afterProlog(text: string): string {
  let s = text.trimStart();
  for (;;) {
    let end = -1;
    if (s.startsWith('<?')) end = s.indexOf('?>') + 2;
    else if (s.startsWith('<!--')) end = s.indexOf('-->') + 3;
    else if (/^<!doctype\b/i.test(s) && !/^<!doctype\s+html\b/i.test(s)) {
      const close = s.indexOf('>');
      const subset = s.indexOf('[');
      end = subset >= 0 && subset < close ? s.indexOf(']', subset) + 1 : close;
      if (end > 0) end = s.indexOf('>', end) + 1;
    } else return s;
    if (end <= 0) return s;
    s = s.slice(end).trimStart();
  }
}

/** How far into a text sniffing looks for the root element (a long comment or DOCTYPE may precede it). */
const PROLOG_LIMIT = 64 * 1024;

/** Sniffs decoded text whose name and content type said nothing; never null: plain text is the fallback. */
export function sniffKind(text: string): Kind {
  const start = text.trimStart();
  const body = afterProlog(start.slice(0, PROLOG_LIMIT));
  if (FEED_ROOT.test(body)) return 'feed';
  if (HTML_ROOT.test(body)) return 'html';
  if (start.startsWith('<?xml')) return 'feed';
  if (start.startsWith('{') || start.startsWith('[')) {
    const lines = start.split('\n').map((l) => l.trim()).filter(Boolean);
    const jsonl = lines.length > 1 && lines.every((l) => l.startsWith('{') && l.endsWith('}'));
    return jsonl ? 'jsonl' : 'json';
  }
  return 'text';
}
