import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequest, type RunningSimulator } from '../core/index.js';
import { JCB_DEV_CLIENT, generateData, serveData, startSimulator, type JcbVacancy } from './src/index.js';
import { parseOdataDate } from './src/native.js';
import { compile, parseFilter } from './src/odata.js';
import { VACANCY_PROPERTIES, matchVacancies } from './src/store.js';

/** JobCentre Brunei's native contract over HTTP: OData v2 queries and paging, /Date()/ dates, OAuth2 with Basic client auth, OData errors. */
const SEED = 5;
const SIZE = 1_500;
const data = generateData(SEED, SIZE);
let sim: RunningSimulator;
let bearer: Record<string, string>;

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
async function token(authorization: string, grant = 'client_credentials'): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sim.url}/connect/token`, { method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=${grant}` });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
type Collection = { d: { results: JcbVacancy[]; __count?: string; __next?: string; __serverTime: string }; error?: { code: string; message: { lang: string; value: string } } };
async function odata(path: string, query: Record<string, string> = {}, headers = bearer): Promise<{ status: number; body: Collection }> {
  const res = await fetch(`${sim.url}/odata/v2/${path}?${new URLSearchParams(query).toString()}`, { headers });
  return { status: res.status, body: (await res.json()) as Collection };
}
const ids = (list: JcbVacancy[]) => list.map((v) => v.VacancyId);
const ms = (text: string | null) => parseOdataDate(text) ?? NaN;

beforeAll(async () => {
  sim = await serveData(data, { port: 0, seed: SEED, size: SIZE, latencyMs: [0, 0], errorRate: 0 });
  bearer = { authorization: `Bearer ${String((await token(basic(JCB_DEV_CLIENT.clientId, JCB_DEV_CLIENT.clientSecret))).body.access_token)}` };
});
afterAll(async () => sim.close());

describe('JobCentre Brunei simulator: OAuth2 client credentials', () => {
  it('issues a bearer token to the client authenticated by HTTP Basic, and refuses everything else', async () => {
    const good = await token(basic(JCB_DEV_CLIENT.clientId, JCB_DEV_CLIENT.clientSecret));
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect((await token(basic(JCB_DEV_CLIENT.clientId, 'wrong'))).body).toMatchObject({ error: 'invalid_client' });
    expect((await token(basic(JCB_DEV_CLIENT.clientId, JCB_DEV_CLIENT.clientSecret), 'password')).body).toMatchObject({ error: 'unsupported_grant_type' });
    const refused = await odata('Vacancies', {}, { authorization: 'Bearer nonsense' });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toEqual({ code: 'JCB/Unauthorized', message: { lang: 'en', value: 'Token is not valid' } });
  });

  it('refuses a token once its lifetime is over', async () => {
    const shortLived = await startSimulator({ port: 0, seed: 1, size: 20, latencyMs: [0, 0], errorRate: 0, tokenTtlSeconds: 0 });
    try {
      const res = await fetch(`${shortLived.url}/connect/token`, { method: 'POST', headers: { authorization: basic(JCB_DEV_CLIENT.clientId, JCB_DEV_CLIENT.clientSecret), 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
      const { access_token } = (await res.json()) as { access_token: string };
      const answer = await fetch(`${shortLived.url}/odata/v2/Vacancies`, { headers: { authorization: `Bearer ${access_token}` } });
      expect(answer.status).toBe(401);
      expect(((await answer.json()) as Collection).error?.message.value).toBe('Token has expired');
    } finally {
      await shortLived.close();
    }
  });
});

describe('JobCentre Brunei simulator: the Vacancies entity set', () => {
  it('pages newest first with $top/$skip and server-driven paging, counts with $inlinecount, and writes OData v2 JSON', async () => {
    const { status, body } = await odata('Vacancies', { $top: '20', $skip: '10', $inlinecount: 'allpages' });
    expect(status).toBe(200);
    expect(body.d.__count).toBe(String(SIZE));
    expect(ids(body.d.results)).toEqual(ids(data.vacancies.slice(10, 30)));
    const first = body.d.results[0]!;
    expect(first.__metadata).toEqual({ uri: `https://www.jobcentrebrunei.gov.bn/odata/v2/Vacancies('${first.VacancyId}')`, type: 'JobCentre.Vacancy' });
    expect(first.PostedOn).toMatch(/^\/Date\(\d+\)\/$/);
    expect(first.Skills).toEqual({ __deferred: { uri: expect.stringContaining(`Vacancies('${first.VacancyId}')/Skills`) } });
    // Without $top the server pages at 500 and links the rest; following __next walks every posting once.
    const walked: string[] = [];
    for (let next: string | undefined = `${sim.url}/odata/v2/Vacancies`; next; ) {
      const page = (await (await fetch(next, { headers: bearer })).json()) as Collection;
      expect(page.d.results.length).toBeLessThanOrEqual(500);
      walked.push(...ids(page.d.results));
      next = page.d.__next;
    }
    expect(walked).toEqual(ids(data.vacancies));
  });

  it('answers $filter from its indexes exactly as a scan of the records would', async () => {
    const open = data.vacancies.filter((v) => v.Status === 'Open');
    const keyset = open[100]!;
    const skilled = open.find((v) => 'results' in v.Skills && v.Skills.results.length > 0)!;
    const skill = 'results' in skilled.Skills ? skilled.Skills.results[0]!.SkillName : '';
    const iso = (t: string | null) => new Date(ms(t)).toISOString().slice(0, 19);
    const cases: Array<[string, (v: JcbVacancy) => boolean]> = [
      ["Status eq 'Open' and (District eq 'Belait' or District eq 'Tutong')", (v) => v.Status === 'Open' && ['Belait', 'Tutong'].includes(v.District)],
      ["startswith(BdsocCode,'72') and EmploymentType eq 'FT'", (v) => (v.BdsocCode ?? '').startsWith('72') && v.EmploymentType === 'FT'],
      ["length(BdsocCode) eq 5", (v) => (v.BdsocCode ?? '').length === 5],
      [`PostedOn le datetime'${iso(keyset.PostedOn)}' and Status eq 'Open'`, (v) => ms(v.PostedOn) <= ms(keyset.PostedOn) && v.Status === 'Open'],
      ["SalaryBasis eq 'H' and SalaryMin ge 2.62M", (v) => v.SalaryBasis === 'H' && Number(v.SalaryMin) >= 2.62],
      ["(SalaryBasis eq 'M' and SalaryMin ge 2000M) or SalaryNegotiable", (v) => (v.SalaryBasis === 'M' && Number(v.SalaryMin ?? -1) >= 2000) || v.SalaryNegotiable],
      [`substringof('${`|${skill}|`.replace(/'/g, "''")}',SkillTags)`, (v) => v.SkillTags.includes(`|${skill}|`)],
      ["substringof('sdn bhd',tolower(CompanyName)) and not IReady", (v) => v.CompanyName.toLowerCase().includes('sdn bhd') && !v.IReady],
      ["MinimumQualification eq 'BC GCE ''O'' Level' and BdsocCode ne null", (v) => v.MinimumQualification === "BC GCE 'O' Level" && v.BdsocCode !== null],
    ];
    for (const [filter, test] of cases) {
      const expected = data.vacancies.filter(test);
      expect(expected.length, filter).toBeGreaterThan(0);
      const { status, body } = await odata('Vacancies', { $filter: filter, $top: '500', $inlinecount: 'allpages' });
      expect(status, JSON.stringify(body.error)).toBe(200);
      expect(body.d.__count, filter).toBe(String(expected.length));
      expect(ids(body.d.results), filter).toEqual(ids(expected.slice(0, 500)));
    }
  });

  it('orders oldest first on request, expands Skills, and finds an entity by key in any state', async () => {
    const oldest = (await odata('Vacancies', { $orderby: 'PostedOn asc, VacancyId asc', $top: '3', $expand: 'Skills' })).body.d.results;
    expect(ids(oldest)).toEqual(ids(data.vacancies.slice(-3).reverse()));
    expect(oldest[0]!.Skills).toHaveProperty('results');
    const filled = data.vacancies.find((v) => v.Status === 'Filled')!;
    const one = (await (await fetch(`${sim.url}/odata/v2/Vacancies('${filled.VacancyId}')`, { headers: bearer })).json()) as { d: JcbVacancy };
    expect(one.d).toMatchObject({ VacancyId: filled.VacancyId, Status: 'Filled', ClosedOn: expect.stringMatching(/^\/Date\(\d+\)\/$/) });
    const missing = await fetch(`${sim.url}/odata/v2/Vacancies('JCB-9999999')`, { headers: bearer });
    expect(missing.status).toBe(404);
  });

  it('refuses bad queries with its own error envelope: unknown properties, type mismatches, syntax, unsupported options', async () => {
    const refusals: Array<[Record<string, string>, RegExp]> = [
      [{ $filter: "Salary eq 1" }, /Property 'Salary' does not exist/],
      [{ $filter: "PostedOn ge '2026-11-01'" }, /incompatible with operand types 'Edm.DateTime' and 'Edm.String'/],
      [{ $filter: "District eq 'Belait' and" }, /Invalid \$filter: unexpected end/],
      [{ $filter: "PostedOn ge datetime'2026-02-31T00:00'" }, /Invalid datetime literal/],
      [{ $orderby: 'SalaryMin desc' }, /\$orderby 'SalaryMin desc' is not supported/],
      [{ $top: '-1' }, /\$top must be a non-negative integer/],
      [{ $select: 'JobTitle' }, /query option '\$select' is not supported/],
      [{ $skiptoken: 'garbage' }, /\$skiptoken is not valid/],
      [{ $filter: Array.from({ length: 300 }, (_, n) => `VacancyId eq 'JCB-${n}'`).join(' or ') }, /more than 400 operations/],
    ];
    for (const [query, message] of refusals) {
      const { status, body } = await odata('Vacancies', query);
      expect(status, JSON.stringify(query)).toBe(400);
      expect(body.error?.code).toBe('JCB/BadRequest');
      expect(body.error?.message.value).toMatch(message);
    }
    const wrongMethod = await fetch(`${sim.url}/odata/v2/Vacancies`, { method: 'POST', headers: bearer });
    expect(wrongMethod.status).toBe(405);
  });
});

describe('JobCentre Brunei simulator: VacancyChanges, courses, metadata', () => {
  it('lists every posting in every state oldest change first, inclusive of its LastModified bound, with the service clock', async () => {
    const all = (await odata('VacancyChanges', { $top: '1000', $inlinecount: 'allpages' })).body.d;
    expect(all.__count).toBe(String(SIZE));
    const stamps = all.results.map((v) => ms(v.LastModified));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(all.results.map((v) => v.Status))).toEqual(new Set(['Open', 'Filled', 'Withdrawn']));
    const pivot = data.changes[700]!;
    const since = new Date(ms(pivot.LastModified)).toISOString().slice(0, 19);
    const page = (await odata('VacancyChanges', { $filter: `LastModified ge datetime'${since}'`, $top: '5', $inlinecount: 'allpages' })).body.d;
    const later = data.changes.filter((v) => ms(v.LastModified) >= ms(pivot.LastModified));
    expect(ids(page.results)).toEqual(ids(later.slice(0, 5)));
    // $top caps the answer (no __next); the count tells what else changed. Below the server's page size of 2000, one answer holds all.
    expect([page.__count, page.__next]).toEqual([String(later.length), undefined]);
    const whole = (await odata('VacancyChanges', {})).body.d;
    expect([whole.results.length, whole.__next]).toEqual([SIZE, undefined]);
    expect(ms(page.__serverTime)).toBe(data.now());
    expect((await odata('VacancyChanges', { $orderby: 'PostedOn desc,VacancyId desc' })).status).toBe(400);
  });

  it('serves TrainingCourses soonest first with the same query language, and its $metadata', async () => {
    const courses = (await odata('TrainingCourses', { $filter: "District eq 'Brunei dan Muara' and Fee eq 0M", $inlinecount: 'allpages' })).body.d as unknown as { results: Array<{ District: string; Fee: string; StartDate: string }>; __count: string };
    expect(Number(courses.__count)).toBe(data.courses.filter((c) => c.District === 'Brunei dan Muara' && c.Fee === '0.00').length);
    const starts = courses.results.map((c) => ms(c.StartDate));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const metadata = await fetch(`${sim.url}/odata/v2/$metadata`, { headers: bearer });
    expect(metadata.headers.get('content-type')).toContain('application/xml');
    expect(await metadata.text()).toContain('<EntitySet Name="VacancyChanges" EntityType="JobCentre.Vacancy"/>');
  });
});

describe('JobCentre Brunei simulator: the generated data', () => {
  it('is deterministic, in Malay district names and BND, with part-time pay by the hour never below the 2023 floor', () => {
    expect(JSON.stringify(generateData(SEED, 200).vacancies)).toBe(JSON.stringify(generateData(SEED, 200).vacancies));
    const districts = new Set(data.vacancies.map((v) => v.District));
    expect(districts).toEqual(new Set(['Brunei dan Muara', 'Belait', 'Tutong', 'Temburong']));
    const bm = data.vacancies.filter((v) => v.District === 'Brunei dan Muara').length;
    expect(bm / SIZE).toBeGreaterThan(0.55);
    const hourly = data.vacancies.filter((v) => v.SalaryBasis === 'H');
    expect(hourly.length).toBeGreaterThan(0);
    expect(hourly.every((v) => v.EmploymentType === 'PT' && Number(v.SalaryMin) >= 2.62)).toBe(true);
    expect(data.vacancies.filter((v) => v.SalaryBasis === 'M' && v.SalaryMin !== null).every((v) => Number(v.SalaryMin) >= 500)).toBe(true);
    expect(data.vacancies.some((v) => v.BdsocCode?.length === 5)).toBe(true);
  });

  it('compiles a filter to the same answer with or without the indexes', () => {
    const filter = parseFilter("Status eq 'Open' and (District eq 'Belait' or startswith(BdsocCode,'2'))", VACANCY_PROPERTIES);
    const keep = compile(filter, VACANCY_PROPERTIES);
    expect(Array.from(matchVacancies(data, filter), (p) => data.vacancies[p]!.VacancyId)).toEqual(ids(data.vacancies.filter(keep)));
    expect(() => parseFilter("JobTitle eq 'x' or", VACANCY_PROPERTIES)).toThrow(BadRequest);
  });
});
