import { z } from 'zod';
import { cellColumns, CELL_FIELDS, type Cell, type Column } from './cells.js';
import { commonParams, filterParams, statsOptions, text, upper, vacancyFilter } from './params.js';
import { exportKind, storeLines, STORE_METADATA, type StoreAnswer } from './table.js';

/**
 * GET /export/trend.csv — labourMarketTrend: one row per interval, or, with groupBy, one row per
 * interval and cell (the interval's columns repeated on each).
 */
const params = z.object({ ...commonParams, ...filterParams, ...statsOptions, interval: upper(['MONTH', 'WEEK']).optional(), from: text(40), to: text(40) });
type Params = z.infer<typeof params>;

interface Point {
  period: string;
  start: string;
  end: string;
  openStock: number | null;
  openPositions: number | null;
  newPostings: number | null;
  newPositions: number | null;
  cells: Cell[] | null;
}

interface Trend extends StoreAnswer {
  interval: string;
  groupBy: string[];
  from: string;
  to: string;
  currency: string;
  points: Point[];
}

const QUERY = `query ExportTrend($filter: VacancyFilter, $groupBy: [StatsDimension!], $interval: TrendInterval, $from: String!, $to: String!, $currency: String, $includeDuplicates: Boolean, $lang: String) {
  labourMarketTrend(filter: $filter, groupBy: $groupBy, interval: $interval, from: $from, to: $to, currency: $currency, includeDuplicates: $includeDuplicates) {
    interval groupBy from to currency ${STORE_METADATA}
    points { period start end openStock openPositions newPostings newPositions cells { ${CELL_FIELDS} } }
  }
}`;

type Row = { point: Point; cell: Cell | undefined };

const POINT_COLUMNS: Array<Column<Row>> = [
  ['period', (r) => r.point.period],
  ['start', (r) => r.point.start],
  ['end', (r) => r.point.end],
];

const TOTAL_COLUMNS: Array<Column<Row>> = [
  ['openStock', (r) => r.point.openStock],
  ['openPositions', (r) => r.point.openPositions],
  ['newPostings', (r) => r.point.newPostings],
  ['newPositions', (r) => r.point.newPositions],
];

/** Ungrouped: the interval and its totals. Grouped: the interval, then the cell's columns. */
function columnsFor(p: Params): Array<Column<Row>> {
  if (!p.groupBy?.length) return [...POINT_COLUMNS, ...TOTAL_COLUMNS];
  const cell = cellColumns(p.groupBy).map(([name, value]): Column<Row> => [name, (r) => (r.cell ? value(r.cell) : null)]);
  return [...POINT_COLUMNS, ...cell];
}

export const trendExport = exportKind({
  name: 'trend',
  params,
  columns: (p) => columnsFor(p).map(([name]) => name),
  async *pages(p, run) {
    const { groupBy, interval, from, to, currency, includeDuplicates, lang } = p;
    const answer = await run<{ labourMarketTrend: Trend }>(QUERY, { filter: vacancyFilter(p), groupBy, interval, from, to, currency, includeDuplicates, lang });
    const trend = answer.data.labourMarketTrend;
    const columns = columnsFor(p);
    const rows: Row[] = trend.points.flatMap((point) =>
      groupBy?.length ? (point.cells ?? []).map((cell): Row => ({ point, cell })) : [{ point, cell: undefined } as Row],
    );
    yield {
      metadata: [
        ['interval', trend.interval],
        ['period', `${trend.from}/${trend.to}`],
        ['groupBy', trend.groupBy.join(',')],
        ['currency', trend.currency],
        ...storeLines(trend, answer),
      ],
      rows: rows.map((row) => columns.map(([, value]) => value(row))),
    };
  },
});
