import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTracing, type Tracing } from '../../core/tracing.js';
import { startStack, type TestStack } from '../harness/stack.js';
import { everySubgraph, registeredCountries } from '../harness/countries.js';

/**
 * One trace from the client through the gateway, the exchange and every country subgraph: the
 * client's W3C traceparent is continued by every service (in-memory exporter), and the gateway
 * exposes the per-subgraph latency histogram.
 */
describe('traces across gateway → exchange → countries', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | undefined;
  let stack: TestStack;
  beforeAll(async () => {
    tracing = setupTracing({ serviceName: 'lmis-test', exporter });
    stack = await startStack({ subgraphs: everySubgraph(), responseCacheTtlSeconds: 0 });
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
    await tracing?.shutdown();
  });

  it('continues the client trace in every service the question reaches', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const answer = await stack.query('{ vacancies(first: 2) { totalCount sources { status } } }', {}, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(answer.status).toBe(200);
    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const services = new Set(spans.map((s) => s.attributes['lmis.service']).filter(Boolean));
    expect([...services].sort()).toEqual(['exchange', 'gateway', ...registeredCountries().map((c) => c.name)].sort());
    expect(spans.some((s) => s.name === 'subgraph exchange')).toBe(true);
    const metrics = await (await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/lmis_gateway_subgraph_request_seconds_count\{subgraph="exchange",outcome="ok"\} [1-9]/);
  }, 30_000);
});
