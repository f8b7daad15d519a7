import { majorGroupOf, type CountryProbes, type RawVacancy } from '../../test/harness/probes.js';

/** MYFutureJobs' own calls (OAuth client credentials, then the job list), past the subgraph. */

async function bearer(base: string): Promise<Record<string, string>> {
  const form = 'grant_type=client_credentials&client_id=lmis-gateway&client_secret=sim-myfuturejobs-secret';
  const token = await fetch(`${base}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  const { access_token } = (await token.json()) as { access_token: string };
  return { authorization: `Bearer ${access_token}` };
}

/** closingDate: a date (or an instant) in Malaysian time; a bare date is midnight MYT. */
const closingMs = (closing: string | null): number | null => (closing ? Date.parse(closing.length === 10 ? `${closing}T00:00:00+08:00` : closing) : null);

export const probes: CountryProbes = {
  firstPage: async (base) => ({ url: `${base}/api/jobs?limit=21&sort=postedDate,desc`, headers: await bearer(base) }),

  rawVacancies: async (base) => {
    const majorOf = majorGroupOf('MY');
    const headers = await bearer(base);
    const out: RawVacancy[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = (await (await fetch(`${base}/api/jobs?offset=${offset}&limit=500`, { headers })).json()) as { results: Array<{ mascoCode: string | null; closingDate: string | null }>; total: number };
      out.push(...page.results.map((j) => ({ iscoMajor: majorOf(j.mascoCode), expiresAtMs: closingMs(j.closingDate) })));
      if (out.length >= page.total || page.results.length === 0) return out;
    }
  },
};
