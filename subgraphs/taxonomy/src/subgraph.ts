import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import type { ListenOptions, RunningService } from '../../../core/service.js';
import { fromRoot } from '../../../core/paths.js';
import { startSubgraph, type SubgraphDeps } from '../../kit/index.js';
import { iscoGroups, allSkills, regionRecords, nationalCodeList, nationalSystems } from '../../../reference/index.js';
import { resolvers } from './resolvers/index.js';

/**
 * The taxonomy subgraph: owner of Occupation (ISCO-08), Skill (ESCO), Country and Region, all
 * served from the in-memory reference module. `start` never listens on import.
 */

export const typeDefs: DocumentNode = parse(readFileSync(fromRoot('subgraphs/taxonomy/src/schema.graphql'), 'utf8'));

export async function start(deps: SubgraphDeps, listen: ListenOptions): Promise<RunningService> {
  warmReferenceData();
  return startSubgraph({ name: 'taxonomy', typeDefs, resolvers }, deps, listen);
}

/** Loads every reference index now (about a second), so the first request does not pay for it. */
function warmReferenceData(): void {
  iscoGroups();
  allSkills();
  regionRecords();
  for (const system of nationalSystems()) nationalCodeList(system);
}
