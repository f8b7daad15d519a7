import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startStack, type TestStack } from '../harness/stack.js';
import { buildOnce, freePort, runBuilt, untilReady } from './built.js';
import { everySubgraph } from '../harness/countries.js';

/**
 * The built gateway run as deployed (`node dist/gateway/src/main.js`, PID 1 in the image) over a
 * test stack: a SIGTERM while requests are in flight lets every one of them finish (Apollo's own
 * signal handler is off; the process drains, then stops), and a bad environment is one line and
 * exit code 1.
 */
const SECRET = '7f3c9a1e5b2d8046c1e9f7a3b5d20c84';

describe('the built gateway, as deployed', () => {
  let stack: TestStack;
  let supergraphFile: string;
  beforeAll(async () => {
    buildOnce();
    // Slow national systems keep requests in flight long enough to signal in the middle of them.
    stack = await startStack({
      subgraphs: everySubgraph(),
      simulator: { latencyMs: [700, 900] },
      env: { GATEWAY_SHARED_SECRET: SECRET },
      responseCacheTtlSeconds: 0,
    });
    supergraphFile = join(mkdtempSync(join(tmpdir(), 'lmis-built-')), 'supergraph.graphql');
    writeFileSync(supergraphFile, stack.supergraphSdl);
  }, 180_000);
  afterAll(async () => stack?.stop());

  it('finishes every in-flight request on SIGTERM, then exits 0', async () => {
    const port = await freePort();
    const gateway = runBuilt('gateway/src/main.js', { NODE_ENV: 'production', PORT: String(port), GATEWAY_SHARED_SECRET: SECRET, SUPERGRAPH_FILE: supergraphFile });
    try {
      await untilReady(`http://127.0.0.1:${port}/ready`, gateway);
      const before = await stack.upstreamCalls();
      const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
      const requests = Array.from({ length: 16 }, (_, i) =>
        postGraphQL<{ vacancies: { totalCount: number } }>(`http://127.0.0.1:${port}/graphql`, {
          query: 'query ($first: Int) { vacancies(filter: { iscoCode: "7" }, first: $first) { totalCount edges { node { id } } } }',
          variables: { first: i + 1 },
        }),
      );
      // Signal once the national systems are being called: the requests are mid-flight.
      await expect.poll(async () => total(await stack.upstreamCalls()) - total(before), { timeout: 10_000, interval: 20 }).toBeGreaterThan(0);
      gateway.child.kill('SIGTERM');
      const answers = await Promise.all(requests);
      expect(answers.map((a) => a.status)).toEqual(Array(16).fill(200));
      for (const answer of answers) {
        expect(answer.errors).toBeUndefined();
        expect(answer.data?.vacancies.totalCount).toBeGreaterThan(0);
      }
      expect(await gateway.exited).toBe(0);
    } finally {
      gateway.child.kill('SIGKILL');
    }
  }, 60_000);

  it('says in its start banner that Redis is not reachable when it is not', async () => {
    const port = await freePort();
    const closedPort = await freePort();
    const gateway = runBuilt('gateway/src/main.js', { PORT: String(port), GATEWAY_SHARED_SECRET: SECRET, SUPERGRAPH_FILE: supergraphFile, REDIS_URL: `redis://127.0.0.1:${closedPort}`, LOG_LEVEL: 'silent' });
    try {
      await untilReady(`http://127.0.0.1:${port}/ready`, gateway);
      await expect.poll(() => gateway.output(), { timeout: 5_000 }).toContain(`cache: Redis at 127.0.0.1:${closedPort} is NOT reachable`);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^lmis_gateway_redis_up 0$/m);
    } finally {
      gateway.child.kill('SIGKILL');
    }
  }, 30_000);

  it('refuses a bad environment with one line naming the variable and exit code 1', async () => {
    const gateway = runBuilt('gateway/src/main.js', { PORT: 'not-a-port', GATEWAY_SHARED_SECRET: SECRET });
    expect(await gateway.exited).toBe(1);
    const lines = gateway.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: PORT: /);
  }, 30_000);
});
