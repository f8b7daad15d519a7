import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createCache } from '../../../core/cache/index.js';
import { loadConfig } from '../../../core/config.js';
import { createLogger } from '../../../core/log.js';
import type { RunningService } from '../../../core/service.js';
import { signRequestHeaders } from '../../kit/index.js';
import { start } from './subgraph.js';

/** The taxonomy subgraph over real HTTP, signed as the gateway signs. */

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const logger = createLogger('taxonomy-test', 'silent');
const cache = createCache({ namespace: `test-taxonomy-${randomUUID()}`, logger });
let service: RunningService;

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function query(text: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
  const body = JSON.stringify({ query: text, variables });
  const signed = signRequestHeaders(config.gatewaySecret, { method: 'POST', target: service.url, body, requestId: randomUUID() });
  const response = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json', ...signed, ...headers }, body });
  return (await response.json()) as GraphQLResponse;
}

/** The data of a response that must have no errors. */
async function data<T>(text: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T> {
  const body = await query(text, variables, headers);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const errorCode = (body: GraphQLResponse): string | undefined => body.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  service = await start({ config, cache, logger }, { port: 0 });
});

afterAll(async () => {
  await service?.close();
  await cache.close();
});

describe('taxonomy subgraph over HTTP', () => {
  it('answers the done-check query with real values', async () => {
    const d = await data<{
      occupation: { title: string; parent: { title: string }; nationalCodes: Array<{ system: string; code: string }>; skills: Array<{ label: string }> };
    }>(`{ occupation(iscoCode: "7212") { title(lang: "th") parent { title } nationalCodes { system code } skills { label } } }`);
    expect(d.occupation.title).toBe('ช่างเชื่อมและช่างตัดโลหะด้วยแก๊ส');
    expect(d.occupation.parent.title).toBe('Sheet and structural metal workers, moulders and welders, and related workers');
    expect(d.occupation.nationalCodes).toEqual(
      expect.arrayContaining([
        { system: 'KBJI-2014', code: '7212.01' },
        { system: 'MASCO-2020', code: '7212-01' },
        { system: 'TH-DOE-ISCO88', code: '721210' },
      ]),
    );
    expect(d.occupation.skills.length).toBeGreaterThan(5);
    expect(d.occupation.skills.map((s) => s.label)).toContain('operate brazing equipment');
  });

  it('lists all 436 unit groups in one page and pages with cursors', async () => {
    const all = await data<{ occupations: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      `{ occupations(level: UNIT, first: 500) { totalCount edges { node { iscoCode } } pageInfo { hasNextPage } } }`,
    );
    expect(all.occupations.totalCount).toBe(436);
    expect(all.occupations.edges).toHaveLength(436);
    expect(all.occupations.pageInfo.hasNextPage).toBe(false);

    type Page = { occupations: { edges: Array<{ node: { iscoCode: string } }>; pageInfo: { endCursor: string; hasNextPage: boolean } } };
    const pageQuery = `query ($after: String) { occupations(level: MAJOR, first: 4, after: $after) { edges { node { iscoCode } } pageInfo { endCursor hasNextPage } } }`;
    const first = await data<Page>(pageQuery);
    const second = await data<Page>(pageQuery, { after: first.occupations.pageInfo.endCursor });
    expect(first.occupations.edges.map((e) => e.node.iscoCode)).toEqual(['0', '1', '2', '3']);
    expect(second.occupations.edges.map((e) => e.node.iscoCode)).toEqual(['4', '5', '6', '7']);
  });

  it('ranks search results across languages and alternative labels', async () => {
    const d = await data<{ occupations: { edges: Array<{ node: { iscoCode: string } }> } }>(
      `{ occupations(search: "tukang las", first: 3) { edges { node { iscoCode } } } }`,
    );
    expect(d.occupations.edges[0]?.node.iscoCode).toBe('7212');
  });

  it('uses Accept-Language when no lang argument is given, and reports fallbacks', async () => {
    const d = await data<{ occupation: { title: string; label: { text: string; language: string; isFallback: boolean } } }>(
      `{ occupation(iscoCode: "2512") { title label(lang: "fr") { text language isFallback } } }`,
      {},
      { 'accept-language': 'ms-MY,ms;q=0.9,en;q=0.5' },
    );
    expect(d.occupation.title).toBe('Pembangun Perisian');
    expect(d.occupation.label).toEqual({ text: 'Software developers', language: 'en', isFallback: true });
  });

  it('finds an occupation by national code; unknown → null; malformed → BAD_USER_INPUT', async () => {
    const thai = await data<{ occupationByNationalCode: { iscoCode: string } }>(
      `{ occupationByNationalCode(system: "TH-DOE-ISCO88", code: "213110") { iscoCode } }`,
    );
    expect(thai.occupationByNationalCode.iscoCode).toBe('2511');
    const unknown = await data<{ occupationByNationalCode: null }>(`{ occupationByNationalCode(system: "KBJI-2014", code: "7212.99") { iscoCode } }`);
    expect(unknown.occupationByNationalCode).toBeNull();
    expect(errorCode(await query(`{ occupationByNationalCode(system: "MASCO-2020", code: "7212.01") { iscoCode } }`))).toBe('BAD_USER_INPUT');
    expect(errorCode(await query(`{ occupationByNationalCode(system: "SOC-2018", code: "1") { iscoCode } }`))).toBe('BAD_USER_INPUT');
  });

  it('answers unknown codes with null and malformed input with BAD_USER_INPUT', async () => {
    expect((await data<{ occupation: null }>(`{ occupation(iscoCode: "7299") { iscoCode } }`)).occupation).toBeNull();
    const malformed = await query(`{ occupation(iscoCode: "72x") { iscoCode } }`);
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.message).toMatch(/ISCO-08/);
    expect(errorCode(await query(`{ occupations(first: 501) { totalCount } }`))).toBe('BAD_USER_INPUT');
    expect(errorCode(await query(`{ occupations(first: 0) { totalCount } }`))).toBe('BAD_USER_INPUT');
    expect(errorCode(await query(`{ occupations(after: "not-a-cursor") { totalCount } }`))).toBe('BAD_USER_INPUT');
    expect(errorCode(await query(`{ skill(id: "welding") { id } }`))).toBe('BAD_USER_INPUT');
    expect(errorCode(await query(`{ region(code: "Bangkok") { code } }`))).toBe('BAD_USER_INPUT');
  });

  it('serves countries and regions', async () => {
    const d = await data<{
      country: { name: string; nativeName: string; currency: string; regions: unknown[] };
      regions: Array<{ code: string }>;
      regionByName: { code: string; nameLocal: string; country: { code: string } };
    }>(`{
      country(code: "TH") { name(lang: "th") nativeName currency regions { code } }
      regions(country: "MY", imtGt: true) { code }
      regionByName(country: "TH", name: "กรุงเทพฯ") { code nameLocal country { code } }
    }`);
    expect(d.country).toMatchObject({ name: 'ประเทศไทย', nativeName: 'ประเทศไทย', currency: 'THB' });
    expect(d.country.regions).toHaveLength(78);
    expect(d.regions.map((r) => r.code)).toContain('MY-07');
    expect(d.regions.map((r) => r.code)).not.toContain('MY-01');
    expect(d.regionByName).toEqual({ code: 'TH-10', nameLocal: 'กรุงเทพมหานคร', country: { code: 'TH' } });
  });

  it('exposes its SDL to composition', async () => {
    const d = await data<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    expect(d._service.sdl).toMatch(/type Occupation\s+@key\(fields: "iscoCode"\)/);
    expect(d._service.sdl).toMatch(/type Skill\s+@key\(fields: "id"\)/);
    expect(d._service.sdl).toMatch(/type Region\s+@key\(fields: "code"\)/);
  });

  it('resolves entity references for the gateway', async () => {
    const d = await data<{ _entities: Array<Record<string, unknown> | null> }>(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Occupation { iscoCode title(lang: "id") }
        ... on Skill { id label(lang: "th") }
        ... on Region { code name }
        ... on Country { code currency }
      } }`,
      {
        reps: [
          { __typename: 'Occupation', iscoCode: '8322' },
          { __typename: 'Skill', id: '0da516ee-e70e-4384-be13-f5ff80be8127' },
          { __typename: 'Region', code: 'ID-JB' },
          { __typename: 'Country', code: 'MY' },
          { __typename: 'Occupation', iscoCode: '9999' },
        ],
      },
    );
    expect(d._entities).toEqual([
      { iscoCode: '8322', title: 'Pengemudi Mobil, Taksi dan Van' },
      { id: '0da516ee-e70e-4384-be13-f5ff80be8127', label: 'สื่อสารกับลูกค้า' },
      { code: 'ID-JB', name: 'Jawa Barat' },
      { code: 'MY', currency: 'MYR' },
      null,
    ]);
  });

  it('refuses unsigned calls', async () => {
    const response = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ countries { code } }' }),
    });
    expect(response.status).toBe(401);
  });
});
