import { z } from 'zod';
import { cellColumns, CELL_FIELDS, type Cell, type Column } from './cells.js';
import { commonParams, filterParams, statsOptions, text, vacancyFilter } from './params.js';
import { exportKind, storeLines, STORE_METADATA, type StoreAnswer } from './table.js';

/** GET /export/stats.csv — labourMarketStats, one row per cell. */
const params = z.object({ ...commonParams, ...filterParams, ...statsOptions, at: text(40).optional(), from: text(40).optional(), to: text(40).optional() });
type Params = z.infer<typeof params>;

interface StatsCell extends Cell {
  duration: { filled: number | null; meanDays: number | null; medianDays: number | null };
  monthlyWage: { p25: number | null; p50: number | null; p75: number | null; sampleSize: number | null; suppressed: boolean };
  trainingOffers: number | null;
  trainingSeats: number | null;
  seatsPerVacancy: number | null;
}

interface Stats extends StoreAnswer {
  groupBy: string[];
  referenceDate: string;
  period: { from: string; to: string };
  includeDuplicates: boolean;
  currency: string;
  exchangeRates: Array<{ from: string; to: string; rate: number; date: string; source: string }>;
  cells: StatsCell[];
}

const QUERY = `query ExportStats($filter: VacancyFilter, $groupBy: [StatsDimension!], $currency: String, $at: String, $from: String, $to: String, $includeDuplicates: Boolean, $lang: String) {
  labourMarketStats(filter: $filter, groupBy: $groupBy, currency: $currency, at: $at, from: $from, to: $to, includeDuplicates: $includeDuplicates) {
    groupBy referenceDate period { from to } includeDuplicates currency exchangeRates { from to rate date source } ${STORE_METADATA}
    cells { ${CELL_FIELDS} duration { filled meanDays medianDays } monthlyWage { p25 p50 p75 sampleSize suppressed } trainingOffers trainingSeats seatsPerVacancy }
  }
}`;

const FIGURES: Array<Column<StatsCell>> = [
  ['filled', (c) => c.duration.filled],
  ['meanDaysToFill', (c) => c.duration.meanDays],
  ['medianDaysToFill', (c) => c.duration.medianDays],
  ['wageP25', (c) => c.monthlyWage.p25],
  ['wageP50', (c) => c.monthlyWage.p50],
  ['wageP75', (c) => c.monthlyWage.p75],
  ['wageSampleSize', (c) => c.monthlyWage.sampleSize],
  ['wageSuppressed', (c) => c.monthlyWage.suppressed],
  ['trainingOffers', (c) => c.trainingOffers],
  ['trainingSeats', (c) => c.trainingSeats],
  ['seatsPerVacancy', (c) => c.seatsPerVacancy],
];

/** The graph's default grouping when none is asked for. */
const DEFAULT_GROUP_BY = ['COUNTRY'];
const columnsFor = (p: Params) => cellColumns<StatsCell>(p.groupBy ?? DEFAULT_GROUP_BY, FIGURES);

export const statsExport = exportKind({
  name: 'stats',
  params,
  columns: (p) => columnsFor(p).map(([name]) => name),
  async *pages(p, run) {
    const { groupBy, currency, at, from, to, includeDuplicates, lang } = p;
    const answer = await run<{ labourMarketStats: Stats }>(QUERY, { filter: vacancyFilter(p), groupBy, currency, at, from, to, includeDuplicates, lang });
    const stats = answer.data.labourMarketStats;
    const columns = columnsFor(p);
    yield {
      metadata: [
        ['referenceDate', stats.referenceDate],
        ['period', `${stats.period.from}/${stats.period.to}`],
        ['groupBy', stats.groupBy.join(',')],
        ['includeDuplicates', stats.includeDuplicates],
        ['currency', stats.currency],
        ...stats.exchangeRates.map((r): [string, string] => [`exchangeRate[${r.from}/${r.to}]`, `${r.rate} on ${r.date} (${r.source})`]),
        ...storeLines(stats, answer),
      ],
      rows: stats.cells.map((cell) => columns.map(([, value]) => value(cell))),
    };
  },
});
