#!/usr/bin/env node
// Regenerates everything that is generated and committed (composed supergraph, generated subgraph
// SDL, codegen resolver types) and fails when the working tree changed: a stale generated file is
// a CI failure, and the fix is one command (`npm run compose && npm run codegen`).
import { execSync } from 'node:child_process';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
const generated = ['schema/supergraph.graphql', 'schema/api.graphql', 'subgraphs/*/generated', 'examples/typed-client/src/gql', 'deploy/kubernetes', 'docker-compose.yml'];

run('npm run --silent compose');
run('npm run --silent codegen');
run('npm run --silent deploy:generate');
const diff = execSync(`git status --porcelain -- ${generated.join(' ')}`).toString().trim();
if (diff) {
  console.error(`\nGenerated files are stale; run \`npm run compose && npm run codegen\` and commit:\n${diff}`);
  process.exit(1);
}
console.log('generated files are fresh');
