import { writeFileSync } from 'node:fs';
import { getOperationAST, parse, print } from 'graphql';
import { DEFAULT_SAFELIST_FILE } from '../core/config.js';
import { fromRoot } from '../core/paths.js';
import { manifestOf } from '../core/safelist.js';
import { SCENARIOS } from '../bench/scenarios.js';
import { OccupationWithVacancies } from '../examples/typed-client/src/occupation.js';

/**
 * `npm run safelist`: writes config/persisted-queries.json, the operations a gateway in
 * `APQ_MODE=safelist` runs — the project's own clients' documents, in the exact text each
 * sends (its hash is the id): the typed client's (printed, as examples/typed-client sends it)
 * and the benchmark's. Regenerated and compared by scripts/check-generated.mjs, so a changed
 * client query without a new safelist fails CI. A deployment with its own apps lists theirs
 * (Apollo's generate-persisted-query-manifest writes the same format).
 */
const texts = [print(OccupationWithVacancies), ...SCENARIOS.flatMap((scenario) => [scenario.body(0), ...(scenario.coldProbe ? [scenario.coldProbe()] : [])].map(queryOf))];

const manifest = manifestOf(
  texts.map((body) => {
    const operation = getOperationAST(parse(body));
    if (!operation) throw new Error(`not one operation: ${body.slice(0, 80)}`);
    return { name: operation.name?.value ?? '', type: operation.operation, body };
  }),
);
writeFileSync(fromRoot(DEFAULT_SAFELIST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${DEFAULT_SAFELIST_FILE}: ${manifest.operations.length} operations`);

function queryOf(requestBody: string): string {
  return (JSON.parse(requestBody) as { query: string }).query;
}
