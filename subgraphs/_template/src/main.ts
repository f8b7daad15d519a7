// Runs this subgraph alone once it is registered in schema/supergraph.yaml: the same as
// `npm run start:subgraph -- <name>` (config from the environment, UPSTREAM_<NAME>_URL, signals).
// The template itself is never registered, so it runs only in its tests (template.test.ts).
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '../../../schema/registry.js';

process.argv[2] = readManifest(basename(dirname(dirname(fileURLToPath(import.meta.url))))).name;
await import('../../main.js');
