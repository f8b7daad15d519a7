import { readFileSync } from 'node:fs';
import { fromRoot } from '../../../core/paths.js';
import type { CountryManifest } from './adapter.js';

/** A country folder's manifest (subgraph.json) and own SDL (src/schema.graphql), read once at definition. */
export function countryFiles(name: string): { manifest: CountryManifest; typeDefs: string } {
  return {
    manifest: JSON.parse(readFileSync(fromRoot('subgraphs', name, 'subgraph.json'), 'utf8')) as CountryManifest,
    typeDefs: readFileSync(fromRoot('subgraphs', name, 'src/schema.graphql'), 'utf8'),
  };
}
