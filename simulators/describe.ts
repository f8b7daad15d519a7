import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fromRoot } from '../core/paths.js';
import { importProjectModule } from '../core/modules.js';
import { countrySubgraphs } from '../schema/registry.js';
import { describeProfile, type CountryProfile } from './core/index.js';

/**
 * `npx tsx simulators/describe.ts [size] [seed]`: the distributions every registered country's
 * simulator generates (occupations with wages, regions, dirt, and what a simulator's own
 * `src/describe.ts` adds about its native dressing), as the Markdown in the READMEs. With
 * `--write`, each simulator's README gets it between its DESCRIBE markers, so a change to the
 * generator or the reference data is one command away from current READMEs.
 * One country with its configured seed and size: `npm run simulator -- <name> --describe`.
 */
export const BEGIN = '<!-- DESCRIBE:BEGIN (npx tsx simulators/describe.ts --write) -->';
export const END = '<!-- DESCRIBE:END -->';

export async function describeSimulator(simulator: string, currency: string, seed: number, size: number): Promise<string> {
  const { profile } = await importProjectModule<{ profile: CountryProfile }>(`simulators/${simulator}/src/profile`);
  const shared = describeProfile(simulator, profile, { seed, size, currency });
  if (!existsSync(fromRoot(`simulators/${simulator}/src/describe.ts`))) return shared;
  const { describeNative } = await importProjectModule<{ describeNative(seed: number, size: number): string }>(`simulators/${simulator}/src/describe`);
  return `${shared}\n\n${describeNative(seed, size)}`;
}

/** The README with its marked section replaced; throws when the markers are missing. */
export function withDescription(readme: string, description: string, file: string): string {
  const [begin, end] = [readme.indexOf(BEGIN), readme.indexOf(END)];
  if (begin < 0 || end < begin) throw new Error(`${file} has no ${BEGIN} … ${END} section`);
  return `${readme.slice(0, begin + BEGIN.length)}\n\n${description}\n\n${readme.slice(end)}`;
}

/** Every registered country's simulator, in registry order. */
export function simulators(): Array<{ simulator: string; currency: string }> {
  return countrySubgraphs().map(({ manifest }) => ({ simulator: manifest.upstream.simulator, currency: manifest.currency }));
}

/** The README figures: 3000 vacancies, seed 42. */
export const README_SIZE = 3000;
export const README_SEED = 42;

async function main(args: string[]): Promise<void> {
  const write = args.includes('--write');
  const [size = README_SIZE, seed = README_SEED] = args.filter((a) => !a.startsWith('--')).map(Number);
  for (const { simulator, currency } of simulators()) {
    const description = await describeSimulator(simulator, currency, seed, size);
    if (!write) {
      console.log(`${description}\n`);
      continue;
    }
    const file = fromRoot(`simulators/${simulator}/README.md`);
    writeFileSync(file, withDescription(readFileSync(file, 'utf8'), description, file));
    console.log(`${file}: distributions rewritten (seed ${seed}, ${size} vacancies)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
