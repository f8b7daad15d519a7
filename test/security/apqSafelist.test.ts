import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../bench/scenarios.js';
import { createCache } from '../../core/cache/index.js';
import { ConfigError, DEFAULT_SAFELIST_FILE, loadConfig } from '../../core/config.js';
import { fromRoot } from '../../core/paths.js';
import { documentHash, manifestOf, readSafelist } from '../../core/safelist.js';
import { needRedis, REDIS_URL } from '../harness/requirements.js';
import { postGraphQL, startStack, type GraphQLAnswer } from '../harness/stack.js';

/**
 * Issue 14.4: with APQ_MODE=safelist the gateway runs only the committed manifest's operations
 * (config/persisted-queries.json, `npm run safelist`), by hash or exact text; an ad-hoc query, an
 * unknown hash and a registration get 403 PERSISTED_QUERY_NOT_IN_SAFELIST and nothing is stored.
 * A bad manifest stops the start with one line naming APQ_SAFELIST_FILE.
 */
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: documentHash(query) } });
const outcome = (answer: GraphQLAnswer<unknown>) => [answer.status, answer.errors?.[0]?.extensions?.code ?? 'ok'];
/** A GET naming the document by hash only, as APQ clients send it (with Apollo's CSRF header). */
async function get(url: string, query: string): Promise<GraphQLAnswer<unknown>> {
  const target = `${url}?extensions=${encodeURIComponent(JSON.stringify(persisted(query)))}`;
  const res = await fetch(target, { headers: { 'apollo-require-preflight': 'true' } });
  return { status: res.status, headers: res.headers, ...((await res.json()) as Pick<GraphQLAnswer<unknown>, 'errors'>) };
}
/** The benchmark's taxonomy lookup: listed, and served by the taxonomy subgraph alone. */
const listed = (JSON.parse(SCENARIOS.find((s) => s.id === 'e')!.body(0)) as { query: string }).query;

const hasRedis = await needRedis();
describe.skipIf(!hasRedis)('safelist mode', () => {
  it('runs listed operations by hash or text and refuses everything else without storing it', async () => {
    const cacheNamespace = `test:apq-safelist:${randomUUID()}`;
    const stack = await startStack({ subgraphs: ['taxonomy'], redisUrl: REDIS_URL, cacheNamespace, env: { APQ_MODE: 'safelist' } });
    const store = createCache({ namespace: `${cacheNamespace}:gateway`, redisUrl: REDIS_URL, logger: pino({ level: 'silent' }) });
    const adHoc = '{ countries { code } }';
    try {
      const byHash = await postGraphQL<{ occupation: { title: string } }>(stack.gatewayUrl, { extensions: persisted(listed) });
      expect(outcome(byHash)).toEqual([200, 'ok']);
      expect(byHash.data?.occupation.title).toBeTruthy();
      expect(outcome(await postGraphQL(stack.gatewayUrl, { query: listed }))).toEqual([200, 'ok']);
      expect(outcome(await postGraphQL(stack.gatewayUrl, { query: listed, extensions: persisted(listed) }))).toEqual([200, 'ok']);

      const refused = [
        await postGraphQL(stack.gatewayUrl, { query: adHoc }),
        await postGraphQL(stack.gatewayUrl, { extensions: persisted(adHoc) }),
        await postGraphQL(stack.gatewayUrl, { query: adHoc, extensions: persisted(adHoc) }),
        // A listed operation with one character changed is another document.
        await postGraphQL(stack.gatewayUrl, { query: `${listed} ` }),
        await get(stack.gatewayUrl, adHoc),
        // Refused before parsing: an unlisted caller learns nothing from validation errors.
        await postGraphQL(stack.gatewayUrl, { query: '{ noSuchField }' }),
      ];
      expect(refused.map(outcome)).toEqual(Array(6).fill([403, 'PERSISTED_QUERY_NOT_IN_SAFELIST']));
      expect(outcome(await get(stack.gatewayUrl, listed))).toEqual([200, 'ok']);
      expect(await store.get(`apq:${documentHash(adHoc)}`)).toBeUndefined();
      expect(await stack.gateway.metrics.registry.getSingleMetricAsString('lmis_gateway_persisted_queries_refused_total')).toMatch(
        /^lmis_gateway_persisted_queries_refused_total\{reason="not_in_safelist"\} 6$/m,
      );
    } finally {
      await store.close();
      await stack.stop();
    }
  });
});

describe('safelist manifest', () => {
  const env = (file: string) => ({ NODE_ENV: 'test', APQ_MODE: 'safelist', APQ_SAFELIST_FILE: file });
  const write = (content: unknown) => {
    const file = join(mkdtempSync(join(tmpdir(), 'safelist-')), 'manifest.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const startError = (file: string) => {
    try {
      loadConfig(env(file));
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('the configuration was accepted');
  };

  it('is the committed one by default, and lists the project clients operations', () => {
    const config = loadConfig({ NODE_ENV: 'test', APQ_MODE: 'safelist' });
    expect(config.apq.safelist).toEqual(readSafelist(fromRoot(DEFAULT_SAFELIST_FILE)));
    expect(config.apq.safelist?.get(documentHash(listed))).toBe(listed);
    expect(loadConfig({ NODE_ENV: 'test' }).apq.safelist).toBeUndefined();
  });

  it('refuses a missing, malformed or inconsistent manifest at start, naming APQ_SAFELIST_FILE', () => {
    const good = manifestOf([{ name: 'Countries', type: 'query', body: '{ countries { code } }' }]);
    expect(startError('/nonexistent/manifest.json')).toMatch(/^Invalid configuration: APQ_SAFELIST_FILE: \/nonexistent\/manifest\.json: ENOENT/);
    expect(startError(write('{ not json'))).toMatch(/^Invalid configuration: APQ_SAFELIST_FILE: .*manifest\.json: .*JSON/);
    expect(startError(write({ ...good, format: 'something-else' }))).toMatch(/format /);
    expect(startError(write({ ...good, operations: [{ ...good.operations[0], body: '{ countries { name } }' }] }))).toMatch(
      /operations\.0\.id is not the SHA-256 of its body/,
    );
    expect(startError(write({ ...good, operations: [...good.operations, ...good.operations] }))).toMatch(/operations\.1\.id is listed twice/);
    expect(startError(write({ ...good, operations: [{ id: 'abc', name: 'X', type: 'query', body: '{ x }' }] }))).toMatch(/operations\.0\.id a lowercase SHA-256 hex digest/);
    expect(loadConfig(env(write(good))).apq.safelist?.size).toBe(1);
  });

  it('is written reproducibly: one entry per distinct text, in a stable order', () => {
    const operations = [
      { name: 'B', type: 'query' as const, body: '{ b: countries { code } }' },
      { name: 'A', type: 'query' as const, body: '{ a: countries { code } }' },
    ];
    const once = manifestOf([...operations, operations[0]!]);
    expect(once.operations.map((o) => o.name)).toEqual(['A', 'B']);
    expect(manifestOf([...operations].reverse())).toEqual(once);
  });
});
