import { countryProbes, type RawVacancy } from '../harness/probes.js';

/**
 * Each simulator's complete raw data, fetched through its own native API by the probes its
 * country ships (subgraphs/<name>/probes.ts, found through the registry) and reduced by hand to
 * what a statistics check needs — written independently of the adapters, so that the exchange's
 * statistics can be compared with a brute-force count. By simulator name.
 */
export type { RawVacancy };

type Fetcher = (baseUrl: string) => Promise<RawVacancy[]>;

export const RAW_FETCHERS: Record<string, Fetcher> = Object.fromEntries([...(await countryProbes())].map(([simulator, p]) => [simulator, p.rawVacancies]));
