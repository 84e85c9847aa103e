/**
 * Article metadata from an HTML page: `<meta>` tags, Open Graph, JSON-LD (`NewsArticle` and kin),
 * `<title>` and `<link rel=canonical>`. Read before extraction, because Readability changes the DOM.
 */
import type { ArticleMeta } from '../model/doc.js';

/** `<meta>` names/properties that carry the publication date, best first. */
const DATE_KEYS = ['article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'dc.date.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date', 'date'];
/** JSON-LD types that describe an article, in order of preference. */
const ARTICLE_TYPES = ['NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'Article', 'BlogPosting', 'WebPage'];

interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
interface Scope {
  getElementsByTagName(tag: string): ArrayLike<El>;
}
interface Doc extends Scope {
  head?: Scope | null;
}
type Json = Record<string, unknown>;

/** Page metadata: the article fields plus the page's description (`<meta name=description>`/`og:description`). */
export interface PageMeta extends ArticleMeta {
  description?: string;
}

/** Metadata found in the page; `publishedFrom` names the tag it came from, e.g. `html:json-ld:datePublished`. */
export function htmlMeta(doc: Doc): PageMeta {
  const tags = new Map<string, string>();
  const head: Scope = doc.head ?? doc; // <meta>, <title> and <link> belong in <head>; searching only there is much faster
  const metas = head.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const key = (metas[i].getAttribute('property') ?? metas[i].getAttribute('name') ?? metas[i].getAttribute('itemprop'))?.toLowerCase();
    const content = metas[i].getAttribute('content')?.trim();
    if (key && content && !tags.has(key)) tags.set(key, content);
  }
  const ld = jsonLdArticle(doc);
  const meta: PageMeta = {};
  const set = <K extends keyof PageMeta>(k: K, v: unknown) => {
    if (meta[k] === undefined && typeof v === 'string' && v.trim()) meta[k] = v.trim() as PageMeta[K];
  };
  set('title', tags.get('og:title'));
  set('title', str(ld?.headline));
  set('title', pageTitle(head));
  set('outlet', tags.get('og:site_name'));
  set('outlet', str((ld?.publisher as Json | undefined)?.name));
  set('url', linkHref(head, 'canonical'));
  set('url', tags.get('og:url'));
  set('author', tags.get('author'));
  set('author', authorName(ld?.author));
  set('language', tags.get('og:locale'));
  if (typeof ld?.datePublished === 'string') {
    meta.published = ld.datePublished;
    meta.publishedFrom = 'html:json-ld:datePublished';
  } else {
    const key = DATE_KEYS.find((k) => tags.has(k));
    if (key) {
      meta.published = tags.get(key);
      meta.publishedFrom = `html:meta:${key}`;
    }
  }
  set('description', tags.get('description') ?? tags.get('og:description'));
  return meta;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function authorName(a: unknown): string | undefined {
  const first = Array.isArray(a) ? a[0] : a;
  return typeof first === 'string' ? first : str((first as Json | undefined)?.name);
}

function pageTitle(doc: Scope): string | undefined {
  const t = doc.getElementsByTagName('title')[0]?.textContent?.trim();
  return t || undefined;
}

function linkHref(doc: Scope, rel: string): string | undefined {
  const links = doc.getElementsByTagName('link');
  for (let i = 0; i < links.length; i++) if (links[i].getAttribute('rel')?.toLowerCase() === rel) return links[i].getAttribute('href') ?? undefined;
  return undefined;
}

/** The best article object in the page's JSON-LD blocks (malformed blocks are ignored). */
function jsonLdArticle(doc: Doc): Json | undefined {
  const found: Json[] = [];
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    if (scripts[i].getAttribute('type')?.toLowerCase() !== 'application/ld+json') continue;
    try {
      collect(JSON.parse(scripts[i].textContent ?? ''), found);
    } catch {
      // Malformed JSON-LD is common on real pages; the other metadata sources still apply.
    }
  }
  const rank = (o: Json) => {
    const types = ([] as unknown[]).concat(o['@type']).map(String);
    const r = Math.min(...types.map((t) => ARTICLE_TYPES.indexOf(t)).filter((x) => x >= 0));
    return Number.isFinite(r) ? r : Infinity;
  };
  return found.filter((o) => rank(o) < Infinity).sort((a, b) => rank(a) - rank(b))[0];
}

function collect(v: unknown, out: Json[]): void {
  if (Array.isArray(v)) for (const x of v) collect(x, out);
  else if (v && typeof v === 'object') {
    out.push(v as Json);
    if ('@graph' in v) collect((v as Json)['@graph'], out);
  }
}
