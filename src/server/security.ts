/**
 * Security headers, the Host check and the write token. Article text is untrusted, so the UI is
 * served under a Content-Security-Policy with no inline script or style; when bound to loopback only
 * `localhost`-style Host headers are answered (so a rebinding DNS name cannot read the API); writes
 * need `Authorization: Bearer <token>`, compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './route.js';

/** The policy for every response: only this origin's scripts, styles, images and API. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** Host names answered when bound to a loopback address. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Adds the headers to every response and, on loopback, refuses foreign Host headers. */
export function securityHooks(app: FastifyInstance, opts: { loopbackOnly: boolean }): void {
  app.addHook('onRequest', async (req) => {
    if (!opts.loopbackOnly) return;
    const name = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!LOOPBACK_NAMES.has(name)) throw new HttpError(421, 'misdirected', `this server answers only for localhost, not "${name}"`);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.headers(HEADERS);
    return payload;
  });
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Throws 403 when writes are disabled (no token configured), 401 when the request's token is missing or wrong. */
export function requireToken(token: string | undefined, req: FastifyRequest): void {
  if (!token) throw new HttpError(403, 'writes_disabled', 'writes are disabled: start parley serve with --token to allow them');
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  if (!m || !timingSafeEqual(digest(m[1]), digest(token))) {
    throw new HttpError(401, 'unauthorized', 'a valid token is required: send "Authorization: Bearer <token>"');
  }
}
