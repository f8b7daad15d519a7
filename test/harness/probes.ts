import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fromRoot } from '../../core/paths.js';
import { parseCsvRecords, readDataCsv } from '../../reference/csv.js';
import { countryReference } from '../../reference/country.js';
import { countrySubgraphs, readSubgraphList } from '../../schema/registry.js';

/**
 * The native calls the benchmark and the end-to-end tests make PAST the subgraphs, straight to a
 * national system (or its simulator): each country ships them in subgraphs/<name>/probes.ts,
 * and this module finds them through the registry, so neither the benchmark nor the tests name
 * a country. A country without the file is simply not probed (and reported so).
 */

/** One native HTTP request: GET without a body, POST with one. */
export interface NativeCall {
  url: string;
  headers?: Record<string, string>;
  body?: (n: number) => string;
}

export interface RawVacancy {
  /** ISCO-08 major group via the national code list, or null when the code is unknown. */
  iscoMajor: string | null;
  /** Expiry (epoch ms): the portals keep expired postings listed; an expired posting is not open stock. */
  expiresAtMs: number | null;
}

/** What subgraphs/<name>/probes.ts exports. */
export interface CountryProbes {
  /** The newest-first first page of 21 (20 and one to know there is more), as the adapter asks. */
  firstPage(baseUrl: string): Promise<NativeCall>;
  /** The system's complete raw data, through its own API, reduced to what a statistics check needs. */
  rawVacancies(baseUrl: string): Promise<RawVacancy[]>;
}

/** Each registered country's probes that it ships, by simulator name (`upstream.simulator`). */
export async function countryProbes(): Promise<Map<string, CountryProbes>> {
  const found = new Map<string, CountryProbes>();
  for (const entry of countrySubgraphs(readSubgraphList())) {
    const file = fromRoot('subgraphs', entry.name, 'probes.ts');
    if (!existsSync(file)) continue;
    const module = (await import(pathToFileURL(file).href)) as { probes?: CountryProbes };
    if (!module.probes) throw new Error(`${file} must export \`probes\` (test/harness/probes.ts, CountryProbes)`);
    found.set(entry.manifest.upstream.simulator, module.probes);
  }
  return found;
}

/**
 * National code → ISCO-08 major group for a country, read from its files by hand — independent
 * of reference/ and the adapters, so a statistic can be checked against a brute-force count.
 * Listed codes map by their row; outdated codes by the country's declared editions, only where
 * the ILO correspondence sends their ISCO-88 unit wholly to one ISCO-08 unit (issue 11).
 */
export function majorGroupOf(country: string): (code: string | null) => string | null {
  const ref = countryReference(country);
  if (!ref) throw new Error(`"${country}" is not a registered country`);
  const units = new Set(readDataCsv('isco08_structure_en.csv').filter((r) => r.level === '4').map((r) => r.code ?? ''));
  const primary = new Map(readDataCsv('national/isco88_to_isco08.csv').map((r) => [r.isco88 ?? '', r.isco08 ?? '']));
  const whole = new Map(readDataCsv('national/isco88_isco08_correspondence.csv').filter((r) => units.has(r.isco08 ?? '')).map((r) => [r.isco88 ?? '', r.isco08 ?? '']));
  const listed = new Map(
    parseCsvRecords(readFileSync(`${ref.dir}/occupations.csv`, 'utf8')).map((r) => [r.code ?? '', (r.isco08 || primary.get(r.isco88 ?? '')) ?? '']),
  );
  const editions = ref.country.occupationSystem.outdated;
  return (code) => {
    if (!code) return null;
    const own = listed.get(code);
    if (own) return own[0] ?? null;
    for (const e of editions) {
      if (!/^\d{4}/.test(code) || !e.suffixes.includes(code.slice(4))) continue;
      const unit = e.via === 'ISCO-88' ? whole.get(code.slice(0, 4)) : units.has(code.slice(0, 4)) ? code.slice(0, 4) : undefined;
      if (unit) return unit[0] ?? null;
    }
    return null;
  };
}
