/**
 * The `parley serve` application: the read API over a snapshot of the store, `POST /api/ingest`
 * behind a token, the built web UI from `web/dist`, and the security around them (headers and CSP,
 * Host check on loopback, request size and rate limits, JSON errors). Built without listening, so
 * tests drive it with `inject`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Context } from '../context.js';
import { buildExport } from '../export/json.js';
import type { ExportV1 } from '../model/export.js';
import type { Store } from '../store/store.js';
import { etagHook } from './etag.js';
import { ingestRoute } from './ingest-route.js';
import { openapi } from './openapi.js';
import { parse, ParamError } from './params.js';
import { HttpError, type ApiRoute } from './route.js';
import { corpusRoutes } from './routes/corpus.js';
import { documentRoutes } from './routes/documents.js';
import { entityRoutes } from './routes/entities.js';
import { itemRoutes } from './routes/items.js';
import { searchRoutes } from './routes/search.js';
import { cachedResponse } from './response-cache.js';
import { securityHooks } from './security.js';
import { SnapshotHolder } from './snapshot-holder.js';

/** Every read route, in the order the OpenAPI document lists them. */
export const ROUTES: ApiRoute[] = [...corpusRoutes, ...entityRoutes, ...documentRoutes, ...itemRoutes, ...searchRoutes];

/** Requests per minute per client address; a page view makes about ten. */
export const DEFAULT_RATE_LIMIT = 1200;
/** Largest request body outside uploads; read requests have none. */
export const BODY_LIMIT = 64 * 1024;
/** Where `vite build` puts the UI. */
export const WEB_DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');

/** How to build the server; only `store` and `context` are required. */
export interface ServerOptions {
  store: Store;
  /** Makes the context for ingests (reference date, pack). */
  context: () => Context;
  /** Bearer token for writes; without one, writes are refused. */
  token?: string;
  /** The address the server will listen on; on loopback, foreign Host headers are refused. */
  host?: string;
  /** Requests per minute per client address (0: no limit). */
  rateLimit?: number;
  /** The built UI; defaults to `web/dist`. */
  webRoot?: string;
  /** Builds the export the snapshot indexes; defaults to `buildExport(store)`. */
  load?: () => Promise<ExportV1>;
  /** Cache serialized responses per snapshot (default on; the benchmark turns it off to measure the queries). */
  cache?: boolean;
  logger?: boolean;
}

/** Builds the server (not yet listening). */
export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const host = o.host ?? '127.0.0.1';
  const app = Fastify({ logger: o.logger ?? false, bodyLimit: BODY_LIMIT, trustProxy: false });
  const snapshots = new SnapshotHolder(o.store, o.load ?? (() => buildExport(o.store)));
  await snapshots.rebuild();

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof ParamError) return reply.code(400).send(err.body);
    if (err instanceof HttpError) return reply.code(err.status).send({ error: err.code, message: err.message });
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      app.log.error(err);
      return reply.code(500).send({ error: 'internal', message: 'internal error' });
    }
    return reply.code(status).send({ error: (err as { code?: string }).code ?? 'error', message: (err as Error).message });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', message: `no route for ${req.method} ${req.url.split('?')[0]}` }));

  securityHooks(app, { loopbackOnly: host === '127.0.0.1' || host === 'localhost' || host === '::1' });
  if ((o.rateLimit ?? DEFAULT_RATE_LIMIT) > 0) {
    await app.register(import('@fastify/rate-limit'), { max: o.rateLimit ?? DEFAULT_RATE_LIMIT, timeWindow: 60_000 });
  }
  etagHook(app);

  for (const r of ROUTES) {
    app.get(r.url, async (req, reply) => {
      const query = parse(r.query, req.query, 'query');
      const params = r.params ? parse(r.params, req.params, 'path') : {};
      const snap = await snapshots.get();
      const res = await cachedResponse(snap, req.url, () => r.handler({ query, params, snap, store: o.store }), o.cache ?? true);
      return reply.header('etag', res.etag).type('application/json; charset=utf-8').send(res.body);
    });
  }
  app.get('/api/health', async () => {
    const snap = await snapshots.get();
    return { status: 'ok', documents: snap.docs.size, snapshotBuiltAt: new Date(snap.builtAt).toISOString() };
  });
  const doc = JSON.stringify(openapi(ROUTES, '1'));
  app.get('/api/openapi.json', async (_req, reply) => reply.type('application/json; charset=utf-8').send(doc));
  await ingestRoute(app, { store: o.store, token: o.token, context: o.context, changed: () => snapshots.rebuild() });

  const root = o.webRoot ?? WEB_DIST;
  if (existsSync(join(root, 'index.html'))) {
    await app.register(import('@fastify/static'), {
      root,
      wildcard: true,
      dotfiles: 'deny',
      setHeaders: (res, path) => {
        if (path.includes(`${join(root, 'assets')}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  } else {
    app.get('/', async (_req, reply) =>
      reply.code(503).type('text/plain').send('The web UI is not built: run `npm run build`. The API is at /api/.'),
    );
  }
  return app;
}
