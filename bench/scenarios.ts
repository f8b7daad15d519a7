/**
 * The benchmarked requests. Each scenario is a GraphQL body, or a function of the request number
 * when every request must differ (the cold-cache scenario).
 */
export interface Scenario {
  id: 'a' | 'b' | 'c' | 'd' | 'e';
  title: string;
  needs: string[];
  body(n: number): string;
}

const page = (first: number, filter: string) =>
  `{ vacancies(first: ${first}${filter}) { totalCount sources { status } edges { node { id title occupation { title } region { name } skills { label } } } } }`;
const gql = (query: string) => JSON.stringify({ query });

/**
 * A filter no earlier request used, however many runs ask: a posting-date floor that moves one
 * second per request (a process-wide counter), so nothing along the path can answer from a cache.
 */
let coldRequests = 0;
function coldFilter(): string {
  const since = new Date(Date.UTC(2026, 6, 1) + coldRequests++ * 1_000).toISOString();
  return `, filter: { postedSince: "${since}" }`;
}

export const SCENARIOS: Scenario[] = [
  { id: 'a', title: 'cross-border page of 20 (warm)', needs: ['exchange'], body: () => gql(page(20, '')) },
  { id: 'b', title: 'cross-border page of 20 (cold: a new filter each request)', needs: ['exchange'], body: () => gql(page(20, coldFilter())) },
  {
    id: 'c',
    title: 'entity-heavy: 100 vacancies → occupation → skills',
    needs: ['exchange'],
    body: () => gql('{ vacancies(first: 100) { sources { status } edges { node { id occupation { title skills { label } } } } } }'),
  },
  {
    id: 'd',
    title: 'labourMarketStats by country × ISCO major',
    needs: ['exchange'],
    body: () => gql('{ labourMarketStats(groupBy: [COUNTRY, ISCO_MAJOR]) { sources { status } cells { country { code } iscoCode vacancies monthlyWage { p50 } suppressed } } }'),
  },
  {
    id: 'e',
    title: 'taxonomy lookup',
    needs: ['taxonomy'],
    body: () => gql('{ occupation(iscoCode: "7212") { title(lang: "th") parent { title } nationalCodes { system code } } }'),
  },
];
