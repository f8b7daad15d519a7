import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fromRoot } from '../core/paths.js';
import { countrySubgraphs, readSubgraphList } from '../schema/registry.js';
import { startStack } from '../test/harness/stack.js';
import { legend, line, polyline, svgDocument, text } from './svg.js';

/**
 * `npm run chart:trend [-- --size N]`: docs/trend.svg from the data itself. Starts the stack in
 * this process (the test harness: simulators, subgraphs, gateway; the store in embedded PGlite),
 * lets the exchange harvest every country, asks the graph for `labourMarketTrend` by ISO week and
 * country, and draws open stock and new postings per week. The simulators are seeded and the
 * period is fixed, so the same code always draws the same chart.
 */
const { values: args } = parseArgs({ options: { size: { type: 'string', default: '10000' } } });
const size = Number(args.size);
const FROM = '2026-08-03';
const TO = '2026-11-22';
const COLORS = ['#1b7f5b', '#d9822b', '#5b6bbf', '#b23a48', '#7a5c99'];

interface Point {
  period: string;
  cells: Array<{ country: { code: string }; vacancies: number | null; newPostings: number | null }>;
}

const countries = countrySubgraphs(readSubgraphList()).map((c) => c.name);
const stack = await startStack({ subgraphs: ['taxonomy', 'exchange', ...countries], simulator: { size }, responseCacheTtlSeconds: 0, store: 'pglite' });
try {
  const answer = await stack.query<{ labourMarketTrend: { perturbed: boolean; points: Point[] } }>(
    `{ labourMarketTrend(interval: WEEK, from: "${FROM}", to: "${TO}", groupBy: [COUNTRY]) { perturbed points { period cells { country { code } vacancies newPostings } } } }`,
  );
  if (answer.errors || !answer.data) throw new Error(`labourMarketTrend failed: ${JSON.stringify(answer.errors)}`);
  writeFileSync(fromRoot('docs/trend.svg'), trendChart(answer.data.labourMarketTrend.points, size));
  console.log(`wrote docs/trend.svg (${answer.data.labourMarketTrend.points.length} weeks, ${size.toLocaleString('en')} postings per country)`);
} finally {
  await stack.stop();
}
process.exit(0);

/** Two panels over the same weeks: open vacancies at each week's end, new postings within it; one line per country. */
function trendChart(points: readonly Point[], postings: number): string {
  const codes = [...new Set(points.flatMap((p) => p.cells.map((c) => c.country.code)))].sort();
  const series = (pick: (c: Point['cells'][number]) => number | null) =>
    codes.map((code) => points.map((p) => pick(p.cells.find((c) => c.country.code === code) ?? { country: { code }, vacancies: 0, newPostings: 0 }) ?? 0));
  const [left, width, panel] = [70, 660, 170];
  const x = (i: number) => left + (i * width) / Math.max(1, points.length - 1);
  const parts = [
    text(left, 20, `Vacancy store: labourMarketTrend by ISO week and country (${postings.toLocaleString('en')} simulated postings per country; published figures)`, { 'font-size': 13 }),
    legend(codes.map((c, i) => ({ label: c, color: COLORS[i % COLORS.length]! })), left, 32, 70),
  ];
  const draw = (title: string, values: number[][], top: number) => {
    const max = Math.max(1, ...values.flat());
    const y = (v: number) => top + panel - (v / max) * panel;
    parts.push(text(left, top - 8, title, { 'font-size': 12 }), line(left, top + panel, left + width, top + panel, { stroke: '#999' }), line(left, top, left, top + panel, { stroke: '#999' }));
    parts.push(text(left - 6, top + 4, max.toLocaleString('en'), { 'text-anchor': 'end' }), text(left - 6, top + panel, '0', { 'text-anchor': 'end' }));
    values.forEach((v, i) => parts.push(polyline(v.map((value, j) => [x(j), y(value)]), COLORS[i % COLORS.length]!)));
  };
  draw('Open vacancies at the end of the week', series((c) => c.vacancies), 75);
  draw('New postings in the week', series((c) => c.newPostings), 300);
  points.forEach((p, i) => i % 2 === 0 && parts.push(text(x(i), 490, p.period.slice(5), { 'text-anchor': 'middle', 'font-size': 10 })));
  return svgDocument(760, 510, parts);
}
