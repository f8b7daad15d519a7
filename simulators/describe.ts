import { generateJobs, MAJOR_GROUP_SHARE, type CountryProfile } from './core/index.js';
import { profile as indonesia } from './indonesia/src/profile.js';
import { profile as malaysia } from './malaysia/src/profile.js';
import { profile as thailand } from './thailand/src/profile.js';

/**
 * `npx tsx simulators/describe.ts [size] [seed]`: the distributions the simulators generate
 * (occupations by ISCO major group, top regions, wages, dirt), as Markdown for the READMEs.
 */
const size = Number(process.argv[2] ?? 3000);
const seed = Number(process.argv[3] ?? 42);
const profiles: Record<string, [CountryProfile, string]> = { indonesia: [indonesia, 'IDR'], malaysia: [malaysia, 'MYR'], thailand: [thailand, 'THB'] };

for (const [name, [profile, currency]] of Object.entries(profiles)) {
  const jobs = generateJobs(profile, seed, size);
  const pct = (n: number) => `${((100 * n) / jobs.length).toFixed(1)} %`;
  console.log(`\n### ${name} (seed ${seed}, ${size} vacancies)\n`);
  console.log('| ISCO-08 major group | share | target |\n|---|---|---|');
  for (const major of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) {
    console.log(`| ${major} | ${pct(jobs.filter((j) => j.occupation.iscoCode.startsWith(major)).length)} | ${(100 * (MAJOR_GROUP_SHARE[major] ?? 0)).toFixed(0)} % |`);
  }
  const regions = new Map<string, number>();
  for (const j of jobs) regions.set(`${j.region.code} ${j.region.name}${j.region.imtGt ? ' (IMT-GT)' : ''}`, (regions.get(`${j.region.code} ${j.region.name}${j.region.imtGt ? ' (IMT-GT)' : ''}`) ?? 0) + 1);
  console.log('\n| top regions | share |\n|---|---|');
  for (const [r, n] of [...regions].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`| ${r} | ${pct(n)} |`);
  console.log(`\nIMT-GT regions: ${pct(jobs.filter((j) => j.region.imtGt).length)} of postings.`);
  const monthly = jobs.filter((j) => j.wage?.period === 'MONTH').map((j) => ((j.wage?.min ?? 0) + (j.wage?.max ?? 0)) / 2).sort((a, b) => a - b);
  const q = (p: number) => Math.round(monthly[Math.floor(p * (monthly.length - 1))] ?? 0).toLocaleString('en');
  console.log(`\nMonthly wage midpoints (${currency}): p10 ${q(0.1)}, p25 ${q(0.25)}, p50 ${q(0.5)}, p75 ${q(0.75)}, p90 ${q(0.9)}.`);
  const daily = jobs.filter((j) => j.wage?.period === 'DAY');
  if (daily.length) console.log(`Daily-paid postings: ${pct(daily.length)}, median ${daily.map((j) => j.wage!.min).sort((a, b) => a - b)[Math.floor(daily.length / 2)]} ${currency}/day (minimum).`);
  console.log(`Hidden wages ${pct(jobs.filter((j) => !j.wage).length)}; syndicated duplicates ${pct(jobs.filter((j) => j.duplicateOf !== null).length)}; outdated or unknown codes ${pct(jobs.filter((j) => j.nationalCode !== null && j.nationalCode !== j.occupation.code).length)}; missing codes ${pct(jobs.filter((j) => j.nationalCode === null).length)}; expired postings ${pct(jobs.filter((j) => j.expiresAtMs - j.postedAtMs < 21 * 86_400_000).length)}.`);
}
