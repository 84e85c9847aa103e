/**
 * Main text of an HTML page: Mozilla Readability on a linkedom DOM, its content turned into one line
 * per block. Blocks of the page that Readability left out are returned too, so nothing is dropped
 * silently.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { blockLines } from './html-blocks.js';
import { htmlMeta, type PageMeta } from './html-meta.js';
import { stripFurniture, type El } from './html-furniture.js';
import type { Removed } from '../model/doc.js';

/**
 * Below this many characters Readability's result is treated as "found nothing" and the page's
 * `<article>`/`<main>`/`<body>` blocks are used instead. 200 ≈ two short paragraphs; Readability never
 * returned less on the 181 benchmark pages, so this serves feed snippets and bare pages.
 */
export const MIN_ARTICLE_CHARS = 200;
/**
 * Dropped page blocks shorter than this are not recorded (single menu words, button labels). 20
 * characters keeps every sentence-sized block while leaving out the hundreds of one-word links.
 */
export const MIN_RECORDED_DROP_CHARS = 20;

/** What the page yielded: the article's lines, the page blocks left out, the page's title and metadata. */
export interface HtmlExtract {
  lines: string[];
  /** Captions and link lists taken out of the article element, with reasons. */
  furniture: Removed[];
  dropped: string[];
  title: string | null;
  meta: PageMeta;
  /** `readability`, or the element used when Readability found nothing. */
  via: 'readability' | 'article' | 'main' | 'body';
}

/** Extracts the main text of an HTML page. Never throws on malformed HTML (linkedom is lenient). */
export function extractHtml(html: string): HtmlExtract {
  const { document } = parseHTML(html);
  const meta = htmlMeta(document);
  const body = document.body ?? document.documentElement;
  const pageLines = body ? blockLines(body as unknown as El) : [];
  let lines: string[] = [];
  let furniture: Removed[] = [];
  let title: string | null = null;
  let via: HtmlExtract['via'] = 'readability';
  try {
    const article = new Readability(document as unknown as Document, { serializer: (el: Node) => el }).parse();
    title = article?.title?.trim() || null;
    const content = article?.content as unknown as El | undefined;
    if (content) {
      furniture = stripFurniture(content);
      lines = blockLines(content);
    }
  } catch {
    lines = [];
  }
  if (chars(lines) < MIN_ARTICLE_CHARS) {
    ({ lines, via } = fallback(html, pageLines));
    furniture = [];
  }
  const accounted = [...lines, ...furniture.map((r) => r.text)];
  return { lines, furniture, dropped: droppedBlocks(pageLines, accounted), title: title ?? meta.title ?? null, meta, via };
}

function chars(lines: string[]): number {
  return lines.reduce((n, l) => n + l.length, 0);
}

/** The blocks of the page's `<article>`, else `<main>`, else its whole body (Readability mutated the DOM, so re-parse). */
function fallback(html: string, pageLines: string[]): { lines: string[]; via: HtmlExtract['via'] } {
  const { document } = parseHTML(html);
  for (const tag of ['article', 'main'] as const) {
    const el = document.getElementsByTagName(tag)[0] as unknown as El | undefined;
    const lines = el ? blockLines(el) : [];
    if (chars(lines) >= MIN_ARTICLE_CHARS) return { lines, via: tag };
  }
  return { lines: pageLines, via: 'body' };
}

/** Page blocks of at least `MIN_RECORDED_DROP_CHARS` that are not in the article, each once, in page order. */
function droppedBlocks(pageLines: string[], kept: string[]): string[] {
  const seen = new Set(kept); // both sides come from blockLines, so equal blocks are equal strings
  const out: string[] = [];
  for (const line of pageLines) {
    if (line.length < MIN_RECORDED_DROP_CHARS || seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return out;
}
