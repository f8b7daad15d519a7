import { importProjectModule } from '../core/modules.js';
import { countrySubgraphs } from '../schema/registry.js';
import { describeProfile, type CountryProfile } from './core/index.js';

/**
 * `npx tsx simulators/describe.ts [size] [seed]`: the distributions every registered country's
 * simulator generates (occupations with wages, regions, dirt), as the Markdown in the READMEs.
 * One country with its configured seed and size: `npm run simulator -- <name> --describe`.
 */
const size = Number(process.argv[2] ?? 3000);
const seed = Number(process.argv[3] ?? 42);

for (const { manifest } of countrySubgraphs()) {
  const simulator = manifest.upstream.simulator;
  const { profile } = await importProjectModule<{ profile: CountryProfile }>(`simulators/${simulator}/src/profile`);
  console.log(`${describeProfile(simulator, profile, { seed, size, currency: manifest.currency })}\n`);
}
