import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ListenOptions } from './service.js';

/**
 * How long an idle keep-alive socket stays open. Node's default (5 s) is shorter than the stalls a
 * loaded process sees (a test generating 200k postings stalls its own loop for seconds): when the
 * loop resumes, a client may write its next request on a pooled socket just before the server's
 * overdue idle timer closes it under that request, and the client gets ECONNRESET. The window is
 * advertised (Keep-Alive: timeout=65), so clients (undici keeps a socket 2 s less) close first.
 */
export const KEEP_ALIVE_MS = 65_000;

/** Listens and resolves with the real port (port 0 picks an ephemeral one). */
export function listenOn(server: Server, listen: ListenOptions): Promise<number> {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Counts requests in flight so a close can wait for them. */
export function trackInFlight(server: Server): () => number {
  let inFlight = 0;
  server.on('request', (_req, res) => {
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
  });
  return () => inFlight;
}

/** Stop accepting, let in-flight requests finish (bounded), then drop what is left. */
export async function closeServer(server: Server, inFlight: () => number, graceMs = 10_000): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = Date.now() + graceMs;
  while (inFlight() > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    server.closeIdleConnections();
  }
  server.closeAllConnections();
  await closed;
}
