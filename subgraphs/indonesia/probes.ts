import { majorGroupOf, type CountryProbes, type RawVacancy } from '../../test/harness/probes.js';

/** Karirhub's own Algolia calls, past the subgraph (for the benchmark and end-to-end checks). */

const HEADERS = { 'x-algolia-api-key': 'sim-karirhub-key', 'x-algolia-application-id': 'KARIRHUB' };

export const probes: CountryProbes = {
  firstPage: async (base) => ({
    url: `${base}/1/indexes/karirhub_industrial_vacancies_published_at_desc/query`,
    headers: HEADERS,
    body: () => JSON.stringify({ query: '', hitsPerPage: 21 }),
  }),

  rawVacancies: async (base) => {
    const majorOf = majorGroupOf('ID');
    const out: RawVacancy[] = [];
    let cursor: string | undefined;
    do {
      const url = `${base}/1/indexes/karirhub_industrial_vacancies/browse${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await (await fetch(url, { headers: HEADERS })).json()) as { hits: Array<{ kbji_code: string | null; expired_at: number | null }>; cursor?: string };
      out.push(...page.hits.map((h) => ({ iscoMajor: majorOf(h.kbji_code), expiresAtMs: h.expired_at === null ? null : h.expired_at * 1000 })));
      cursor = page.cursor;
    } while (cursor);
    return out;
  },
};
