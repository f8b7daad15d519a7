import type { AdapterContext, CountryUpstream, Keyset, TrainingFilter, VacancyFilter } from '../../../kit/index.js';
import { iscoToNational, regionsOf } from '../../../kit/reference.js';
import type { MfjJob, MfjProgramme } from './native.js';
import { clientCredentials } from './oauth.js';
import { CONTRACT_TYPES, mytInstant } from './toModel.js';

/**
 * MYFutureJobs' REST API, spoken natively: facets (`STATE==Selangor`), offset/limit, OAuth2.
 * One upstream call per method, except the `all…` pulls, which page through at 500 a call.
 */

const MAX_LIMIT = 500;
/** Over-fetch so that a keyset page can skip postings that share the keyset's instant. */
const KEYSET_SLACK = 10;
const EDUCATION_CODES: Record<number, string[]> = { 2: ['2'], 3: ['3', '4'], 5: ['5'], 6: ['6'], 7: ['7'], 8: ['8'] };
/** State names the portal facets on (its spelling, not always the ISO one). */
const PORTAL_STATES: Record<string, string[]> = {
  'MY-07': ['Pulau Pinang', 'Penang'],
  'MY-14': ['WP Kuala Lumpur', 'Kuala Lumpur', 'Wilayah Persekutuan Kuala Lumpur'],
  'MY-15': ['WP Labuan'],
  'MY-16': ['WP Putrajaya', 'Putrajaya'],
  'MY-04': ['Melaka', 'Malacca'],
};

interface Page<T> {
  results: T[];
  total: number;
}

export function createMfjUpstream(ctx: AdapterContext): CountryUpstream<MfjJob, MfjProgramme> {
  const { clientId, clientSecret } = ctx.deps.config.credentials.malaysia;
  const tokens = clientCredentials(ctx.createClient({ name: 'malaysia-oauth', timeoutMs: 3_000, retries: 1 }), clientId, clientSecret);
  const client = ctx.createClient({ timeoutMs: 3_000, retries: 2, concurrency: 16, authHeaders: tokens.headers, onAuthRejected: tokens.invalidate });
  const jobs = (query: Record<string, string | number>) => client.request<Page<MfjJob>>({ path: '/api/jobs', query, route: 'search' });

  const allPages = async <T>(fetchPage: (offset: number) => Promise<Page<T>>): Promise<T[]> => {
    const out: T[] = [];
    for (let offset = 0; ; offset += MAX_LIMIT) {
      const page = await fetchPage(offset);
      out.push(...page.results);
      if (page.results.length < MAX_LIMIT || out.length >= page.total) return out;
    }
  };
  const programmes = (offset: number, limit: number) => client.request<Page<MfjProgramme>>({ path: '/api/training-programmes', query: { offset, limit }, route: 'training' });
  const allTrainings = async (filter: TrainingFilter) => sortProgrammes((await allPages((offset) => programmes(offset, MAX_LIMIT))).filter(programmeMatcher(filter)));

  return {
    searchVacancies: async (filter, first, after) => {
      const query = { ...queryOf(filter), limit: Math.min(MAX_LIMIT, first + (after ? KEYSET_SLACK : 0)), ...(after ? { postedBefore: after.postedAt } : {}) };
      const page = await jobs(query);
      return { total: page.total, items: afterKeyset(page.results, after).slice(0, first) };
    },
    allVacancies: (filter) => allPages((offset) => jobs({ ...queryOf(filter), offset, limit: MAX_LIMIT })),
    vacanciesByIds: async (ids) => (await client.request<{ results: MfjJob[] }>({ path: '/api/jobs/batch', query: { ids: ids.join(',') }, route: 'batch' })).results,
    // The programme catalogue is small: the kit caches the whole pull and pages are slices of it.
    searchTrainings: async (filter, first, offset) => {
      const all = await allTrainings(filter);
      return { total: all.length, items: all.slice(offset, offset + first) };
    },
    allTrainings,
    trainingsByIds: async (ids) => (await client.request<{ results: MfjProgramme[] }>({ path: '/api/training-programmes/batch', query: { ids: ids.join(',') }, route: 'trainingBatch' })).results,
  };
}

/** Our filter in the portal's words: facets, keywords, bounds. */
export function queryOf(filter: VacancyFilter): Record<string, string | number> {
  const facets = [
    ...(filter.iscoCodes ?? []).flatMap(mascoPrefixes).map((p) => `MASCO==${p}`),
    ...(filter.regions ?? []).flatMap(stateNames).map((s) => `STATE==${s}`),
    ...(filter.employmentTypes ?? []).flatMap((t) => Object.entries(CONTRACT_TYPES).filter(([, v]) => v === t).map(([code]) => `CONTRACT_TYPE==${code}`)),
    ...(filter.educationLevels ?? []).flatMap((l) => EDUCATION_CODES[l] ?? []).map((c) => `EDUCATION==${c}`),
    ...(filter.skills ?? []).map((id) => `SKILL==http://data.europa.eu/esco/skill/${id}`),
  ];
  return {
    ...(facets.length ? { facets: facets.join(',') } : {}),
    ...(filter.text ? { keywords: filter.text } : {}),
    ...(filter.minMonthlyWage ? { minWage: Math.ceil(filter.minMonthlyWage) } : {}),
    ...(filter.postedSince ? { postedSince: new Date(Date.parse(filter.postedSince)).toISOString() } : {}),
  };
}

/**
 * MASCO follows ISCO-08 to four digits, so a group prefix is a MASCO prefix; an unknown ISCO
 * group (no MASCO code under it) keeps an impossible facet so that nothing matches.
 */
function mascoPrefixes(isco: string): string[] {
  return iscoToNational('MASCO-2020', isco).length > 0 ? [isco.slice(0, 4)] : ['none'];
}

function stateNames(iso: string): string[] {
  const state = regionsOf('MY').find((r) => r.code === iso);
  return [...new Set([...(PORTAL_STATES[iso] ?? []), ...(state ? [state.name] : ['none'])])];
}

/** Drops what the keyset already covered: the same instant with an id not below the keyset's. */
function afterKeyset(jobs: MfjJob[], after: Keyset | null): MfjJob[] {
  if (!after) return jobs;
  const at = Date.parse(after.postedAt);
  return jobs.filter((j) => {
    const t = mytInstant(j.postedDate);
    return t < at || (t === at && j.id < after.nativeId);
  });
}

function programmeMatcher(filter: TrainingFilter): (p: MfjProgramme) => boolean {
  const states = new Set((filter.regions ?? []).flatMap(stateNames).map((s) => s.toLowerCase()));
  return (p) =>
    (!filter.iscoCodes?.length || filter.iscoCodes.some((c) => (p.mascoCode ?? '').startsWith(c.slice(0, 4)))) &&
    (states.size === 0 || states.has((p.state ?? '').toLowerCase())) &&
    (!filter.text || `${p.programmeNameMs} ${p.programmeNameEn ?? ''} ${p.provider.name}`.toLowerCase().includes(filter.text.toLowerCase())) &&
    (!filter.startsAfter || (p.startDate !== null && p.startDate >= filter.startsAfter.slice(0, 10)));
}

function sortProgrammes(list: MfjProgramme[]): MfjProgramme[] {
  return list.sort((a, b) => (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || a.programmeId.localeCompare(b.programmeId));
}

