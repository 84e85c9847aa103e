/**
 * ETags for API responses: a hash of the body, so a client that already has it gets `304 Not
 * Modified` with no body. API responses are marked `no-cache` (always revalidate), since the store
 * changes under them.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** The strong ETag of a body. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when an `If-None-Match` header value matches `etag` (weak comparison, as RFC 9110 asks for GET). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/** Adds ETag handling to successful GET responses under `/api/`. */
export function etagHook(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' || reply.statusCode !== 200 || !req.url.startsWith('/api/')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const tag = (reply.getHeader('etag') as string | undefined) ?? etagOf(payload);
    reply.header('etag', tag).header('cache-control', 'no-cache');
    if (!matches(req.headers['if-none-match'], tag)) return payload;
    reply.code(304).removeHeader('content-type').removeHeader('content-length');
    return '';
  });
}
