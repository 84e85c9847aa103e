/**
 * Fetching one URL safely with Node's fetch: only http(s); every host (including each redirect's)
 * resolved and checked against private/loopback/link-local ranges unless `allowPrivate`; redirects
 * followed by hand, at most `MAX_REDIRECTS`; one timeout over the whole exchange; the body streamed
 * and abandoned as soon as it passes `maxBytes`.
 */
import { refusedHost } from './address.js';
import { DEFAULT_TIMEOUT_MS, type ReadOptions } from './types.js';

/** Browsers allow 20; news sites need at most 2–3 (http→https, canonical host, trailing slash). */
export const MAX_REDIRECTS = 5;

const USER_AGENT = 'parley/0.1 (+news timeline builder)';
const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5';

/** A fetched body with its content type and the URL it finally came from. */
export interface Fetched {
  bytes: Uint8Array;
  contentType?: string;
  url: string;
}

class Failure extends Error {}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (err as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `unreachable: cannot resolve the host (${code})`;
  if (code) return `unreachable: ${code}`;
  return `unreachable: ${cause?.message ?? (err as Error).message}`;
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Failure(`too large: more than ${maxBytes} bytes (limit ${maxBytes}; see --max-bytes)`);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function exchange(start: string, opts: ReadOptions, signal: AbortSignal): Promise<Fetched> {
  let url: URL;
  try {
    url = new URL(start);
  } catch {
    throw new Failure('not a valid URL');
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Failure(`unsupported URL scheme "${url.protocol}" (only http and https)`);
    if (!opts.allowPrivate) {
      const refused = await refusedHost(url.hostname).catch((err) => {
        throw new Failure(networkReason(err));
      });
      if (refused) throw new Failure(hop > 0 ? `${refused} (redirected to ${url.href})` : refused);
    }
    const res = await fetch(url, { redirect: 'manual', signal, headers: { 'user-agent': USER_AGENT, accept: ACCEPT } });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new Failure(`too many redirects (more than ${MAX_REDIRECTS})`);
      url = new URL(location, url);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new Failure(`HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
    }
    const length = Number(res.headers.get('content-length') ?? NaN);
    if (length > opts.maxBytes) {
      await res.body?.cancel();
      throw new Failure(`too large: ${length} bytes (limit ${opts.maxBytes}; see --max-bytes)`);
    }
    const bytes = res.body ? await readCapped(res.body, opts.maxBytes) : new Uint8Array();
    return { bytes, contentType: res.headers.get('content-type') ?? undefined, url: url.href };
  }
}

/** Fetches `url`, or says in one line why it could not be fetched. */
export async function fetchUrl(url: string, opts: ReadOptions): Promise<Fetched | { error: string }> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const timeout = new Promise<never>((_, rejectTimeout) => controller.signal.addEventListener('abort', () => rejectTimeout(new Failure('timeout'))));
  try {
    return await Promise.race([exchange(url, opts, controller.signal), timeout]);
  } catch (err) {
    if (timedOut) return { error: `timed out after ${timeoutMs} ms` };
    if (err instanceof Failure) return { error: err.message };
    return { error: networkReason(err) };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
