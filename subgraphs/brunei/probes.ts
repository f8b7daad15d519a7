import { majorGroupOf, type CountryProbes, type RawVacancy } from '../../test/harness/probes.js';

/** JobCentre Brunei's own calls (an OAuth2 token with HTTP Basic client authentication, then OData), past the subgraph. */

async function bearer(base: string): Promise<Record<string, string>> {
  const basic = Buffer.from('lmis-gateway:sim-jobcentre-secret').toString('base64');
  const token = await fetch(`${base}/connect/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
  const { access_token } = (await token.json()) as { access_token: string };
  return { authorization: `Bearer ${access_token}` };
}

const LISTED = encodeURIComponent("Status eq 'Open'");
/** A date-only `/Date(ms)/` is midnight UTC of Brunei's calendar day; the day starts at midnight Brunei time (UTC+8). */
const closingMs = (closing: string | null): number | null => {
  const m = /^\/Date\((-?\d+)\)\/$/.exec(closing ?? '');
  return m ? Number(m[1]) - 8 * 3_600_000 : null;
};

export const probes: CountryProbes = {
  firstPage: async (base) => ({ url: `${base}/odata/v2/Vacancies?$filter=${LISTED}&$top=21&$expand=Skills&$inlinecount=allpages`, headers: await bearer(base) }),

  rawVacancies: async (base) => {
    const majorOf = majorGroupOf('BN');
    const headers = await bearer(base);
    const out: RawVacancy[] = [];
    // Server-driven paging: follow __next until the service has none.
    for (let next: string | undefined = `${base}/odata/v2/Vacancies?$filter=${LISTED}`; next; ) {
      const page = (await (await fetch(next, { headers })).json()) as { d: { results: Array<{ BdsocCode: string | null; ClosingDate: string | null }>; __next?: string } };
      out.push(...page.d.results.map((v) => ({ iscoMajor: majorOf(v.BdsocCode), expiresAtMs: closingMs(v.ClosingDate) })));
      next = page.d.__next;
    }
    return out;
  },
};
