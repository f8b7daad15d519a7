#!/usr/bin/env node
// Regenerates everything that is generated and committed (composed supergraph, generated subgraph
// SDL, codegen resolver types, Kubernetes manifests, the persisted-query safelist) and fails when
// the working tree changed: a stale generated file is a CI failure, and the fix is one command
// (`npm run compose && npm run codegen && npm run safelist`).
import { execSync } from 'node:child_process';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
const generated = ['schema/supergraph.graphql', 'schema/api.graphql', 'subgraphs/*/generated', 'examples/typed-client/src/gql', 'deploy/kubernetes', 'docker-compose.yml', 'config/persisted-queries.json'];

run('npm run --silent compose');
run('npm run --silent codegen');
run('npm run --silent deploy:generate');
run('npm run --silent safelist');
const diff = execSync(`git status --porcelain -- ${generated.join(' ')}`).toString().trim();
if (diff) {
  console.error(`\nGenerated files are stale; run \`npm run compose && npm run codegen && npm run safelist\` and commit:\n${diff}`);
  process.exit(1);
}
// Resolver types are generated only for a subgraph whose resolver map is typed with them
// (`"resolverTypes": true`): a committed one its own code does not import is dead weight.
const typeFiles = execSync('git ls-files -- "subgraphs/*/generated/resolvers-types.ts"').toString().split('\n').filter(Boolean);
const unused = typeFiles.filter((file) => !execSync(`git grep -l "generated/resolvers-types.js" -- ${file.split('/').slice(0, 2).join('/')}/src || true`).toString().trim());
if (unused.length > 0) {
  console.error(`\nGenerated resolver types nothing imports; type the subgraph's resolvers with them or drop its \`resolverTypes\`:\n${unused.join('\n')}`);
  process.exit(1);
}
console.log('generated files are fresh');
