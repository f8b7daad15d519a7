import { countrySubgraphs, readSubgraphList } from '../../../schema/registry.js';

/**
 * The countries the exchange fans out to, discovered from the subgraph registry
 * (schema/supergraph.yaml + subgraphs/<name>/subgraph.json, kind "country"). Adding a country is
 * a registry entry and a folder; no code here changes.
 */

export interface CountrySource {
  /** Subgraph name, e.g. "indonesia". */
  name: string;
  /** ISO 3166-1 alpha-2, e.g. "ID". */
  country: string;
  /** ISO 4217 currency its wages are published in. */
  currency: string;
  /** Concrete GraphQL types are `<typePrefix>Vacancy` and `<typePrefix>TrainingOffer`. */
  typePrefix: string;
  /** The country subgraph's GraphQL endpoint. */
  url: string;
}

/**
 * Reads the registry. `urls` (subgraph name → URL, from the stack or test harness) overrides the
 * registry's routing_url, which is the default for a fixed-port deployment.
 */
export function discoverCountries(urls: Record<string, string> = {}): CountrySource[] {
  return countrySubgraphs(readSubgraphList()).map((entry) => {
    const { country, currency, typePrefix } = entry.manifest;
    if (!country || !currency || !typePrefix) {
      throw new Error(`subgraphs/${entry.name}/subgraph.json: a country needs "country", "currency" and "typePrefix"`);
    }
    return { name: entry.name, country, currency, typePrefix, url: urls[entry.name] ?? entry.routingUrl };
  });
}

export function byCountryCode(countries: readonly CountrySource[]): Map<string, CountrySource> {
  return new Map(countries.map((c) => [c.country, c]));
}
