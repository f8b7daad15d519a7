import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenOn, trackInFlight } from './httpServer.js';

/**
 * Keep-alive sockets across a stalled event loop: tests run servers in their own process, and a
 * synchronous step (generating 200k postings) can stall it for longer than Node's default 5 s
 * idle timeout. When the loop resumes, the client reuses its pooled socket before either side's
 * idle timer runs, then the server's timer closes the socket under the request: ECONNRESET.
 */
describe('HTTP server keep-alive', () => {
  const server = createServer((_req, res) => res.end('ok'));
  const inFlight = trackInFlight(server);
  let url = '';
  beforeAll(async () => {
    url = `http://127.0.0.1:${await listenOn(server, { port: 0 })}/`;
  });
  afterAll(() => closeServer(server, inFlight, 1_000));

  it('keeps an idle socket longer than a stalled event loop, so a reused socket is never reset', async () => {
    expect(await (await fetch(url)).text()).toBe('ok');
    // A synchronous stall longer than 5 s (as a test generating a large data set causes), then the
    // next request sent from the check phase, before the timers phase runs the overdue idle timers
    // (as a test runner starting the next test does).
    await new Promise<void>((resume) =>
      setTimeout(() => {
        const until = Date.now() + 6_000;
        while (Date.now() < until);
        setImmediate(resume);
      }, 10),
    );
    expect(await (await fetch(url)).text()).toBe('ok');
  }, 20_000);

  it('tells clients how long it keeps an idle socket', async () => {
    const res = await fetch(url);
    await res.text();
    expect(res.headers.get('keep-alive')).toBe(`timeout=${server.keepAliveTimeout / 1000}`);
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
  });
});
