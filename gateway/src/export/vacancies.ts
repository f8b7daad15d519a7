import { z } from 'zod';
import type { Column } from './cells.js';
import { commonParams, filterParams, upper, vacancyFilter } from './params.js';
import { pagedExport, pagingParams } from './paging.js';
import { errorLines, sourceLines } from './table.js';

/**
 * GET /export/vacancies.csv — the live cross-border search (`vacancies`), walked page by page
 * through its keyset cursor: each page is fetched only after the previous one is written.
 */
const PAGE_SIZE = 100; // the graph's largest `first`
const params = z.object({ ...commonParams, ...filterParams, orderBy: upper(['NEWEST', 'RELEVANCE']).optional(), ...pagingParams });

interface Vacancy {
  id: string;
  title: string;
  country: { code: string };
  region: { code: string; name: string; nameLocal: string | null } | null;
  occupation: { iscoCode: string; title: string } | null;
  employer: { name: string } | null;
  employmentType: string | null;
  postedAt: string;
  validThrough: string | null;
  duplicateOf: string | null;
  applyUrl: string | null;
  salary: { min: number | null; max: number | null; currency: string; period: string; monthlyAmount: number | null; disclosed: boolean } | null;
}

interface Connection {
  totalCount: number;
  sources: Array<{ country: { code: string }; status: string; message: string | null }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: Vacancy }>;
}

const QUERY = `query ExportVacancies($filter: VacancyFilter, $first: Int!, $after: String, $orderBy: VacancyOrder, $lang: String) {
  vacancies(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount sources { country { code } status message } pageInfo { hasNextPage endCursor }
    edges { node { id title country { code } region { code name nameLocal } occupation { iscoCode title(lang: $lang) } employer { name }
      employmentType postedAt validThrough duplicateOf applyUrl salary { min max currency period monthlyAmount disclosed } } }
  }
}`;

const COLUMNS: Array<Column<Vacancy>> = [
  ['id', (v) => v.id],
  ['country', (v) => v.country.code],
  ['title', (v) => v.title],
  ['employer', (v) => v.employer?.name],
  ['region', (v) => v.region?.code],
  ['regionName', (v) => v.region?.name],
  ['regionNameLocal', (v) => v.region?.nameLocal],
  ['iscoCode', (v) => v.occupation?.iscoCode],
  ['occupation', (v) => v.occupation?.title],
  ['employmentType', (v) => v.employmentType],
  ['postedAt', (v) => v.postedAt],
  ['validThrough', (v) => v.validThrough],
  ['salaryMin', (v) => v.salary?.min],
  ['salaryMax', (v) => v.salary?.max],
  ['salaryCurrency', (v) => v.salary?.currency],
  ['salaryPeriod', (v) => v.salary?.period],
  ['monthlyAmount', (v) => v.salary?.monthlyAmount],
  ['salaryDisclosed', (v) => v.salary?.disclosed],
  ['duplicateOf', (v) => v.duplicateOf],
  ['applyUrl', (v) => v.applyUrl],
];

export const vacanciesExport = pagedExport({
  name: 'vacancies',
  params,
  pageSize: PAGE_SIZE,
  columns: COLUMNS,
  async page(p, run, first, after) {
    const answer = await run<{ vacancies: Connection }>(QUERY, { filter: vacancyFilter(p), first, after, orderBy: p.orderBy, lang: p.lang });
    const page = answer.data.vacancies;
    const missing = page.sources.filter((s) => s.status !== 'OK').map((s): [string, string] => [`source[${s.country.code}]`, s.status]);
    return {
      pageInfo: page.pageInfo,
      items: page.edges.map((edge) => edge.node),
      metadata: [['totalCount', page.totalCount], ...sourceLines(page.sources, answer)],
      warnings: [...missing, ...errorLines(answer)],
    };
  },
});
