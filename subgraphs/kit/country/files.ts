import { readFileSync } from 'node:fs';
import { fromRoot } from '../../../core/paths.js';
import { readCountryManifest } from '../../../schema/registry.js';
import type { CountryManifest } from './adapter.js';

/** A country folder's manifest (subgraph.json, validated by the registry) and own SDL (src/schema.graphql), read once at definition. */
export function countryFiles(folder: string): { manifest: CountryManifest; typeDefs: string } {
  return {
    manifest: readCountryManifest(folder),
    typeDefs: readFileSync(fromRoot('subgraphs', folder, 'src/schema.graphql'), 'utf8'),
  };
}
