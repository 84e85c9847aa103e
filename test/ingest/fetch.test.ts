import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { blockedKind } from '../../src/ingest/address.js';
import { CYRILLIC, readAll, summarise } from './helpers.js';
import { body, closedPort, redirect, startServer } from './server.js';

const PAGE = '<html><head><title>Talks</title></head><body><p>Ostrava and Zarevia met in Brécourt.</p></body></html>';
let server: Awaited<ReturnType<typeof startServer>>;
const routes = {
  '/world/2022/03/03/talks': body(PAGE),
  '/koi8': body(iconv.encode(`<p>${CYRILLIC}</p>`, 'koi8-r'), 'text/html; charset=koi8-r'),
  '/api/articles': body(JSON.stringify([{ id: 'j1', text: 'From an API.' }]), 'application/json'),
  '/dump.jsonl.gz': body(gzipSync(JSON.stringify({ id: 'g1', text: 'Zipped.' }) + '\n'), 'application/gzip'),
  '/hop0': redirect('/hop1'),
  '/hop1': redirect('hop2', 301),
  '/hop2': redirect('/hop3', 307),
  '/hop3': redirect('/hop4'),
  '/hop4': redirect('/hop5'),
  '/hop5': redirect('/world/2022/03/03/talks'),
  '/loop': redirect('/loop'),
  '/big-declared': body('x'.repeat(5000), 'text/plain'),
  '/big-streamed': (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = 'y'.repeat(1000);
    let n = 0;
    const send = () => (n++ < 50 && !res.destroyed ? res.write(chunk, () => setTimeout(send, 1)) : res.end());
    send();
  },
  '/hang': () => {},
  '/page.xml': body('<html><body><p>HTML despite the name.</p></body></html>', 'text/html'),
  '/dump.jsonl': body('{"id":"p1","text":"Plain-served JSONL."}\n', 'text/plain; charset=utf-8'),
  '/gone': (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(410, 'Gone').end(),
};

beforeAll(async () => {
  server = await startServer(routes);
});
afterAll(() => server.close());

const read = async (path: string, opts = {}) => summarise(await readAll([server.base + path], { allowPrivate: true, ...opts }), server.base);

describe('URL reader (local server on 127.0.0.1, --allow-private)', () => {
  it('fetches a page: origin is the URL, date from the URL path, url in meta', async () => {
    expect(await read('/world/2022/03/03/talks')).toEqual([
      { origin: '/world/2022/03/03/talks', body: PAGE, contentType: 'text/html', meta: { url: `${server.base}/world/2022/03/03/talks`, published: '2022-03-03', publishedFrom: 'url-path' }, encoding: 'UTF-8' },
    ]);
  });

  it('decodes with the charset of the Content-Type header', async () => {
    const [a] = await read('/koi8');
    expect(a).toMatchObject({ body: `<p>${CYRILLIC}</p>`, encoding: 'KOI8-R' });
  });

  it('reads JSON by content type and gzip by magic bytes', async () => {
    expect(await read('/api/articles')).toEqual([{ origin: '/api/articles#j1', body: 'From an API.', contentType: 'text/plain', meta: { id: 'j1' }, encoding: 'UTF-8' }]);
    expect(await read('/dump.jsonl.gz')).toEqual([{ origin: '/dump.jsonl.gz#g1', body: 'Zipped.', contentType: 'text/plain', meta: { id: 'g1' }, encoding: 'UTF-8' }]);
  });

  it('trusts a specific Content-Type over the path, and the path over text/plain', async () => {
    expect(await read('/page.xml')).toMatchObject([{ origin: '/page.xml', contentType: 'text/html' }]);
    expect(await read('/dump.jsonl')).toEqual([{ origin: '/dump.jsonl#p1', body: 'Plain-served JSONL.', contentType: 'text/plain', meta: { id: 'p1' }, encoding: 'UTF-8' }]);
  });

  it('follows up to 5 redirects by hand (relative locations too), and records the final URL', async () => {
    const [a] = await read('/hop1');
    expect(a).toMatchObject({ origin: '/hop1', meta: { url: `${server.base}/world/2022/03/03/talks`, published: '2022-03-03' } });
    expect(await read('/hop0')).toEqual(['/hop0: too many redirects (more than 5)']);
  });

  const failures: [name: string, path: string, opts: object, reason: string][] = [
    ['a redirect loop', '/loop', {}, 'too many redirects (more than 5)'],
    ['a declared length over the cap', '/big-declared', { maxBytes: 1000 }, 'too large: 5000 bytes (limit 1000; see --max-bytes)'],
    ['a streamed body over the cap', '/big-streamed', { maxBytes: 4096 }, 'too large: more than 4096 bytes (limit 4096; see --max-bytes)'],
    ['a server that never answers', '/hang', { timeoutMs: 300 }, 'timed out after 300 ms'],
    ['an HTTP error', '/gone', {}, 'HTTP 410 Gone'],
    ['a missing page', '/nothing-here', {}, 'HTTP 404 Not Found'],
  ];
  it.each(failures)('rejects %s', async (_name, path, opts, reason) => {
    expect(await read(path, opts)).toEqual([`${path}: ${reason}`]);
  });

  it('rejects a connection refused on a closed loopback port', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/x`;
    expect(summarise(await readAll([url], { allowPrivate: true }))).toEqual([`${url}: unreachable: ECONNREFUSED`]);
  });

  it('rejects schemes other than http(s)', async () => {
    expect(summarise(await readAll(['ftp://127.0.0.1/file.txt'], { allowPrivate: true }))).toEqual(['ftp://127.0.0.1/file.txt: unsupported URL scheme "ftp:" (only http and https)']);
  });
});

describe('URL reader without --allow-private', () => {
  it('refuses loopback addresses and names, before any request is made', async () => {
    const port = new URL(server.base).port;
    const before = server.hits.length;
    const results = summarise(await readAll([`${server.base}/world/2022/03/03/talks`, `http://[::1]:${port}/x`, `http://localhost:${port}/x`]));
    expect(results.slice(0, 2)).toEqual([
      `${server.base}/world/2022/03/03/talks: refused: 127.0.0.1 is a loopback address; use --allow-private to allow it`,
      `http://[::1]:${port}/x: refused: [::1] is a loopback address; use --allow-private to allow it`,
    ]);
    expect(results[2]).toMatch(new RegExp(`^http://localhost:${port}/x: refused: localhost resolves to a loopback address \\((127\\.0\\.0\\.1|::1)\\); use --allow-private to allow it$`));
    expect(server.hits.length).toBe(before);
  });
});

describe('blockedKind', () => {
  const cases: [string, string | null][] = [
    ['127.0.0.1', 'loopback'], ['127.5.5.5', 'loopback'], ['::1', 'loopback'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'], ['100.64.0.1', 'private'], ['fd12::1', 'private'],
    ['169.254.169.254', 'link-local'], ['fe80::1', 'link-local'],
    ['0.0.0.0', 'reserved'], ['::', 'reserved'], ['224.0.0.1', 'reserved'], ['ff02::1', 'reserved'],
    ['172.32.0.1', null], ['8.8.8.8', null], ['2001:4860::1', null], ['::ffff:8.8.8.8', null],
  ];
  it.each(cases)('%s → %s', (address, kind) => {
    expect(blockedKind(address)).toBe(kind);
  });
});
