import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from './rng.js';
import { startSimServer } from './server.js';
import { BadRequest, type RunningSimulator } from './types.js';

/** The shared simulator machinery, through a tiny dialect over real HTTP. */
const dialect = {
  error: (status: number, message: string) => ({ status, json: { oops: message } }),
  authenticate: (req: { headers: Record<string, unknown> }) => (req.headers['x-key'] === 'k' ? null : { status: 401, json: { oops: 'who are you' } }),
};

let sim: RunningSimulator | undefined;
afterEach(async () => sim?.close());

async function start(extra: Partial<Parameters<typeof startSimServer>[0]['options']> = {}, advance?: Parameters<typeof startSimServer>[0]['advance']) {
  sim = await startSimServer({
    ...(advance ? { advance } : {}),
    name: 'test',
    options: { port: 0, seed: 1, size: 1, latencyMs: [0, 0], errorRate: 0, ...extra },
    dialect,
    routes: [
      { name: 'echo', method: 'GET', path: '/echo/:word', handler: (req) => ({ json: { word: req.params.word, padding: 'x'.repeat(2000) } }) },
      { name: 'bad', method: 'GET', path: '/bad', handler: () => { throw new BadRequest('nope'); } },
      { name: 'boom', method: 'GET', path: '/boom', handler: () => { throw new Error('bug'); } },
    ],
  });
  return sim;
}
const get = (path: string, key = 'k') => fetch(`${sim!.url}${path}`, { headers: { 'x-key': key } });
const faults = (body: unknown) => fetch(`${sim!.url}/__sim/faults`, { method: 'POST', body: JSON.stringify(body) });

describe('simulator core', () => {
  it('routes, counts by route, and speaks the dialect for auth, 400, 404, 405 and handler bugs', async () => {
    await start();
    expect(await (await get('/echo/hi')).json()).toMatchObject({ word: 'hi' });
    expect((await get('/echo/hi', 'wrong')).status).toBe(401);
    expect(await (await get('/bad')).json()).toEqual({ oops: 'nope' });
    expect((await get('/nowhere')).status).toBe(404);
    expect((await fetch(`${sim!.url}/echo/x`, { method: 'POST' })).status).toBe(405);
    expect(await (await get('/boom')).json()).toEqual({ oops: 'Internal error' });
    const stats = await (await fetch(`${sim!.url}/__sim/stats`)).json();
    expect(stats).toEqual({ total: 4, byRoute: { bad: 1, boom: 1, echo: 2 } });
    await fetch(`${sim!.url}/__sim/reset`, { method: 'POST' });
    expect(sim!.stats().total).toBe(0);
  });

  it('takes faults: down resets connections, malformed cuts bodies, errorRate answers 503, latency delays', async () => {
    await start();
    await faults({ down: true });
    await expect(get('/echo/a')).rejects.toThrow();
    await faults({ down: false, malformed: true });
    await expect((await get('/echo/a')).json()).rejects.toThrow();
    await faults({ malformed: false, errorRate: 1 });
    expect((await get('/echo/a')).status).toBe(503);
    await faults({ errorRate: 0, latencyMs: [150, 150] });
    const t0 = Date.now();
    await get('/echo/a');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    await faults({ latencyMs: [0, 0], slowDripMs: 20 });
    const body = await (await get('/echo/a')).json();
    expect(body).toMatchObject({ word: 'a' });
    expect((await (await faults('not an object')).json()).error).toBeDefined();
  });

  it('rate-limits per client with 429 and Retry-After', async () => {
    await start({ rateLimit: { perSecond: 1, burst: 2 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get('/echo/a')).status);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    const limited = await get('/echo/a');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('advances the clock through POST /__sim/advance and in code; refuses bad requests; a fixed-data system has no clock', async () => {
    const asked: unknown[] = [];
    await start({}, (request) => (asked.push(request), { nowMs: Date.UTC(2026, 10, 21), created: request.changes, filled: 0, withdrawn: 0, updated: 0, changed: [] }));
    const post = (body: string) => fetch(`${sim!.url}/__sim/advance`, { method: 'POST', body });
    const answer = await post('{"changes": 3, "days": 1}');
    expect(await answer.json()).toEqual({ nowMs: Date.UTC(2026, 10, 21), now: '2026-11-21T00:00:00.000Z', created: 3, filled: 0, withdrawn: 0, updated: 0, changed: [] });
    expect(sim!.advance({ changes: 2 }).created).toBe(2);
    expect(asked).toEqual([{ changes: 3, days: 1 }, { changes: 2, days: 1 }]);
    for (const bad of ['{"changes": -4}', '{"days": 2}', 'not json']) expect((await post(bad)).status, bad).toBe(400);
    expect(sim!.stats().total).toBe(0);
    await sim!.close();
    await start();
    expect((await post('{"changes": 1}')).status).toBe(404);
    expect(() => sim!.advance({ changes: 1 })).toThrow(/no clock/);
  });

  it('draws the same numbers from the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 5 }, () => a.int(0, 1000))).toEqual(Array.from({ length: 5 }, () => b.int(0, 1000)));
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });
});
