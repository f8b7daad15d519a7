import { readFileSync } from 'node:fs';
import { fromRoot } from '../../core/paths.js';
import { countryReference, nationalOccupations } from '../../reference/index.js';

/**
 * Each simulator's complete raw data, fetched through its own native API and reduced by hand to
 * what a statistics check needs — written independently of the adapters, so that the exchange's
 * statistics can be compared with a brute-force count. Outdated codes count where the ILO
 * correspondence sends their ISCO-88 unit wholly (issue 11), read here from the data files.
 */
export interface RawVacancy {
  /** ISCO-08 major group via the national code list, or null when the code is unknown. */
  iscoMajor: string | null;
  /** Expiry (epoch ms): the portals keep expired postings listed; an expired posting is not open stock. */
  expiresAtMs: number | null;
}

type Fetcher = (baseUrl: string) => Promise<RawVacancy[]>;

/** National code → ISCO-08 major group, from the country's code list (its reference/occupations.csv). */
function nationalToMajor(country: string): Map<string, string> {
  const system = countryReference(country)!.country.occupationSystem.id;
  return new Map(nationalOccupations(system).map((o) => [o.code, o.iscoCode[0]!]));
}

/** ISCO-08 unit groups, and ISCO-88 units the ILO correspondence sends wholly to one of them. */
const units = new Set(
  readFileSync(fromRoot('data/isco08_structure_en.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).filter((c) => c[1] === '4').map((c) => c[0] ?? ''),
);
const wholeIsco88 = new Map(
  readFileSync(fromRoot('data/national/isco88_isco08_correspondence.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',') as [string, string]).filter(([, to]) => units.has(to)),
);

/** Major group of an outdated code (KBJI 2002 `NNNNN`, MASCO 2008 `NNNN`, DOE `NNNN99`) that maps wholly. */
function outdatedMajor(code: string, edition: 'kbji2002' | 'masco2008' | 'doe99'): string | null {
  if (edition === 'masco2008') return /^\d{4}$/.test(code) && units.has(code) ? code[0]! : null;
  const pattern = edition === 'kbji2002' ? /^\d{5}$/ : /^\d{4}99$/;
  return pattern.test(code) ? (wholeIsco88.get(code.slice(0, 4))?.[0] ?? null) : null;
}

const indonesia: Fetcher = async (base) => {
  const majors = nationalToMajor('ID');
  const headers = { 'x-algolia-api-key': 'sim-karirhub-key', 'x-algolia-application-id': 'KARIRHUB' };
  const out: RawVacancy[] = [];
  let cursor: string | undefined;
  do {
    const url = `${base}/1/indexes/karirhub_industrial_vacancies/browse${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = (await (await fetch(url, { headers })).json()) as { hits: Array<{ kbji_code: string | null; expired_at: number | null }>; cursor?: string };
    out.push(...page.hits.map((h) => ({ iscoMajor: majors.get(h.kbji_code ?? '') ?? outdatedMajor(h.kbji_code ?? '', 'kbji2002'), expiresAtMs: h.expired_at === null ? null : h.expired_at * 1000 })));
    cursor = page.cursor;
  } while (cursor);
  return out;
};

const thailand: Fetcher = async (base) => {
  const majors = nationalToMajor('TH');
  const res = await fetch(`${base}/api-server/JobAll/ajax_list_job`, {
    method: 'POST',
    headers: { authorization: 'Bearer sim-doe-token', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'draw=1&start=0&length=-1',
  });
  const body = (await res.json()) as { data: Array<{ occupation_code: string | null; expire_date: string | null }> };
  return body.data.map((j) => ({ iscoMajor: majors.get(j.occupation_code ?? '') ?? outdatedMajor(j.occupation_code ?? '', 'doe99'), expiresAtMs: buddhistToMs(j.expire_date) }));
};

const malaysia: Fetcher = async (base) => {
  const majors = nationalToMajor('MY');
  const form = 'grant_type=client_credentials&client_id=lmis-gateway&client_secret=sim-myfuturejobs-secret';
  const token = (await (await fetch(`${base}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).json()) as { access_token: string };
  const out: RawVacancy[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = (await (await fetch(`${base}/api/jobs?offset=${offset}&limit=500`, { headers: { authorization: `Bearer ${token.access_token}` } })).json()) as { results: Array<{ mascoCode: string | null; closingDate: string | null }>; total: number };
    // closingDate: a date (or an instant) in Malaysian time; a bare date is midnight MYT.
    out.push(...page.results.map((j) => ({ iscoMajor: majors.get(j.mascoCode ?? '') ?? outdatedMajor(j.mascoCode ?? '', 'masco2008'), expiresAtMs: j.closingDate ? Date.parse(j.closingDate.length === 10 ? `${j.closingDate}T00:00:00+08:00` : j.closingDate) : null })));
    if (out.length >= page.total || page.results.length === 0) return out;
  }
};

/** "22/11/2569 14:05" (Buddhist Era, Thai time) → epoch ms. */
function buddhistToMs(text: string | null): number | null {
  const m = text ? /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})/.exec(text) : null;
  return m ? Date.parse(`${Number(m[3]) - 543}-${m[2]}-${m[1]}T${m[4]}:${m[5]}:00+07:00`) : null;
}

export const RAW_FETCHERS: Record<string, Fetcher> = { indonesia, malaysia, thailand };
