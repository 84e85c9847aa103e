/**
 * Feed items → articles. An item that carries its full content becomes an article at once (origin
 * `feed#guid`); an item with only a link is fetched through `follow` (origin: the link). Either way
 * the feed's fields become metadata: title, published (`publishedFrom: 'feed'`), link → url, and
 * the channel's title → outlet.
 */
import type { ArticleMeta } from '../model/doc.js';
import { dateFromUrlPath, normalisePublished } from './dates.js';
import { parseFeed, type FeedItem } from './feed.js';
import { asHtmlDocument } from './html-fragment.js';
import { encodeAs } from './json.js';
import { isRejected, reject, type ReadResult, type Source } from './types.js';

/** Reads the URL a feed item links to (the ingest loop's URL reader). */
export type Follow = (url: string) => AsyncGenerator<ReadResult>;

function absolute(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link, base).href;
  } catch {
    return undefined;
  }
}

function itemMeta(item: FeedItem, link: string | undefined, outlet: string | undefined): ArticleMeta {
  const meta: ArticleMeta = {};
  if (item.title) meta.title = item.title;
  if (outlet) meta.outlet = outlet;
  if (link) meta.url = link;
  if (item.author) meta.author = item.author;
  const published = normalisePublished(item.published);
  const fromUrl = link ? dateFromUrlPath(link) : undefined;
  if (published) Object.assign(meta, { published, publishedFrom: 'feed' });
  else if (fromUrl) Object.assign(meta, { published: fromUrl, publishedFrom: 'url-path' });
  return meta;
}

/** Reads a decoded feed: each item becomes an article or a rejection; the rest of the feed goes on. */
export async function* readFeed(src: Source, text: string, encoding: string, follow: Follow): AsyncGenerator<ReadResult> {
  const feed = parseFeed(text);
  if ('error' in feed) return yield reject(src.origin, feed.error);
  if (feed.items.length === 0) return yield reject(src.origin, 'empty: the feed has no items');
  const seen = new Set<string>();
  for (const [i, item] of feed.items.entries()) {
    const origin = `${src.origin}#${item.key}`;
    if (seen.has(item.key)) {
      yield reject(`${src.origin}#${i + 1}`, `duplicate item id "${item.key}"`);
      continue;
    }
    seen.add(item.key);
    const link = absolute(item.link, src.url ?? (/^https?:/i.test(src.origin) ? src.origin : undefined));
    const meta = itemMeta(item, link, feed.outlet);
    if (item.content) {
      const bytes = encodeAs(item.raw, encoding);
      const { body, contentType } = item.content;
      yield { origin, body: contentType === 'text/html' ? asHtmlDocument(body) : body, contentType, meta, bytes, encoding };
    } else if (link) {
      for await (const r of follow(link)) {
        if (isRejected(r)) yield r;
        else yield { ...r, meta: { ...r.meta, ...meta, url: r.meta.url ?? link } };
      }
    } else {
      yield reject(origin, 'feed item has neither full content nor a link');
    }
  }
}

