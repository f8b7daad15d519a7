import { createHash, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache } from '../../core/cache/index.js';
import { createGateway } from '../../gateway/src/server.js';
import { needRedis, REDIS_URL } from '../harness/requirements.js';
import { postGraphQL, startStack, type GraphQLAnswer, type TestStack } from '../harness/stack.js';
import { countryReferences, readDataCsv, regionsOf } from '../../reference/index.js';
import { readCsvFile } from '../../reference/csv.js';
import { oneCountry } from '../harness/countries.js';

/** The gateway in front of the real taxonomy subgraph, over HTTP: answers, security, limits, caching. */
const DONE_CHECK = `{ occupation(iscoCode: "7212") { title(lang: "th") parent { title } nationalCodes { system code } skills { label } } }`;
const JWT_SECRET = 'a-test-secret-of-enough-length';
const codes = (answer: GraphQLAnswer<unknown>) => (answer.errors ?? []).map((e) => e.extensions?.code);
const jwt = (claims: Record<string, unknown>, subject = 'app-1') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(subject).setExpirationTime('5m').sign(new TextEncoder().encode(JWT_SECRET));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Any registered country and one of its regions: what the taxonomy answers for it is the example here. */
const country = oneCountry();
const region = regionsOf(country.code)[0]!.code;

/** The national systems with a code for an ISCO-08 unit, read by hand from each registered country's own list. */
function systemsWithCodesFor(unit: string): Set<string> {
  const primary = new Map(readDataCsv('national/isco88_to_isco08.csv').map((r) => [r.isco88 ?? '', r.isco08 ?? '']));
  const lists = (dir: string) => readCsvFile(`${dir}/occupations.csv`).some((r) => (r.isco08 || primary.get(r.isco88 ?? '')) === unit);
  return new Set(countryReferences().filter((r) => lists(r.dir)).map((r) => r.country.occupationSystem.id));
}

describe('gateway over the taxonomy', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({
      subgraphs: ['taxonomy'],
      env: { API_KEYS: 'good-key:public+analyst,other-key:public', JWT_SECRET, RATE_LIMIT_PER_MINUTE: '1000' },
    });
  });
  afterAll(async () => stack?.stop());
  const endpoint = (path: string) => stack.gatewayUrl.replace(/\/graphql$/, path);

  it('answers the first query with real values', async () => {
    const answer = await stack.query<{ occupation: { title: string; parent: { title: string }; nationalCodes: Array<{ system: string }>; skills: unknown[] } }>(DONE_CHECK);
    expect(answer.errors).toBeUndefined();
    const o = answer.data!.occupation;
    expect(o.title).toBe('ช่างเชื่อมและช่างตัดโลหะด้วยแก๊ส');
    expect(o.parent.title).toMatch(/welders/i);
    const systems = systemsWithCodesFor('7212');
    expect(systems.size).toBeGreaterThan(1);
    expect(new Set(o.nationalCodes.map((c) => c.system))).toEqual(systems);
    expect(o.skills.length).toBeGreaterThan(0);
  });

  it('lists all 436 ISCO-08 unit groups', async () => {
    const answer = await stack.query<{ occupations: { totalCount: number; edges: unknown[] } }>('{ occupations(level: UNIT, first: 500) { totalCount edges { node { iscoCode } } } }');
    expect(answer.data?.occupations.edges).toHaveLength(436);
  });

  it('answers bad input with a coded error, never a 500', async () => {
    const answer = await stack.query('{ occupation(iscoCode: "72x") { title } }');
    expect(codes(answer)).toContain('BAD_USER_INPUT');
    const broken = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(broken.status).toBe(400);
    const unknownField = await stack.query('{ occupation(iscoCode: "7212") { nope } }');
    expect([unknownField.status, ...codes(unknownField)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(await stack.query('{ occupation(iscoCode: "7212") { title } }'))).not.toContain('stacktrace');
  });

  it('refuses an unknown API key or a bad JWT with 401 UNAUTHENTICATED, accepts good ones', async () => {
    const bad = await stack.query('{ countries { code } }', {}, { 'x-api-key': 'nope' });
    expect([bad.status, ...codes(bad)]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await stack.query('{ countries { code } }', {}, { 'x-api-key': 'good-key' })).status).toBe(200);
    expect((await stack.query('{ countries { code } }', {}, { authorization: `Bearer ${await jwt({ scope: 'public' })}` })).status).toBe(200);
    for (const authorization of ['Bearer not.a.jwt', 'Basic Zm9vOmJhcg==']) {
      const refused = await stack.query('{ countries { code } }', {}, { authorization });
      expect([refused.status, ...codes(refused)]).toEqual([401, 'UNAUTHENTICATED']);
    }
    const forged = await new SignJWT({ scope: 'public' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').sign(new TextEncoder().encode('another-secret-of-enough-length'));
    expect((await stack.query('{ countries { code } }', {}, { authorization: `Bearer ${forged}` })).status).toBe(401);
    // Issue 14.9: a token must expire, and within a day.
    const key = new TextEncoder().encode(JWT_SECRET);
    const forever = await new SignJWT({ scope: 'public' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').sign(key);
    const year = await new SignJWT({ scope: 'public' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuedAt().setExpirationTime('365d').sign(key);
    for (const token of [forever, year]) expect((await stack.query('{ countries { code } }', {}, { authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it('refuses queries over the depth, alias, cost and token limits with HTTP 400 and a code', async () => {
    const deep = await stack.query(`{ occupation(iscoCode: "7212") { ${'parent { '.repeat(14)} iscoCode ${'} '.repeat(14)} } }`);
    expect([deep.status, deep.data ?? null, ...codes(deep)]).toEqual([400, null, 'GRAPHQL_VALIDATION_FAILED']);
    expect(deep.errors?.[0]?.message).toMatch(/depth/i);
    const aliases = await stack.query(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: countries { code }`).join(' ')} }`);
    expect([aliases.status, ...codes(aliases)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    const costly = await stack.query('{ occupations(first: 500) { edges { node { children { children { skills { label } } } } } } }');
    expect([costly.status, ...codes(costly)]).toEqual([400, 'QUERY_TOO_COSTLY']);
    expect(costly.errors?.[0]?.message).toMatch(/cost/i);
    const long = await stack.query(`{ countries { ${'code '.repeat(3_000)} } }`);
    expect([long.status, ...codes(long)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
  });

  it('answers other methods on /graphql with 405 and Allow (issue 14.9)', async () => {
    for (const method of ['PUT', 'DELETE']) {
      const res = await fetch(stack.gatewayUrl, { method });
      expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET, POST']);
    }
  });

  it('keeps CSRF prevention on: a GET needs a preflight header', async () => {
    const url = `${stack.gatewayUrl}?query=${encodeURIComponent(`{ country(code: "${country.code}") { code } }`)}`;
    expect((await fetch(url)).status).toBe(400);
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { country: { code: country.code } } });
  });

  it('serves automatic persisted queries', async () => {
    const query = `{ country(code: "${country.code}") { code name } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const send = (body: unknown) => postGraphQL<{ country: { code: string } }>(stack.gatewayUrl, body);
    expect(codes(await send({ extensions }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect((await send({ query, extensions })).data?.country.code).toBe(country.code);
    expect((await send({ extensions })).data?.country.code).toBe(country.code);
    const mismatch = await send({ query: '{ countries { code } }', extensions });
    expect([mismatch.status, ...codes(mismatch)]).toEqual([400, 'BAD_REQUEST']);
  });

  it('caches whole responses per scope and language: a repeat is a HIT, another scope or language is not', async () => {
    const query = `{ region(code: "${region}") { code name } }`;
    const first = await stack.query(query);
    expect([first.headers.get('x-cache'), first.headers.get('cache-control')]).toEqual(['MISS', 'public, max-age=30']);
    const second = await stack.query(query);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('cache-control')).toMatch(/^public, max-age=(29|30)$/);
    expect(second.data).toEqual(first.data);
    // Same scopes as anonymous (`public`) → shared; more scopes → its own entry.
    expect((await stack.query(query, {}, { 'x-api-key': 'other-key' })).headers.get('x-cache')).toBe('HIT');
    expect((await stack.query(query, {}, { 'x-api-key': 'good-key' })).headers.get('x-cache')).toBe('MISS');
    expect((await stack.query(query, {}, { 'accept-language': 'th' })).headers.get('x-cache')).toBe('MISS');
  });

  it('never stores an answer with errors', async () => {
    const query = '{ occupation(iscoCode: "72x") { title } }';
    const first = await stack.query(query);
    expect([first.headers.get('x-cache'), first.headers.get('cache-control')]).toEqual(['MISS', 'no-store']);
    expect((await stack.query(query)).headers.get('x-cache')).toBe('MISS');
  });

  it('forwards signed calls only: a direct unsigned call to the subgraph is refused', async () => {
    const res = await fetch(stack.subgraphUrls.taxonomy!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(401);
  });

  it('reports health, readiness and Prometheus metrics', async () => {
    expect(await (await fetch(endpoint('/health'))).json()).toEqual({ status: 'ok', service: 'gateway' });
    const ready = await fetch(endpoint('/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', supergraph: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const metrics = await (await fetch(endpoint('/metrics'))).text();
    expect(metrics).toMatch(/lmis_gateway_requests_total\{operation="query",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/lmis_gateway_response_cache_total\{outcome="hit"\} [1-9]/);
    expect(metrics).toContain('lmis_gateway_request_seconds_bucket');
  });
});

describe('gateway in production mode', () => {
  it('turns off introspection, field suggestions and the IDE', async () => {
    const stack = await startStack({ subgraphs: ['taxonomy'], env: { ENABLE_IDE: 'false' } });
    try {
      const introspection = await stack.query('{ __schema { types { name } } }');
      expect([introspection.status, ...codes(introspection)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
      const typo = await stack.query('{ countrys { code } }');
      expect(typo.errors?.[0]?.message).not.toContain('Did you mean');
      // Enum values are suggested by graphql-js in other words ("the enum value …"), inline and in variables.
      const enumTypo = await stack.query('{ occupations(level: MAJORR) { totalCount } }');
      expect(codes(enumTypo)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(enumTypo.errors?.[0]?.message).toMatch(/MAJORR/);
      expect(enumTypo.errors?.[0]?.message).not.toMatch(/did you mean|MAJOR\b/i);
      const variableTypo = await stack.query('query ($l: OccupationLevel) { occupations(level: $l) { totalCount } }', { l: 'MAJORR' });
      expect(variableTypo.errors?.[0]?.message).toMatch(/MAJORR/);
      expect(variableTypo.errors?.[0]?.message).not.toMatch(/did you mean|MAJOR\b/i);
      expect((await fetch(stack.ideUrl)).status).toBe(404);
      expect((await stack.query(`{ country(code: "${country.code}") { code } }`)).data).toEqual({ country: { code: country.code } });
    } finally {
      await stack.stop();
    }
  });
});

describe('gateway rate limit', () => {
  it('answers RATE_LIMITED with HTTP 429 and Retry-After past the per-minute budget, per caller', async () => {
    const stack = await startStack({ subgraphs: ['taxonomy'], env: { RATE_LIMIT_PER_MINUTE: '3', API_KEYS: 'k1:public' } });
    try {
      const statuses: number[] = [];
      // A malformed query counts too: refusing it cost the gateway work as well.
      statuses.push((await stack.query('{ countries { code ')).status);
      for (let i = 0; i < 2; i++) statuses.push((await stack.query('{ countries { code } }')).status);
      expect(statuses).toEqual([400, 200, 200]);
      const limited = await stack.query('{ countries { code } }');
      expect([limited.status, ...codes(limited)]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another caller has its own budget.
      expect((await stack.query('{ countries { code } }', {}, { 'x-api-key': 'k1' })).status).toBe(200);
    } finally {
      await stack.stop();
    }
  });
});

const hasRedis = await needRedis();
describe.skipIf(!hasRedis)('gateway with Redis', () => {
  it('keeps APQ, whole responses and rate-limit counters in Redis, shared by two gateway replicas', async () => {
    const cacheNamespace = `test:gateway-redis:${randomUUID()}`;
    const one = await startStack({ subgraphs: ['taxonomy'], redisUrl: REDIS_URL, cacheNamespace, env: { RATE_LIMIT_PER_MINUTE: '4' } });
    const logger = pino({ level: 'silent' });
    const sharedCache = createCache({ namespace: `${cacheNamespace}:gateway`, redisUrl: REDIS_URL, logger });
    const two = await createGateway({ config: one.config, cache: sharedCache, logger, supergraphSdl: one.supergraphSdl, listen: { port: 0 } });
    const query = `{ country(code: "${country.code}") { code currency } }`;
    try {
      const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
      const first = await postGraphQL(one.gatewayUrl, { query, extensions });
      expect(first.headers.get('x-cache')).toBe('MISS');
      // The other replica knows the persisted query and the cached answer.
      const second = await postGraphQL<{ country: { currency: string } }>(two.url, { extensions });
      expect(second.headers.get('x-cache')).toBe('HIT');
      expect(second.data?.country.currency).toBe(country.currency);
      // One budget across replicas: 2 used above, 2 more, then refused.
      expect((await one.query('{ countries { code } }')).status).toBe(200);
      expect((await postGraphQL(two.url, { query: '{ countries { code } }' })).status).toBe(200);
      expect(codes(await one.query('{ countries { code } }'))).toEqual(['RATE_LIMITED']);
    } finally {
      // Persisted queries live a day; the rest expires within a minute.
      await sharedCache.delete(`apq:${sha256(query)}`);
      await two.close();
      await sharedCache.close();
      await one.stop();
    }
  });
});
