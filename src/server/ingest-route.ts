/**
 * `POST /api/ingest`: files (multipart `file` fields) and URLs (multipart `url` fields or JSON
 * `{"urls": [...]}`) go through the same `ingest()` as the CLI. Needs the token. Uploads are written
 * to a folder named by their content hash, so uploading the same file twice is "unchanged"; ingests
 * run one at a time.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Context } from '../context.js';
import { ingest } from '../ingest-batch.js';
import type { Rejected } from '../model/doc.js';
import type { Store } from '../store/store.js';
import { parse } from './params.js';
import { HttpError } from './route.js';
import { requireToken } from './security.js';

/** Largest uploaded file (multipart streams are not bound by the JSON body limit); news articles are far smaller. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Most files or URLs in one request. */
export const MAX_INPUTS = 100;

const urls = z.array(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).max(2000)).max(MAX_INPUTS);
const jsonBody = z.strictObject({ urls });

/** A file name safe to write: its base name with anything unusual replaced. */
export function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[^\w.-]/g, '_').replace(/^\.+/, '_');
  return base.slice(-120) || 'upload.txt';
}

/** What the ingest route needs from the server. */
export interface IngestRouteOptions {
  store: Store;
  token: string | undefined;
  context: () => Context;
  uploadDir?: string;
  /** Called after an ingest that stored something, to refresh the snapshot. */
  changed: () => Promise<unknown>;
}

/** Registers multipart parsing and `POST /api/ingest` on `app`. */
export async function ingestRoute(app: FastifyInstance, o: IngestRouteOptions): Promise<void> {
  await app.register(import('@fastify/multipart'), { limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_INPUTS, fields: MAX_INPUTS, parts: MAX_INPUTS * 2 } });
  let queue: Promise<unknown> = Promise.resolve();
  const root = o.uploadDir ?? join(tmpdir(), 'parley-uploads');
  app.post('/api/ingest', async (req) => {
    requireToken(o.token, req);
    const inputs: string[] = [];
    if (req.isMultipart()) {
      const given: string[] = [];
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          const dir = join(root, createHash('sha256').update(bytes).digest('hex').slice(0, 16));
          await mkdir(dir, { recursive: true });
          const path = join(dir, safeName(part.filename));
          await writeFile(path, bytes);
          inputs.push(path);
        } else if (part.fieldname === 'url') given.push(String(part.value));
        else throw new HttpError(400, 'bad_request', `unknown form field "${part.fieldname}"; use "file" or "url"`);
      }
      inputs.push(...parse(urls, given, 'body'));
    } else {
      inputs.push(...parse(jsonBody, req.body, 'body').urls);
    }
    if (inputs.length === 0) throw new HttpError(400, 'bad_request', 'nothing to ingest: send files or URLs');
    const rejections: Rejected[] = [];
    const run = queue.then(() => ingest(inputs, o.store, o.context(), { onRejected: (r) => rejections.push(r) }));
    queue = run.catch(() => {});
    const summary = await run;
    if (summary.new + summary.duplicate > 0) await o.changed();
    return { ...summary, rejections: rejections.map((r) => ({ ...r, skipped: r.skipped.startsWith(root) ? basename(r.skipped) : r.skipped })) };
  });
}
