import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createCache } from '../../core/cache/index.js';
import { loadConfig } from '../../core/config.js';
import { fromRoot } from '../../core/paths.js';
import { countrySubgraphs, readSubgraphList } from '../../schema/registry.js';
import { startWholeStack, type WholeStack } from '../../stack/stack.js';
import { postGraphQL } from '../harness/stack.js';

/**
 * `npm start`'s stack twice at once on fixed ports: the port bases (SUBGRAPH_PORT_BASE,
 * SIM_PORT_BASE, PORT) move every service, so two stacks run side by side, each gateway routing to
 * its own subgraphs on a supergraph composed with the moved URLs.
 */

const countries = countrySubgraphs();
// Far from the defaults (4000–4103) and from each other, below the kernel's ephemeral range
// (32768+, where other processes' port-0 listeners land); random so that parallel runs rarely meet.
const base = 10_000 + Math.floor(Math.random() * 150) * 100;
const bases = [base, base + 5_000];

function stackEnv(subgraphBase: number): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SUBGRAPH_PORT_BASE: String(subgraphBase),
    SIM_PORT_BASE: String(subgraphBase + 100),
    PORT: String(subgraphBase - 1),
    SIM_SIZE: '200',
    SIM_LATENCY_MS: '0',
  };
}

async function start(subgraphBase: number): Promise<{ stack: WholeStack; close(): Promise<void> }> {
  const config = loadConfig(stackEnv(subgraphBase));
  const logger = pino({ level: 'silent' });
  const stack = await startWholeStack({
    config,
    logger,
    newCache: (namespace, maxBytes) => createCache({ namespace: `side-by-side-${subgraphBase}:${namespace}`, logger, ...(maxBytes ? { maxBytes } : {}) }),
    supergraphPath: fromRoot('schema/supergraph.graphql'),
  });
  return {
    stack,
    close: async () => {
      for (const close of [...stack.closers].reverse()) await close().catch(() => undefined);
    },
  };
}

describe('two stacks side by side', () => {
  const running: Array<Awaited<ReturnType<typeof start>>> = [];
  beforeAll(async () => {
    running.push(...(await Promise.all(bases.map(start))));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(running.map((r) => r.close()));
  });

  it('listens on ports moved by the bases: gateway PORT, subgraphs and simulators', () => {
    bases.forEach((b, i) => {
      const { stack } = running[i]!;
      expect(new URL(stack.gatewayUrl).port).toBe(String(b - 1));
      const ports = stack.services.map((s) => Number(new URL(s.url).port)).sort((x, y) => x - y);
      const subgraphs = readSubgraphList().subgraphs.map((s) => s.manifest.port - 4001 + b);
      const simulators = countries.map((c) => c.manifest.upstream.simulatorPort - 4101 + b + 100);
      expect(ports).toEqual([...subgraphs, ...simulators].sort((x, y) => x - y));
    });
  });

  it('answers cross-border queries on each gateway from its own subgraphs', async () => {
    const query = '{ vacancies(first: 5) { totalCount sources { subgraph status } } }';
    const answers = await Promise.all(
      running.map((r) =>
        postGraphQL<{ vacancies: { totalCount: number; sources: Array<{ subgraph: string; status: string }> } }>(r.stack.gatewayUrl, { query }),
      ),
    );
    for (const answer of answers) {
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      expect(answer.data?.vacancies.sources.map((s) => [s.subgraph, s.status]).sort()).toEqual(countries.map((c) => [c.name, 'OK']).sort());
      expect(answer.data?.vacancies.totalCount).toBeGreaterThan(0);
    }
  });
});
