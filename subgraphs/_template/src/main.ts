// Runs this subgraph alone once it is registered in schema/supergraph.yaml: the same as
// `npm run start:subgraph -- <name>` (config from the environment, UPSTREAM_<NAME>_URL, signals).
// The template itself is never registered, so it runs only in its tests (template.test.ts).
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../subgraph.json', import.meta.url), 'utf8')) as { name: string };
process.argv[2] = manifest.name;
await import('../../main.js');
