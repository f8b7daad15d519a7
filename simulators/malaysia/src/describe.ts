import { breakdown, pct } from '../../core/index.js';
import { generateData } from './index.js';
import type { MfjJob } from './native.js';

/**
 * What MYFutureJobs' dressing adds to the shared tables (simulators/describe.ts prints both into
 * the README): salary bands, contract types, education, the language of titles, the portal's own
 * dirt, and the training catalogue, counted over every posting of the generated data.
 */
export function describeNative(seed: number, size: number): string {
  const data = generateData(seed, size);
  const jobs = data.changes;
  const share = (test: (j: MfjJob) => boolean) => pct(jobs.filter(test).length, jobs.length);
  const bands = jobs.flatMap((j) => (j.actualWages ? [j.salaryBand ?? ''] : []));
  const belowFloor = bands.includes('A') ? '' : ' A never occurs (below the minimum wage).';
  const free = data.programmes.filter((p) => p.feeMyr === 0).length;
  return [
    `- Salary bands: ${breakdown(bands, jobs.length, 'value')}; hidden ${share((j) => j.actualWages === null)} (\`NEGO\` ${share((j) => j.actualWages === null && j.salaryBand === 'NEGO')}, none ${share((j) => j.salaryBand === null)}).${belowFloor}`,
    `- Contract types: ${breakdown(jobs.map((j) => j.contractType.labelMs), jobs.length)}.`,
    `- Education: ${breakdown(jobs.map((j) => j.educationLevel.label), jobs.length)}.`,
    `- \`positionTitle\` in Malay ${share((j) => j.positionTitle === j.positionTitleMs)} (else English; \`positionTitleMs\` always Malay); postings with a skill without an ESCO URI ${share((j) => j.skills.some((s) => s.code === null))}.`,
    `- The portal's own dirt: date-only \`postedDate\` ${share((j) => j.postedDate.length === 10)}; re-listings from partner boards (\`sourceJobId\` set) ${share((j) => j.sourceJobId !== null)}.`,
    `- Training: ${data.programmes.length} programmes; fee 0 for ${pct(free, data.programmes.length)}.`,
  ].join('\n');
}
