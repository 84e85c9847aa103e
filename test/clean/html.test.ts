import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { blockLines } from '../../src/clean/html-blocks.js';
import { htmlMeta } from '../../src/clean/html-meta.js';
import { isoDate, mergeMeta, publishedFromMeta } from '../../src/clean/meta-merge.js';
import { extractHtml } from '../../src/clean/html-extract.js';
import { stripFurniture, type El } from '../../src/clean/html-furniture.js';

const dom = (html: string) => parseHTML(html).document;

describe('blockLines: one line per block, not textContent', () => {
  it('splits paragraphs, headings, list items, blockquotes, table cells and <br>; joins inline runs', () => {
    const d = dom('<html><body><h2>Maps</h2><p>One <b>bold</b> line<br>and more</p><ul><li>a</li><li>b</li></ul><blockquote>“Quote”</blockquote><table><tr><td>x</td><td>y</td></tr></table><script>var z=1</script></body></html>');
    expect(blockLines(d.body as unknown as El)).toEqual(['Maps', 'One bold line', 'and more', 'a', 'b', '“Quote”', 'x', 'y']);
  });
});

describe('htmlMeta', () => {
  const page = `<html><head><title>Brenn talks | Zelma Herald</title>
    <meta name="description" content="Talks opened."><meta name="author" content="Lena Vos">
    <meta property="og:title" content="Brenn talks open"><meta property="og:site_name" content="Zelma Herald">
    <meta property="og:url" content="https://z.example/og"><link rel="canonical" href="https://z.example/canonical">
    <meta name="pubdate" content="2024-03-04"><meta property="article:published_time" content="2024-03-05T09:30:00Z">
    </head><body></body></html>`;

  it('reads <meta>, Open Graph, <title> and the canonical link; the best date names its tag', () => {
    expect(htmlMeta(dom(page))).toEqual({
      title: 'Brenn talks open', outlet: 'Zelma Herald', url: 'https://z.example/canonical', author: 'Lena Vos',
      published: '2024-03-05T09:30:00Z', publishedFrom: 'html:meta:article:published_time', description: 'Talks opened.',
    });
  });

  it('prefers JSON-LD NewsArticle (also inside @graph) and ignores malformed JSON-LD', () => {
    const ld = `<html><head><script type="application/ld+json">{oops</script>
      <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"Head","datePublished":"2024-01-02","author":[{"name":"A. Writer"}],"publisher":{"name":"Brenn Post"}}]}</script>
      <title>Other</title></head><body></body></html>`;
    expect(htmlMeta(dom(ld))).toEqual({ title: 'Head', outlet: 'Brenn Post', author: 'A. Writer', published: '2024-01-02', publishedFrom: 'html:json-ld:datePublished' });
  });

  it('falls back to <title> when nothing else names the article', () => {
    expect(htmlMeta(dom('<html><head><title>Only title</title></head><body></body></html>'))).toEqual({ title: 'Only title' });
  });
});

describe('mergeMeta and published', () => {
  const page = { title: 'Page title', outlet: 'Page outlet', published: '2024-03-05T09:30:00Z', publishedFrom: 'html:meta:article:published_time' };

  it('fields from the input win', () => {
    expect(mergeMeta({ title: 'Feed title', published: '2024-03-01', publishedFrom: 'feed' }, page)).toEqual({ ...page, title: 'Feed title', published: '2024-03-01', publishedFrom: 'feed' });
  });

  it.each(['filename', 'url-path'])('HTML metadata beats a date from the %s', (from) => {
    expect(mergeMeta({ published: '2024-03-01', publishedFrom: from }, page)).toEqual(page);
  });

  it('published names where the date came from', () => {
    expect(publishedFromMeta(page)).toEqual({ date: '2024-03-05', source: 'metadata', confidence: 0.9, evidence: ['html:meta:article:published_time: 2024-03-05T09:30:00Z'] });
    expect(publishedFromMeta({ published: 'not a date' })).toEqual({ date: null, source: 'none', confidence: 0, evidence: [] });
  });

  it.each([
    ['2024-03-05T23:30:00-05:00', '2024-03-05'],
    ['20240305T101500Z', '2024-03-05'],
    ['Tue, 05 Mar 2024 09:30:00 GMT', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['2024-13-40', null],
    ['soon', null],
  ])('isoDate(%s) = %s', (value, date) => {
    expect(isoDate(value)).toBe(date);
  });
});

describe('extractHtml', () => {
  const para = (n: number) => `<p>Paragraph ${n} of the Brenn story says the delegations met again on Tuesday and talked for many hours about the border and prisoners.</p>`;

  it('falls back to the page body when Readability finds too little, keeping every block for the text filter', () => {
    const tiny = extractHtml('<html><body><nav>Home</nav><p>The Brenn crossing is closed on Sunday.</p></body></html>');
    expect([tiny.via, tiny.lines, tiny.dropped]).toEqual(['body', ['Home', 'The Brenn crossing is closed on Sunday.'], []]);
  });

  it('uses Readability on a real article and never throws on broken HTML', () => {
    const page = extractHtml(`<html><body><div id="menu"><a href="/">Home</a></div><div class="article-body">${[1, 2, 3, 4, 5].map(para).join('')}</div><div class="footer">Zelma Herald footer text, all day long</div></body></html>`);
    expect(page.via).toBe('readability');
    expect(page.lines).toEqual([1, 2, 3, 4, 5].map((n) => `Paragraph ${n} of the Brenn story says the delegations met again on Tuesday and talked for many hours about the border and prisoners.`));
    expect(page.dropped).toEqual(['Zelma Herald footer text, all day long']);
    expect(() => extractHtml('<html><body><p>unclosed <b>tags <div></p></span>')).not.toThrow();
  });
});

describe('stripFurniture', () => {
  it('takes figures with captions and link-only lists out, recording them; keeps lists of points with a link', () => {
    const d = dom('<html><body><div id="c"><p>Story.</p><figure><img src="x"><figcaption>A caption.</figcaption></figure><ul><li><a href="/a">Other story</a></li><li><a href="/b">Another</a></li></ul><ul><li>Point one with <a href="/s">a source</a> cited</li></ul></div></body></html>');
    const root = d.getElementById('c') as unknown as El;
    expect(stripFurniture(root)).toEqual([{ text: 'A caption.', reason: 'caption' }, { text: 'Other story', reason: 'related-list' }, { text: 'Another', reason: 'related-list' }]);
    expect(blockLines(root)).toEqual(['Story.', 'Point one with a source cited']);
  });
});
