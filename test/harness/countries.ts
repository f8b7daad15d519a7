import { countrySubgraphs, readSubgraphList } from '../../schema/registry.js';

/**
 * The registered countries as tests name them, read from the registry (schema/supergraph.yaml
 * and each subgraph.json), so a test that uses a country only as an example covers every
 * country and keeps passing when one is added; no test outside a country's folder names one.
 */
export interface RegisteredCountry {
  /** The subgraph's name (and folder): `sources { subgraph }`, startCountryForTest, stack.subgraphUrls. */
  name: string;
  /** ISO 3166-1 alpha-2: `country(code:)`, the `countries` filter, the global id prefix. */
  code: string;
  /** ISO 4217, the currency its wages are published in. */
  currency: string;
  /** Its simulator's name: stack.simulatorUrls and stack.faults are keyed by it. */
  simulator: string;
}

/** Every registered country, in registry order. */
export function registeredCountries(): RegisteredCountry[] {
  return countrySubgraphs(readSubgraphList()).map((c) => ({ name: c.name, code: c.manifest.country, currency: c.manifest.currency, simulator: c.manifest.upstream.simulator }));
}

/** Every registered subgraph by name: the whole federation, for startStack. */
export function everySubgraph(): string[] {
  return readSubgraphList().subgraphs.map((s) => s.name);
}

/** One registered country (the first), for a test about any one country: faults, ids, one upstream. */
export function oneCountry(): RegisteredCountry {
  const [first] = registeredCountries();
  if (!first) throw new Error('schema/supergraph.yaml registers no country');
  return first;
}
