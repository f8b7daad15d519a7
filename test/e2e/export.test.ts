import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../reference/csv.js';
import { everySubgraph, oneCountry, registeredCountries } from '../harness/countries.js';
import { startStack, type TestStack } from '../harness/stack.js';

/**
 * CSV export on the gateway (GET /export/*.csv) against the real stack over HTTP: every file reads
 * back through an RFC 4180 parser and says what the graph says for the same question (with
 * disclosure control on), leads with the answer's metadata, pages the live search and the change
 * feed through their cursors up to a row cap, and is refused exactly like /graphql (401, 429,
 * bad parameters with the graph's codes).
 */
/** One country (its statistics in another language; taken down for the partial answer), and the others, which the live search walks (a filter that leaves one out). */
const one = oneCountry();
const others = registeredCountries().filter((c) => c.code !== one.code);
const othersParam = others.map((c) => c.code).join(',');
const KEY = 'analyst-key';

interface CsvFile {
  status: number;
  headers: Headers;
  raw: string;
  metadata: Map<string, string>;
  trailer: Map<string, string>;
  columns: string[];
  records: Array<Record<string, string>>;
}

/** Leading and trailing `# key: value` lines are metadata; what is between them is RFC 4180. */
function readCsv(raw: string): Omit<CsvFile, 'status' | 'headers' | 'raw'> {
  const lines = raw.split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  const meta = (line: string) => /^# ([^:]+): (.*)$/.exec(line)!.slice(1) as [string, string];
  let start = 0;
  while (lines[start]?.startsWith('# ')) start++;
  let end = lines.length;
  while (end > start && lines[end - 1]!.startsWith('# ')) end--;
  const [columns = [], ...rows] = parseCsv(lines.slice(start, end).join('\r\n'));
  return {
    metadata: new Map(lines.slice(0, start).map(meta)),
    trailer: new Map(lines.slice(end).map(meta)),
    columns,
    records: rows.map((r) => Object.fromEntries(columns.map((name, i) => [name, r[i] ?? '']))),
  };
}

const num = (text: string | undefined) => (text === '' || text === undefined ? null : Number(text));

describe('CSV export through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({
      subgraphs: everySubgraph(),
      simulator: { size: 300 },
      responseCacheTtlSeconds: 0,
      env: { API_KEYS: `${KEY}:public+analyst`, RATE_LIMIT_PER_MINUTE: '10000' },
    });
  }, 180_000);
  afterAll(async () => stack?.stop());

  const download = async (path: string, headers: Record<string, string> = { 'x-api-key': KEY }, init: RequestInit = {}): Promise<CsvFile> => {
    const res = await fetch(stack.gatewayUrl.replace(/\/graphql$/, path), { headers, ...init });
    const raw = await res.text();
    const csv = res.headers.get('content-type')?.startsWith('text/csv') ? readCsv(raw) : { metadata: new Map(), trailer: new Map(), columns: [], records: [] };
    return { status: res.status, headers: res.headers, raw, ...csv };
  };
  const graph = async <D>(query: string, variables: Record<string, unknown> = {}) => {
    const answer = await stack.query<D>(query, variables, { 'x-api-key': KEY });
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    return answer.data!;
  };

  it('exports labourMarketStats cell for cell as the graph answers it, metadata first, titles with commas quoted', async () => {
    const file = await download('/export/stats.csv?groupBy=COUNTRY,ISCO_MAJOR&at=2026-11-20&from=2026-10-01&to=2026-10-31');
    expect(file.status, file.raw).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="lmis-stats-\d{4}-\d{2}-\d{2}\.csv"$/);
    type Cell = {
      country: { code: string };
      iscoCode: string | null;
      occupation: { title: string } | null;
      vacancies: number | null;
      newPostings: number | null;
      monthlyWage: { p50: number | null };
      trainingSeats: number | null;
      suppressed: boolean;
    };
    const { labourMarketStats: stats } = await graph<{
      labourMarketStats: { referenceDate: string; perturbed: boolean; asOf: Array<{ country: { code: string }; asOf: string }>; cells: Cell[] };
    }>(
      `{ labourMarketStats(groupBy: [COUNTRY, ISCO_MAJOR], at: "2026-11-20", from: "2026-10-01", to: "2026-10-31") { referenceDate perturbed asOf { country { code } asOf }
         cells { country { code } iscoCode occupation { title } vacancies newPostings monthlyWage { p50 } trainingSeats suppressed } } }`,
    );
    expect(stats.perturbed).toBe(true);
    expect(file.columns.slice(0, 4)).toEqual(['country', 'iscoCode', 'occupation', 'vacancies']);
    expect(file.records.map((r) => [r.country, r.iscoCode])).toEqual(stats.cells.map((c) => [c.country.code, c.iscoCode ?? '']));
    file.records.forEach((r, i) => {
      const c = stats.cells[i]!;
      expect({
        occupation: r.occupation,
        vacancies: num(r.vacancies),
        newPostings: num(r.newPostings),
        wageP50: num(r.wageP50),
        trainingSeats: num(r.trainingSeats),
        suppressed: r.suppressed,
      }).toEqual({
        occupation: c.occupation?.title ?? '',
        vacancies: c.vacancies,
        newPostings: c.newPostings,
        wageP50: c.monthlyWage.p50,
        trainingSeats: c.trainingSeats,
        suppressed: String(c.suppressed),
      });
    });
    expect(stats.cells.some((c) => c.suppressed)).toBe(true);
    expect(file.raw).toContain(',"Skilled agricultural, forestry and fishery workers",');
    expect(file.records.some((r) => r.occupation === 'Skilled agricultural, forestry and fishery workers')).toBe(true);

    expect(file.metadata.get('export')).toBe('stats');
    expect(file.metadata.get('referenceDate')).toBe(stats.referenceDate);
    expect(file.metadata.get('period')).toBe('2026-10-01/2026-10-31');
    expect(file.metadata.get('perturbed')).toBe('true');
    expect(file.metadata.get('partial')).toBe('false');
    for (const a of stats.asOf) {
      expect(file.metadata.get(`asOf[${a.country.code}]`)).toBe(a.asOf);
      expect(file.metadata.get(`source[${a.country.code}]`)).toBe('OK');
    }
    expect(file.metadata.get('definition[open vacancy stock]')).toMatch(/\w/);
    expect([...file.metadata.keys()].some((k) => k.startsWith('exchangeRate['))).toBe(true);
  });

  it('omits the metadata on ?metadata=false and labels in the language asked for', async () => {
    const file = await download(`/export/stats.csv?groupBy=ISCO_MAJOR&metadata=false&lang=th&countries=${one.code}`);
    expect(file.status, file.raw).toBe(200);
    expect(file.raw.startsWith('iscoCode,occupation,vacancies,')).toBe(true);
    expect(file.metadata.size).toBe(0);
    expect(file.records.find((r) => r.iscoCode === '7')?.occupation).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('exports the trend per month, and per month and country, equal to labourMarketTrend', async () => {
    type Point = {
      period: string;
      openStock: number | null;
      newPostings: number | null;
      cells: Array<{ country: { code: string }; vacancies: number | null; newPostings: number | null }> | null;
    };
    const { labourMarketTrend: trend } = await graph<{ labourMarketTrend: { points: Point[] } }>(
      `{ labourMarketTrend(interval: MONTH, from: "2026-08-01", to: "2026-10-31", groupBy: [COUNTRY]) { points { period openStock newPostings cells { country { code } vacancies newPostings } } } }`,
    );
    const totals = await download('/export/trend.csv?interval=month&from=2026-08-01&to=2026-10-31');
    expect(totals.status, totals.raw).toBe(200);
    expect(totals.records.map((r) => [r.period, num(r.openStock), num(r.newPostings)])).toEqual(
      trend.points.map((p) => [p.period, p.openStock, p.newPostings]),
    );
    expect(totals.metadata.get('interval')).toBe('MONTH');

    const grouped = await download('/export/trend.csv?from=2026-08-01&to=2026-10-31&groupBy=COUNTRY');
    expect(grouped.columns.slice(0, 5)).toEqual(['period', 'start', 'end', 'country', 'vacancies']);
    expect(grouped.records.map((r) => [r.period, r.country, num(r.vacancies), num(r.newPostings)])).toEqual(
      trend.points.flatMap((p) => p.cells!.map((c) => [p.period, c.country.code, c.vacancies, c.newPostings])),
    );
  });

  type VacancyPage = {
    vacancies: {
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: Array<{ node: { id: string; title: string; employer: { name: string } | null } }>;
    };
  };
  const graphVacancies = async (count: number) => {
    const nodes: Array<VacancyPage['vacancies']['edges'][number]['node']> = [];
    let after: string | null = null;
    while (nodes.length < count) {
      const data: VacancyPage = await graph<VacancyPage>(
        `query($after: String, $countries: [String!]) { vacancies(filter: { countries: $countries }, first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id title employer { name } } } } }`,
        { after, countries: others.map((c) => c.code) },
      );
      nodes.push(...data.vacancies.edges.map((e) => e.node));
      if (!data.vacancies.pageInfo.hasNextPage) break;
      after = data.vacancies.pageInfo.endCursor;
    }
    return nodes.slice(0, count);
  };

  it('walks the live search page by page up to the row limit, says where to continue, and continues from there', async () => {
    expect(others.length).toBeGreaterThan(0);
    const truth = await graphVacancies(1000);
    expect(truth.length).toBeGreaterThan(150);
    expect(truth.every((v) => others.some((c) => v.id.startsWith(`${c.code}:`)))).toBe(true);
    const first = await download(`/export/vacancies.csv?countries=${othersParam}&limit=120`);
    expect(first.status, first.raw).toBe(200);
    expect(first.records.map((r) => r.id)).toEqual(truth.slice(0, 120).map((v) => v.id));
    expect(first.records.map((r) => [r.title, r.employer])).toEqual(truth.slice(0, 120).map((v) => [v.title, v.employer?.name ?? '']));
    // Native text outside ASCII, which the file must carry unchanged.
    expect(first.records.some((r) => /[^\x20-\x7E]/.test(`${r.title}${r.employer}`))).toBe(true);
    for (const c of others) expect(first.metadata.get(`source[${c.code}]`)).toBe('OK');
    const truncated = first.trailer.get('truncated');
    expect(truncated).toMatch(/^stopped at 120 rows; continue with after=\S+$/);

    const after = truncated!.split('after=')[1]!;
    const rest = await download(`/export/vacancies.csv?countries=${othersParam}&after=${encodeURIComponent(after)}`);
    expect(rest.records.map((r) => r.id)).toEqual(truth.slice(120).map((v) => v.id));
    expect(rest.trailer.size).toBe(0);
  });

  it('exports the change feed through its cursor, event for event as vacancyChanges lists it', async () => {
    type Feed = {
      vacancyChanges: {
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: Array<{ cursor: string; node: { kind: string; vacancy: { id: string } } }>;
      };
    };
    const events: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: Feed = await graph<Feed>(
        `query($after: String) { vacancyChanges(since: "2026-01-01", first: 500, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { kind vacancy { id } } } } }`,
        { after },
      );
      events.push(...data.vacancyChanges.edges.map((e) => `${e.cursor}|${e.node.kind}|${e.node.vacancy.id}`));
      if (!data.vacancyChanges.pageInfo.hasNextPage) break;
      after = data.vacancyChanges.pageInfo.endCursor;
    }
    expect(events.length).toBeGreaterThan(500);
    const file = await download('/export/changes.csv?since=2026-01-01');
    expect(file.status, file.raw).toBe(200);
    expect(file.records.map((r) => `${r.cursor}|${r.kind}|${r.vacancyId}`)).toEqual(events.slice(0, 10_000));
    expect(file.trailer.size).toBe(0);
  });

  it('refuses a credential exactly as /graphql does', async () => {
    const refused: Array<Record<string, string>> = [{ 'x-api-key': 'wrong' }, { authorization: 'Basic abc' }];
    for (const headers of refused) {
      const file = await download('/export/stats.csv', headers);
      const graphAnswer = await stack.query('{ storeSyncStatus { state } }', {}, headers);
      expect(file.status).toBe(401);
      expect(graphAnswer.status).toBe(401);
      expect(JSON.parse(file.raw).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(graphAnswer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers bad parameters with 400 and the code (the graph’s own reason where the graph decides)', async () => {
    const cases: Array<[string, string, string?]> = [
      ['/export/stats.csv?groupBy=COUNTY', 'INVALID_VALUE', 'groupBy'],
      ['/export/stats.csv?grupBy=COUNTRY', 'UNKNOWN_PARAMETER', 'grupBy'],
      ['/export/stats.csv?metadata=maybe', 'INVALID_VALUE', 'metadata'],
      ['/export/stats.csv?at=yesterday', 'MALFORMED_DATE'],
      ['/export/stats.csv?from=2026-10-02&to=2026-10-01', 'INVALID_PERIOD'],
      ['/export/stats.csv?countries=XX', 'UNKNOWN_COUNTRY'],
      ['/export/trend.csv?to=2026-10-01', 'INVALID_VALUE', 'from'],
      ['/export/trend.csv?from=2016-01-01&to=2026-01-01&interval=WEEK', 'PERIOD_TOO_LONG'],
      ['/export/vacancies.csv?limit=10001', 'INVALID_VALUE', 'limit'],
      ['/export/vacancies.csv?after=bm90LWEtY3Vyc29y', 'MALFORMED_CURSOR'],
      ['/export/changes.csv', 'INVALID_VALUE', 'since'],
      ['/export/changes.csv?since=soon', 'MALFORMED_DATE'],
    ];
    for (const [path, reason, argument] of cases) {
      const file = await download(path);
      expect(file.status, path).toBe(400);
      const extensions = JSON.parse(file.raw).errors[0].extensions;
      expect(extensions, path).toMatchObject({ code: 'BAD_USER_INPUT', reason, ...(argument ? { argument } : {}) });
    }
  });

  it('takes GET only (405 with Allow) and lists the exports on an unknown one (404)', async () => {
    const post = await download('/export/stats.csv', { 'x-api-key': KEY }, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect(JSON.parse(post.raw).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    const unknown = await download('/export/people.csv');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.raw).exports).toContain('/export/vacancies.csv');
  });

  // Last in this stack: it leaves one country's sync failed.
  it('says in its metadata when a country is stale and the answer partial', async () => {
    await stack.faults(one.simulator, { down: true });
    await stack.advance(20).catch(() => undefined);
    await stack.syncStore();
    const file = await download('/export/stats.csv?groupBy=COUNTRY');
    await stack.faults(one.simulator, { down: false });
    expect(file.status, file.raw).toBe(200);
    expect(file.metadata.get(`source[${one.code}]`)).toMatch(/^STALE/);
    for (const c of others) expect(file.metadata.get(`source[${c.code}]`)).toBe('OK');
    expect(file.metadata.get('partial')).toBe('true');
  });
});

describe('CSV export and the rate limit', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({
      subgraphs: everySubgraph(),
      simulator: { size: 300 },
      env: { RATE_LIMIT_PER_MINUTE: '2', API_KEYS: 'k1:public' },
    });
  }, 180_000);
  afterAll(async () => stack?.stop());

  /** The body as far as it arrived, and whether the transfer broke off. */
  const readAll = async (res: Response) => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
      return { text, broken: false };
    } catch {
      return { text, broken: true };
    }
  };

  it('counts every page against the caller’s budget: past it the file is cut with an error line, the next export is 429', async () => {
    const url = stack.gatewayUrl.replace(/\/graphql$/, '/export/vacancies.csv');
    const res = await fetch(url, { headers: { 'x-api-key': 'k1' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const body = await readAll(res);
    expect(body.broken).toBe(true);
    const csv = readCsv(body.text);
    expect(csv.records).toHaveLength(200);
    expect(csv.trailer.get('error')).toMatch(/^RATE_LIMITED: /);

    const limited = await fetch(url, { headers: { 'x-api-key': 'k1' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await limited.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('RATE_LIMITED');
  });
});
