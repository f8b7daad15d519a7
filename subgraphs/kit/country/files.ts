import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromRoot } from '../../../core/paths.js';
import { readCountryManifest } from '../../../schema/registry.js';
import { useCountryFolder } from '../reference.js';
import type { CountryManifest } from './adapter.js';

/** The folder of a country's module `subgraphs/<folder>/src/<file>` (its `import.meta.url`): a copied folder needs no edit to find itself. */
export function countryFolderOf(moduleUrl: string): string {
  return basename(dirname(dirname(fileURLToPath(moduleUrl))));
}

/**
 * A country folder's manifest (subgraph.json, validated by the registry) and own SDL
 * (src/schema.graphql), read once at definition. Its reference/ folder is made part of this
 * process's reference data too: a registered country's is already, and one not yet registered
 * (the template, a partner's fresh copy) translates with its own regions and wage rules all the same.
 */
export function countryFiles(folder: string): { manifest: CountryManifest; typeDefs: string } {
  const manifest = readCountryManifest(folder);
  useCountryFolder(folder);
  return { manifest, typeDefs: readFileSync(fromRoot('subgraphs', folder, 'src/schema.graphql'), 'utf8') };
}
