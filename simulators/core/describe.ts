import { MAJOR_GROUP_SHARE } from './generate/labourMarket.js';
import type { CountryProfile, GeneratedJob } from './generate/jobs.js';
import { generateJobs } from './generate/jobs.js';

/**
 * The distributions a simulator generates — occupations by ISCO major group with their wages,
 * regions, and the dirt — as the Markdown its README shows (`npm run simulator -- <name> --describe`).
 */
export function describeProfile(name: string, profile: CountryProfile, options: { seed: number; size: number; currency: string }): string {
  const jobs = generateJobs(profile, options.seed, options.size);
  return [
    `#### ${name} (seed ${options.seed}, ${options.size} vacancies)`,
    occupationTable(jobs, options.currency),
    regionTable(jobs),
    wageLine(jobs, options.currency),
    dirtLine(jobs),
  ].join('\n\n');
}

const MAJOR_GROUPS: Record<string, string> = {
  '1': 'Managers', '2': 'Professionals', '3': 'Technicians and associate professionals', '4': 'Clerical support workers',
  '5': 'Service and sales workers', '6': 'Skilled agricultural workers', '7': 'Craft and related trades workers',
  '8': 'Plant and machine operators', '9': 'Elementary occupations',
};

function occupationTable(jobs: GeneratedJob[], currency: string): string {
  const rows = Object.entries(MAJOR_GROUPS).map(([major, title]) => {
    const group = jobs.filter((j) => j.occupation.iscoCode.startsWith(major));
    const wages = monthlyMidpoints(group);
    return `| ${major} ${title} | ${pct(group.length, jobs.length)} | ${Math.round(100 * (MAJOR_GROUP_SHARE[major] ?? 0))} % | ${money(quantile(wages, 0.5))} | ${money(quantile(wages, 0.1))} – ${money(quantile(wages, 0.9))} |`;
  });
  return [`| ISCO-08 major group | share | target | median monthly wage (${currency}) | p10 – p90 |`, '|---|---|---|---|---|', ...rows].join('\n');
}

function regionTable(jobs: GeneratedJob[]): string {
  const counts = new Map<string, number>();
  for (const j of jobs) {
    const label = `${j.region.code} ${j.region.name}${j.region.imtGt ? ' (IMT-GT)' : ''}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
  const imtGt = jobs.filter((j) => j.region.imtGt).length;
  return [
    '| top regions | share |',
    '|---|---|',
    ...top.map(([label, n]) => `| ${label} | ${pct(n, jobs.length)} |`),
    '',
    `IMT-GT regions: ${pct(imtGt, jobs.length)} of postings.`,
  ].join('\n');
}

function wageLine(jobs: GeneratedJob[], currency: string): string {
  const monthly = monthlyMidpoints(jobs);
  const lines = [`Monthly wage midpoints (${currency}): ${[0.1, 0.25, 0.5, 0.75, 0.9].map((p) => `p${p * 100} ${money(quantile(monthly, p))}`).join(', ')}.`];
  const daily = jobs.filter((j) => j.wage?.period === 'DAY').map((j) => j.wage?.min ?? 0);
  if (daily.length) lines.push(`Daily-paid postings: ${pct(daily.length, jobs.length)}, median ${money(quantile(daily, 0.5))} ${currency}/day (minimum).`);
  return lines.join('\n');
}

function dirtLine(jobs: GeneratedJob[]): string {
  const share = (test: (j: GeneratedJob) => boolean) => pct(jobs.filter(test).length, jobs.length);
  return [
    `Hidden wages ${share((j) => !j.wage)}`,
    `syndicated duplicates ${share((j) => j.duplicateOf !== null)}`,
    `outdated or unknown codes ${share((j) => j.nationalCode !== null && j.nationalCode !== j.occupation.code)}`,
    `missing codes ${share((j) => j.nationalCode === null)}`,
    `postings expiring within 3 weeks ${share((j) => j.expiresAtMs - j.postedAtMs < 21 * 86_400_000)}.`,
  ].join('; ');
}

function monthlyMidpoints(jobs: GeneratedJob[]): number[] {
  return jobs.filter((j) => j.wage?.period === 'MONTH').map((j) => ((j.wage?.min ?? 0) + (j.wage?.max ?? 0)) / 2);
}

/** The p-quantile (nearest rank below) of unsorted values; 0 of none. */
export function quantile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(p * (sorted.length - 1))] ?? 0;
}

/** "12.3 %" of `of` (for a simulator's own `src/describe.ts` too). */
export function pct(n: number, of: number): string {
  return `${of === 0 ? '0.0' : ((100 * n) / of).toFixed(1)} %`;
}

/** "A 23.8 % · B 24.2 % · …" of `total`: most frequent first, or in value order. */
export function breakdown(values: readonly string[], total: number, order: 'count' | 'value' = 'count'): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const rows = [...counts].sort(order === 'value' ? (a, b) => a[0].localeCompare(b[0]) : (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return rows.map(([value, n]) => `${value} ${pct(n, total)}`).join(' · ');
}

export function money(amount: number): string {
  return Math.round(amount).toLocaleString('en');
}
