import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needRedis, REDIS_URL } from '../harness/requirements.js';
import { startStack, type TestStack } from '../harness/stack.js';

/** The gateway in front of the taxonomy subgraph, over HTTP: answers, security, limits, caching. */
const DONE_CHECK = `{ occupation(iscoCode: "7212") { title(lang: "th") parent { title } nationalCodes { system code } skills { label } } }`;
const JWT_SECRET = 'a-test-secret-of-enough-length';
const codes = (answer: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => (answer.errors ?? []).map((e) => e.extensions?.code);

describe('gateway over the taxonomy', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({
      subgraphs: ['taxonomy'],
      env: { API_KEYS: 'good-key:public+analyst', JWT_SECRET, RATE_LIMIT_PER_MINUTE: '1000' },
    });
  });
  afterAll(async () => stack?.stop());

  it('answers the first query with real values', async () => {
    const answer = await stack.query<{ occupation: { title: string; parent: { title: string }; nationalCodes: Array<{ system: string }>; skills: unknown[] } }>(DONE_CHECK);
    expect(answer.errors).toBeUndefined();
    const o = answer.data!.occupation;
    expect(o.title).toBe('ช่างเชื่อมและช่างตัดโลหะด้วยแก๊ส');
    expect(o.parent.title).toMatch(/welders/i);
    expect(new Set(o.nationalCodes.map((c) => c.system))).toEqual(new Set(['KBJI-2014', 'MASCO-2020', 'TH-DOE-ISCO88']));
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
    expect(JSON.stringify(await stack.query('{ occupation(iscoCode: "7212") { title } }'))).not.toContain('stacktrace');
  });

  it('refuses an unknown API key or a bad JWT with 401, accepts good ones', async () => {
    const bad = await stack.query('{ countries { code } }', {}, { 'x-api-key': 'nope' });
    expect(bad.status).toBe(401);
    expect(codes(bad)).toEqual(['UNAUTHENTICATED']);
    expect((await stack.query('{ countries { code } }', {}, { 'x-api-key': 'good-key' })).status).toBe(200);
    const jwt = await new SignJWT({ scope: 'public' }).setProtectedHeader({ alg: 'HS256' }).setSubject('app-1').setExpirationTime('5m').sign(new TextEncoder().encode(JWT_SECRET));
    expect((await stack.query('{ countries { code } }', {}, { authorization: `Bearer ${jwt}` })).status).toBe(200);
    expect((await stack.query('{ countries { code } }', {}, { authorization: 'Bearer not.a.jwt' })).status).toBe(401);
  });

  it('limits depth and aliases with coded errors', async () => {
    const deep = `{ occupation(iscoCode: "7212") { ${'parent { '.repeat(14)} iscoCode ${'} '.repeat(14)} } }`;
    const answer = await stack.query(deep);
    expect(answer.data ?? null).toBeNull();
    expect(codes(answer).length).toBeGreaterThan(0);
    const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: countries { code }`).join(' ')} }`;
    expect(codes(await stack.query(aliases)).length).toBeGreaterThan(0);
  });

  it('serves automatic persisted queries', async () => {
    const query = '{ country(code: "TH") { code name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const send = (body: unknown) => fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
    expect(codes(await send({ extensions }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect((await send({ query, extensions })).data.country.code).toBe('TH');
    expect((await send({ extensions })).data.country.code).toBe('TH');
  });

  it('caches whole responses per scope: the second identical query is a HIT, another scope is not', async () => {
    const query = '{ region(code: "TH-90") { code name } }';
    expect((await stack.query(query)).headers.get('x-cache')).toBe('MISS');
    expect((await stack.query(query)).headers.get('x-cache')).toBe('HIT');
    expect((await stack.query(query, {}, { 'x-api-key': 'good-key' })).headers.get('x-cache')).toBe('MISS');
  });

  it('forwards signed calls only: a direct unsigned call to the subgraph is refused', async () => {
    const res = await fetch(stack.subgraphUrls.taxonomy!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(401);
  });
});

describe('gateway rate limit', () => {
  it('answers RATE_LIMITED with HTTP 429 past the per-minute budget', async () => {
    const stack = await startStack({ subgraphs: ['taxonomy'], env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await stack.query('{ countries { code } }')).status);
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      const limited = await stack.query('{ countries { code } }');
      expect(limited.status).toBe(429);
      expect(codes(limited)).toEqual(['RATE_LIMITED']);
    } finally {
      await stack.stop();
    }
  });
});

const hasRedis = await needRedis();
describe.skipIf(!hasRedis)('gateway with Redis', () => {
  it('keeps APQ, response cache and rate limits in Redis', async () => {
    const stack = await startStack({ subgraphs: ['taxonomy'], redisUrl: REDIS_URL });
    try {
      const query = '{ country(code: "MY") { code currency } }';
      expect((await stack.query(query)).headers.get('x-cache')).toBe('MISS');
      const second = await stack.query<{ country: { currency: string } }>(query);
      expect(second.headers.get('x-cache')).toBe('HIT');
      expect(second.data?.country.currency).toBe('MYR');
    } finally {
      await stack.stop();
    }
  });
});
