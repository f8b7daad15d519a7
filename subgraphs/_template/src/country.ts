import { countryFiles, countryFolderOf } from '../../kit/index.js';

/**
 * This country's manifest (subgraph.json) and own SDL (schema.graphql), from its folder — found
 * from this file, so a copy under another name needs no edit. The kit also makes the folder's
 * reference/ data part of the process, so the translation finds its regions, education labels
 * and wage rules before the country is registered.
 */
export const { manifest, typeDefs } = countryFiles(countryFolderOf(import.meta.url));
