import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { CSP } from '../../src/server/security.js';
import { etagOf, matches } from '../../src/server/etag.js';
import { safeName } from '../../src/server/ingest-route.js';
import type { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';
import { fixtureServer, fixtureStore } from './setup.js';

let store: Store;
let app: FastifyInstance;
let webRoot: string;

/** A multipart/form-data body with the given parts. */
function multipart(parts: { name: string; filename?: string; value: string }[]) {
  const boundary = 'parleyboundary7d1';
  const body = parts
    .map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n${p.filename ? 'Content-Type: text/plain\r\n' : ''}\r\n${p.value}\r\n`)
    .join('') + `--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  store = await fixtureStore();
  // A stand-in UI folder beside a file that must never be served.
  const dir = tempDir('parley-web-');
  webRoot = join(dir, 'dist');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(webRoot, '.env'), 'SECRET=dotfile');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET=outside');
  app = await fixtureServer(store, { webRoot, token: 's3cret-token' });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe('headers, ETags and static files', () => {
  it('sends the strict CSP and hardening headers on API, UI and error responses', async () => {
    for (const url of ['/api/documents', '/', '/api/nope', '/api/timeline?limit=0']) {
      const r = await app.inject(url);
      expect(r.headers['content-security-policy'], url).toBe(CSP);
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
      expect(r.headers['x-frame-options'], url).toBe('DENY');
    }
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toContain('unsafe-inline');
    expect(CSP).not.toContain('unsafe-eval');
  });

  it('answers 304 when If-None-Match carries the current ETag, 200 otherwise', async () => {
    const first = await app.inject('/api/documents');
    const tag = first.headers.etag as string;
    expect(tag).toBe(etagOf(first.body));
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await app.inject({ url: '/api/documents', headers: { 'if-none-match': tag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const weak = await app.inject({ url: '/api/documents', headers: { 'if-none-match': `"x", W/${tag}` } });
    expect(weak.statusCode).toBe(304);
    const other = await app.inject({ url: '/api/documents?limit=1', headers: { 'if-none-match': tag } });
    expect(other.statusCode).toBe(200);
    expect(matches(undefined, tag)).toBe(false);
  });

  it('serves the UI and its assets', async () => {
    const r = await app.inject('/');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<title>ui</title>');
    expect((await app.inject('/assets/app.js')).statusCode).toBe(200);
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/.env',
    '/assets/app.js%00.html',
  ])('refuses %s', async (url) => {
    const r = await app.inject(url);
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.body).not.toContain('SECRET');
  });
});

describe('Host check, limits and the write token', () => {
  it('on loopback, refuses requests for another host name (DNS rebinding)', async () => {
    const r = await app.inject({ url: '/api/documents', headers: { host: 'evil.example:8080' } });
    expect(r.statusCode).toBe(421);
    expect(r.json().error).toBe('misdirected');
    expect((await app.inject({ url: '/api/documents', headers: { host: '127.0.0.1:8080' } })).statusCode).toBe(200);
  });

  it('answers 429 past the rate limit', async () => {
    const limited = await fixtureServer(store, { webRoot, rateLimit: 3 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await limited.inject('/api/documents')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    await limited.close();
  });

  it('refuses writes without a configured token (403), without or with a wrong token (401)', async () => {
    const readOnly = await fixtureServer(store, { webRoot });
    const noToken = await readOnly.inject({ method: 'POST', url: '/api/ingest', payload: { urls: ['https://x.example/a'] } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().message).toBe('writes are disabled: start parley serve with --token to allow them');
    await readOnly.close();
    const missing = await app.inject({ method: 'POST', url: '/api/ingest', payload: { urls: [] } });
    expect(missing.statusCode).toBe(401);
    const wrong = await app.inject({ method: 'POST', url: '/api/ingest', payload: { urls: [] }, headers: { authorization: 'Bearer s3cret-tokem' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('with the token, ingests an uploaded file and shows it at once; the same file again is unchanged', async () => {
    const auth = { authorization: 'Bearer s3cret-token' };
    const text = 'Orlesk offers to host a fourth round\n\nThe Orlesk mediators offered Marenport again for a fourth round of talks.';
    const before = (await app.inject('/api/documents')).json().total;
    const up = multipart([{ name: 'file', filename: '../../etc/fourth round.txt', value: text }]);
    const r = await app.inject({ method: 'POST', url: '/api/ingest', ...up, headers: { ...up.headers, ...auth } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ read: 1, new: 1, duplicate: 0, unchanged: 0, rejected: 0, rejections: [] });
    const after = (await app.inject('/api/documents')).json();
    expect(after.total).toBe(before + 1);
    expect(after.items.at(-1).origin).toMatch(/parley-uploads\/[0-9a-f]{16}\/fourth_round\.txt$/);
    const again = await app.inject({ method: 'POST', url: '/api/ingest', ...up, headers: { ...up.headers, ...auth } });
    expect(again.json()).toMatchObject({ read: 1, new: 0, unchanged: 1 });
  });

  it('validates ingest bodies: URLs must be http(s), something must be sent, size is capped', async () => {
    const auth = { authorization: 'Bearer s3cret-token' };
    const bad = await app.inject({ method: 'POST', url: '/api/ingest', payload: { urls: ['javascript:alert(1)'] }, headers: auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('urls.0: expected an http(s) URL');
    const extra = await app.inject({ method: 'POST', url: '/api/ingest', payload: { urls: [], path: '/etc/passwd' }, headers: auth });
    expect(extra.json().message).toBe('path: unknown body parameter; valid: urls');
    const none = await app.inject({ method: 'POST', url: '/api/ingest', payload: { urls: [] }, headers: auth });
    expect(none.json()).toEqual({ error: 'bad_request', message: 'nothing to ingest: send files or URLs' });
    const big = await app.inject({ method: 'POST', url: '/api/ingest', payload: { urls: ['https://a.example/' + 'x'.repeat(70_000)] }, headers: auth });
    expect(big.statusCode).toBe(413);
    const field = multipart([{ name: 'path', value: '/etc/passwd' }]);
    const odd = await app.inject({ method: 'POST', url: '/api/ingest', ...field, headers: { ...field.headers, ...auth } });
    expect(odd.json().message).toBe('unknown form field "path"; use "file" or "url"');
  });

  it('makes uploaded file names safe', () => {
    expect(safeName('../../etc/passwd')).toBe('passwd');
    expect(safeName('..\\..\\win.ini')).toBe('win.ini');
    expect(safeName('.hidden')).toBe('_hidden');
    expect(safeName('a b<c>.html')).toBe('a_b_c_.html');
  });
});
