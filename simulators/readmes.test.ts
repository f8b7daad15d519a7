import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../core/paths.js';
import { README_SEED, README_SIZE, describeSimulator, simulators, withDescription } from './describe.js';

/** Each simulator's README shows the distributions its generator makes today (the fix: `npx tsx simulators/describe.ts --write`). */
describe('simulator READMEs', () => {
  for (const { simulator, currency } of simulators()) {
    it(`${simulator}: the generated distributions are current`, async () => {
      const file = fromRoot(`simulators/${simulator}/README.md`);
      const readme = readFileSync(file, 'utf8');
      expect(readme, 'stale: run npx tsx simulators/describe.ts --write').toBe(withDescription(readme, await describeSimulator(simulator, currency, README_SEED, README_SIZE), file));
    });
  }

  it('refuses a README without the marked section', () => {
    expect(() => withDescription('# no markers', 'x', 'README.md')).toThrow(/has no <!-- DESCRIBE:BEGIN/);
  });
});
