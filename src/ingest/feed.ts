/**
 * RSS 2.0, RSS 1.0 and Atom feeds → items with their metadata and, when the feed carries it, the full
 * content (`content:encoded`, Atom `<content>`). Entity expansion is off: only the five XML entities
 * and numeric character references are decoded, once, and a feed that declares its own entities
 * (the "billion laughs" attack) is rejected.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ContentType } from '../model/doc.js';

/** One feed entry as the feed states it. */
export interface FeedItem {
  /** guid / Atom id, else the link, else the item's number (1-based). */
  key: string;
  title?: string;
  link?: string;
  published?: string;
  author?: string;
  content?: { body: string; contentType: ContentType };
  /** The parsed item as JSON: its own bytes for `RawArticle.bytes`. */
  raw: string;
}

/** A parsed feed: the channel's title (used as every item's outlet) and its items in order. */
export interface Feed {
  outlet?: string;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  stopNodes: ['*.content', '*.content:encoded'],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined XML entities and character references, in one pass (no recursion). */
export function decodeXmlEntities(s: string): string {
  return s.replace(ENTITY, (all, name: string, dec: string, hex: string) => {
    if (name) return NAMED[name];
    const cp = dec ? Number(dec) : parseInt(hex, 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}

/** Raw XML content: CDATA sections verbatim, the rest entity-decoded. */
function unescapeMixed(raw: string): string {
  let out = '';
  let i = 0;
  for (let open = raw.indexOf('<![CDATA['); open >= 0; open = raw.indexOf('<![CDATA[', i)) {
    const close = raw.indexOf(']]>', open + 9);
    if (close < 0) break;
    out += decodeXmlEntities(raw.slice(i, open)) + raw.slice(open + 9, close);
    i = close + 3;
  }
  return out + decodeXmlEntities(raw.slice(i));
}

/** The text of a parsed node: a string, or its `#text` and `#cdata`. */
function textOf(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return decodeXmlEntities(node).trim() || undefined;
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'object') {
    const n = node as Record<string, unknown>;
    const t = `${typeof n['#text'] === 'string' ? decodeXmlEntities(n['#text']) : ''}${typeof n['#cdata'] === 'string' ? n['#cdata'] : ''}`;
    return t.trim() || undefined;
  }
  return String(node);
}

function atomLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  const all = links.map((l) => (typeof l === 'string' ? { href: l, rel: undefined } : { href: l?.['@_href'], rel: l?.['@_rel'] }));
  return (all.find((l) => l.rel === undefined || l.rel === 'alternate') ?? all[0])?.href ?? textOf(links[0]);
}

function content(node: unknown, atom: boolean): FeedItem['content'] {
  if (node === undefined) return undefined;
  const n = typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : { '#text': node };
  if (atom && n['@_src']) return undefined;
  const raw = String(n['#text'] ?? '');
  const type = atom ? String(n['@_type'] ?? 'text') : 'html';
  const body = type === 'xhtml' ? raw : unescapeMixed(raw);
  if (!body.trim()) return undefined;
  return { body, contentType: type === 'text' ? 'text/plain' : 'text/html' };
}

function item(node: Record<string, unknown>, n: number, atom: boolean): FeedItem {
  const link = atom ? atomLink(node.link) : textOf(node.link);
  const it: FeedItem = {
    key: textOf(atom ? node.id : node.guid) ?? link ?? String(n),
    title: textOf(node.title),
    link,
    published: textOf(atom ? (node.published ?? node.updated) : (node.pubDate ?? node['dc:date'])),
    author: atom ? textOf((node.author as Record<string, unknown> | undefined)?.name) : textOf(node['dc:creator'] ?? node.author),
    content: content(atom ? node.content : node['content:encoded'], atom),
    raw: JSON.stringify(node),
  };
  return it;
}

/** Longest parser message kept in a reason: some quote the whole stack of open tags. */
const MAX_MESSAGE = 160;
const short = (m: string) => (m.length > MAX_MESSAGE ? `${m.slice(0, MAX_MESSAGE).replace(/\s+/g, ' ')}…` : m);

/** Parses a feed, or says why it is not one (malformed XML with its position, or another XML root). */
export function parseFeed(xml: string): Feed | { error: string } {
  if (/<!DOCTYPE/i.test(xml) && /<!ENTITY/i.test(xml)) return { error: 'XML declares its own entities (<!ENTITY>); refused, entity expansion is disabled' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const at = valid.err.col === undefined ? `line ${valid.err.line}` : `line ${valid.err.line}, column ${valid.err.col}`;
    return { error: `malformed XML at ${at}: ${short(valid.err.msg)}` };
  }
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml);
  } catch (err) {
    return { error: `malformed XML: ${short((err as Error).message)}` };
  }
  const rss = doc.rss?.channel ?? doc['rdf:RDF']?.channel;
  if (rss !== undefined) {
    const items: unknown[] = doc.rss ? (rss.item ?? []) : (doc['rdf:RDF'].item ?? []);
    return { outlet: textOf(rss.title), items: items.map((x, i) => item(x as Record<string, unknown>, i + 1, false)) };
  }
  if (doc.feed !== undefined) {
    const entries: unknown[] = doc.feed.entry ?? [];
    return { outlet: textOf(doc.feed.title), items: entries.map((x, i) => item(x as Record<string, unknown>, i + 1, true)) };
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#')) ?? 'none';
  return { error: `XML but not an RSS or Atom feed (root element <${root}>)` };
}
