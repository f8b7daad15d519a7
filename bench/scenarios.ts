import { DATA_ANCHOR_MS } from '../simulators/core/generate/dates.js';

/**
 * The benchmarked requests. A scenario's body is a function of the request number, so a scenario
 * can make every request different (the cold cache). Every answer selects `sources { status
 * message }`, so a partial answer (a country FAILED or TIMEOUT) is seen and explained.
 */
export type ScenarioId = 'a' | 'b' | 'c' | 'd' | 'e';

export interface Scenario {
  id: ScenarioId;
  title: string;
  /** Subgraphs that must be registered for the scenario to run. */
  needs: string[];
  body(n: number): string;
  /** One request nothing along the path has seen before: its upstream calls are counted on their own. */
  coldProbe?(): string;
}

const gql = (query: string, variables?: Record<string, unknown>) => JSON.stringify(variables ? { query, variables } : { query });
const SOURCES = 'sources { subgraph status message }';
/** Filters travel as variables, as apps send them: one document, so the gateway plans it once. */
const PAGE_OF_20 = `query PageOf20($filter: VacancyFilter) { vacancies(first: 20, filter: $filter) { totalCount ${SOURCES} edges { node { id title occupation { title } region { name } skills { label } } } } }`;
const PAGE_OF_100 = `query PageOf100($filter: VacancyFilter) { vacancies(first: 100, filter: $filter) { ${SOURCES} edges { node { id occupation { title skills { label } } } } } }`;

/**
 * A filter no earlier request used, however many gateways and rounds ask: a posting-date floor
 * that moves one second per request (process-wide), inside the simulators' data window so pages
 * stay full, with the ISCO major group and the wage floor varying too, so the national searches
 * differ in shape as well as in value.
 */
const COLD_FLOOR_MS = DATA_ANCHOR_MS - 100 * 86_400_000;
const WAGE_FLOORS_USD = [0, 150, 300];
let coldRequests = 0;
export function coldFilter(): Record<string, unknown> {
  const n = coldRequests++;
  const wage = WAGE_FLOORS_USD[n % WAGE_FLOORS_USD.length]!;
  return {
    postedSince: new Date(COLD_FLOOR_MS + n * 1_000).toISOString(),
    ...(n % 10 !== 0 ? { iscoCode: String(n % 10) } : {}),
    ...(wage > 0 ? { minMonthlyWage: { amount: wage, currency: 'USD' } } : {}),
  };
}

export const SCENARIOS: Scenario[] = [
  { id: 'a', title: 'cross-border page of 20 (warm)', needs: ['exchange'], body: () => gql(PAGE_OF_20) },
  {
    id: 'b',
    title: 'cross-border page of 20 (cold: a new filter each request)',
    needs: ['exchange'],
    body: () => gql(PAGE_OF_20, { filter: coldFilter() }),
    coldProbe: () => gql(PAGE_OF_20, { filter: coldFilter() }),
  },
  {
    id: 'c',
    title: 'entity-heavy: 100 vacancies → occupation → skills',
    needs: ['exchange'],
    body: () => gql(PAGE_OF_100),
    coldProbe: () => gql(PAGE_OF_100, { filter: coldFilter() }),
  },
  {
    id: 'd',
    title: 'labourMarketStats by country × ISCO major',
    needs: ['exchange'],
    body: () => gql(`{ labourMarketStats(groupBy: [COUNTRY, ISCO_MAJOR]) { ${SOURCES} cells { country { code } iscoCode vacancies monthlyWage { p50 } suppressed } } }`),
  },
  {
    id: 'e',
    title: 'taxonomy lookup',
    needs: ['taxonomy'],
    body: () => gql('{ occupation(iscoCode: "7212") { title(lang: "th") parent { title } nationalCodes { system code } } }'),
  },
];
