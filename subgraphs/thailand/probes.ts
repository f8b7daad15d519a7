import { majorGroupOf, type CountryProbes } from '../../test/harness/probes.js';

/** Thai Mee Ngan Tham's own DataTables call, past the subgraph. */

const HEADERS = { authorization: 'Bearer sim-doe-token', 'content-type': 'application/x-www-form-urlencoded' };

/** "22/11/2569 14:05" (Buddhist Era, Thai time) → epoch ms. */
function buddhistToMs(text: string | null): number | null {
  const m = text ? /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})/.exec(text) : null;
  return m ? Date.parse(`${Number(m[3]) - 543}-${m[2]}-${m[1]}T${m[4]}:${m[5]}:00+07:00`) : null;
}

export const probes: CountryProbes = {
  firstPage: async (base) => ({ url: `${base}/api-server/JobAll/ajax_list_job`, headers: HEADERS, body: () => 'draw=1&start=0&length=21' }),

  rawVacancies: async (base) => {
    const majorOf = majorGroupOf('TH');
    const res = await fetch(`${base}/api-server/JobAll/ajax_list_job`, { method: 'POST', headers: HEADERS, body: 'draw=1&start=0&length=-1' });
    const body = (await res.json()) as { data: Array<{ occupation_code: string | null; expire_date: string | null }> };
    return body.data.map((j) => ({ iscoMajor: majorOf(j.occupation_code), expiresAtMs: buddhistToMs(j.expire_date) }));
  },
};
