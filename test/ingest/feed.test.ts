import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { doc, readAll, summarise, writeTree } from './helpers.js';
import { body, startServer } from './server.js';

const FEEDS = join(import.meta.dirname, '..', 'fixtures', 'ingest', 'feeds');
const rel = FEEDS + '/';

describe('feed reader: items with full content', () => {
  it('RSS 2.0: content:encoded (CDATA or escaped), feed fields as metadata, bad items rejected alone', async () => {
    expect(summarise(await readAll([join(FEEDS, 'rss.xml')]), rel)).toEqual([
      {
        origin: 'rss.xml#herald-1001',
        body: doc('<p>Envoys of Ostrava &amp; Zarevia met in Veligrad on Thursday.</p><p>“We are ready,” said Anna Brecht.</p>'),
        contentType: 'text/html',
        meta: { title: 'Envoys meet in Veligrad', outlet: 'Brécourt Herald & Wire', url: 'https://herald.example/2022/03/03/envoys-meet', author: 'Mira Tal', published: '2022-03-03T10:15:00+03:00', publishedFrom: 'feed' },
        encoding: 'UTF-8',
      },
      {
        origin: 'rss.xml#https://herald.example/2022/03/04/ceasefire',
        body: doc('<p>The ceasefire held overnight &amp; into Friday.</p>'),
        contentType: 'text/html',
        meta: { title: 'Ceasefire <partly> holds', outlet: 'Brécourt Herald & Wire', url: 'https://herald.example/2022/03/04/ceasefire', published: '2022-03-04', publishedFrom: 'url-path' },
        encoding: 'UTF-8',
      },
      'rss.xml#3: feed item has neither full content nor a link',
      'rss.xml#4: duplicate item id "herald-1001"',
    ]);
  });

  it('Atom: xhtml, html and text content; alternate link; published before updated', async () => {
    const outlet = 'Ostrava Post';
    expect(summarise(await readAll([join(FEEDS, 'atom.xml')]), rel)).toEqual([
      {
        origin: 'atom.xml#urn:post:1',
        body: doc('<div xmlns="http://www.w3.org/1999/xhtml"><p>Talks resumed in Brécourt &amp; nearby.</p></div>'),
        contentType: 'text/html',
        meta: { title: 'Talks resume', outlet, url: 'https://post.example/talks-resume', published: '2022-03-07T09:00:00+02:00', publishedFrom: 'feed' },
        encoding: 'UTF-8',
      },
      { origin: 'atom.xml#urn:post:2', body: doc('<p>Ilse Varga spoke.</p>'), contentType: 'text/html', meta: { title: 'Escaped HTML', outlet, published: '2022-03-08', publishedFrom: 'feed' }, encoding: 'UTF-8' },
      { origin: 'atom.xml#urn:post:3', body: 'Prisoners were exchanged at dawn & counted.', contentType: 'text/plain', meta: { title: 'Plain text', outlet, author: 'Jan Oder' }, encoding: 'UTF-8' },
    ]);
  });
});

describe('feed reader: items with only links are fetched', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  const page = (t: string) => `<html><body><article><p>${t}</p></article></body></html>`;
  beforeAll(async () => {
    server = await startServer({
      '/news/2022/03/05/one': body(page('Delegations arrived.')),
      '/news/two': body(page('Second story.')),
      '/feed': (req, res) => body(rssWithLinks(''), 'application/rss+xml')(req, res),
      '/feed-a': body(linkFeed('A', '/feed-b'), 'application/rss+xml'),
      '/feed-b': body(linkFeed('B', '/feed-a'), 'application/rss+xml'),
    });
  });
  afterAll(() => server.close());
  const linkFeed = (name: string, to: string) => `<rss version="2.0"><channel><title>${name}</title><item><title>To ${to}</title><link>${to}</link></item></channel></rss>`;
  const rssWithLinks = (base: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Zarevia Today</title>
    <item><title>One</title><link>${base}/news/2022/03/05/one</link><description>teaser</description></item>
    <item><title>Two</title><link>${base}/news/two</link><pubDate>Sun, 06 Mar 2022 08:00:00 GMT</pubDate></item>
    <item><title>Gone</title><link>${base}/news/missing</link></item></channel></rss>`;

  it('from a URL: relative links resolved against the feed, feed metadata over the page', async () => {
    const results = summarise(await readAll([`${server.base}/feed`], { allowPrivate: true }), server.base);
    expect(results).toEqual([
      { origin: '/news/2022/03/05/one', body: page('Delegations arrived.'), contentType: 'text/html', meta: { url: `${server.base}/news/2022/03/05/one`, title: 'One', outlet: 'Zarevia Today', published: '2022-03-05', publishedFrom: 'url-path' }, encoding: 'UTF-8' },
      { origin: '/news/two', body: page('Second story.'), contentType: 'text/html', meta: { url: `${server.base}/news/two`, title: 'Two', outlet: 'Zarevia Today', published: '2022-03-06T08:00:00Z', publishedFrom: 'feed' }, encoding: 'UTF-8' },
      '/news/missing: HTTP 404 Not Found',
    ]);
  });

  it('from a local file, with the same URL safety (loopback refused without --allow-private)', async () => {
    const dir = writeTree({ 'links.rss': rssWithLinks(server.base) });
    const allowed = await readAll([join(dir, 'links.rss')], { allowPrivate: true });
    expect(allowed.map((r) => ('origin' in r ? r.origin : r.skipped))).toEqual([`${server.base}/news/2022/03/05/one`, `${server.base}/news/two`, `${server.base}/news/missing`]);
    const refused = summarise(await readAll([join(dir, 'links.rss')]), server.base);
    expect(refused).toEqual([
      '/news/2022/03/05/one: refused: 127.0.0.1 is a loopback address; use --allow-private to allow it',
      '/news/two: refused: 127.0.0.1 is a loopback address; use --allow-private to allow it',
      '/news/missing: refused: 127.0.0.1 is a loopback address; use --allow-private to allow it',
    ]);
  });

  it('follows links one level deep, so feeds linking to each other end', async () => {
    expect(summarise(await readAll([`${server.base}/feed-a`], { allowPrivate: true }), server.base)).toEqual([
      '/feed-a: not followed: linked from a feed that was itself reached through a link (depth limit 1)',
    ]);
  });
});
