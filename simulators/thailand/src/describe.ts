import { breakdown, money, pct, quantile } from '../../core/index.js';
import { generateData } from './index.js';
import { WAGE_TYPES, type DoeJob } from './native.js';

/**
 * What Thai Mee Ngan Tham's dressing adds to the shared tables (simulators/describe.ts prints both
 * into the README): pay as the platform shows it (per month, day or hour; hidden as null or the
 * legacy 0), degrees, employers' legal forms, skills, and the DSD course catalogue, counted over
 * every posting of the generated data.
 */
export function describeNative(seed: number, size: number): string {
  const data = generateData(seed, size);
  const jobs = data.changes;
  const share = (test: (j: DoeJob) => boolean) => pct(jobs.filter(test).length, jobs.length);
  const shown = (j: DoeJob) => (j.wage_min ?? 0) > 0;
  const paid = (type: string) => jobs.filter((j) => shown(j) && j.wage_type === type).map((j) => j.wage_min!);
  const [daily, hourly] = [paid(WAGE_TYPES.DAY), paid(WAGE_TYPES.HOUR)];
  const free = data.courses.filter((c) => c.fee === 0).length;
  return [
    `- Pay: \`wage_type\` ${WAGE_TYPES.MONTH} with an amount ${pct(paid(WAGE_TYPES.MONTH).length, jobs.length)}, ${WAGE_TYPES.DAY} ${pct(daily.length, jobs.length)} (p10 ${money(quantile(daily, 0.1))}, median ${money(quantile(daily, 0.5))}, p90 ${money(quantile(daily, 0.9))} THB/day), ${WAGE_TYPES.HOUR} ${pct(hourly.length, jobs.length)} (median ${money(quantile(hourly, 0.5))} THB/hour); hidden ${share((j) => !shown(j))} (amounts \`null\` ${share((j) => j.wage_min === null)}, legacy \`0\` ${share((j) => j.wage_min === 0)}).`,
    `- Degrees: ${breakdown(jobs.map((j) => j.degree_name), jobs.length)}.`,
    `- Employers: ${breakdown(jobs.map((j) => legalForm(j.employer_name)), jobs.length)}.`,
    `- Skills missing ${share((j) => j.skills === null)}; postings with a Thai skill name ${share((j) => (j.skills ?? []).some((s) => /[\u0E00-\u0E7F]/.test(s)))}.`,
    `- Courses: ${data.courses.length}; free ${pct(free, data.courses.length)}.`,
  ].join('\n');
}

/** The Thai legal form an employer's name shows. */
function legalForm(name: string): string {
  const trimmed = name.trim();
  if (trimmed.endsWith('(มหาชน)')) return 'บริษัท … จำกัด (มหาชน)';
  if (trimmed.startsWith('บริษัท')) return 'บริษัท … จำกัด';
  if (trimmed.startsWith('ห้างหุ้นส่วนจำกัด')) return 'ห้างหุ้นส่วนจำกัด';
  if (trimmed.startsWith('ร้าน')) return 'ร้าน…';
  return 'other';
}
