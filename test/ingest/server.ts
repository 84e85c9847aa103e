import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server on 127.0.0.1 (never any other address) serving `routes` by path. */
export async function startServer(routes: Record<string, Handler>): Promise<{ base: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const handler = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (handler) handler(req, res);
    else res.writeHead(404, 'Not Found').end('missing');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = await startServer({});
  const port = Number(new URL(s.base).port);
  await s.close();
  return port;
}

/** Serves a fixed body with a content type. */
export const body = (content: string | Uint8Array, type = 'text/html; charset=utf-8'): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(content) }).end(content);
};

/** Redirects to `to` (relative or absolute). */
export const redirect = (to: string, status = 302): Handler => (_req, res) => {
  res.writeHead(status, { location: to }).end();
};
