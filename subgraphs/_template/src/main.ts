// Runs this subgraph alone once it is registered in schema/supergraph.yaml: the same as
// `npm run start:subgraph -- <name>` (config from the environment, UPSTREAM_<NAME>_URL, signals).
// The template itself is never registered, so it runs only in its tests (template.test.ts).
import { readManifest } from '../../../schema/registry.js';
import { countryFolderOf } from '../../kit/index.js';

process.argv[2] = readManifest(countryFolderOf(import.meta.url)).name;
await import('../../main.js');
