import { afterKeyset, chunks, everyPage, learned, orNaN, slicesOf, trainingsMatching, type AdapterContext, type CountryUpstream, type TrainingFilter, type UpstreamClient } from '../../../kit/index.js';
import { isoInOffset } from '../../../kit/translation.js';
import { filterOf, text, vacancyTerms } from './filters.js';
import type { JcbCourse, JcbVacancy, ODataCollection } from './native.js';
import { BNT, datetimeLiteral, odataDateMs, toTrainingOffer } from './toModel.js';

/**
 * JobCentre Brunei's OData v2 service, spoken natively: `$filter` / `$orderby` / `$top` /
 * `$skip` / `$inlinecount`, server-driven paging (`__next`), `$expand=Skills`, and an OAuth2
 * client-credentials token (client_secret_basic). One upstream call per method, except
 * `allVacancies` (500 a page, eight pages at a time), the course catalogue (pulled whole, filtered
 * and paged by the kit) and a keyset page crowded by postings of the keyset's own second.
 */

const MAX_PAGE = 500;
const PAGES_AT_ONCE = 8;
/** Ids per `VacancyId eq … or …` filter: well inside the service's filter and URL limits. */
const IDS_PER_CALL = 50;
/** Over-fetch so that a keyset page can skip postings at the keyset's own second in the same call. */
const KEYSET_SLACK = 10;
const MAX_CHANGES_PAGE = 2000;
const NEWEST_FIRST = 'PostedOn desc,VacancyId desc';
/** JobCentre's tokens last an hour; renewed well before, and at once when the service refuses one. */
const TOKEN_RENEW_MS = 50 * 60_000;

export function createJcbUpstream(ctx: AdapterContext): CountryUpstream<JcbVacancy, JcbCourse> {
  const tokens = clientCredentials(ctx.createClient({ name: 'brunei-oauth', timeoutMs: 5_000, retries: 1 }), ctx.setting('clientId'), ctx.setting('clientSecret'));
  // OData verbose JSON is heavy (about 1.5 KB a posting with its metadata and skills): the kit's default 5 s deadline, not 3 s.
  const client = ctx.createClient({ timeoutMs: 5_000, retries: 2, concurrency: 16, authHeaders: tokens.headers, onAuthRejected: tokens.invalidate });
  const get = <T>(set: string, query: Record<string, string | number | undefined>, route: string) =>
    client.request<ODataCollection<T>>({ path: `/odata/v2/${set}`, query: { $format: 'json', ...query }, route }).then((body) => body.d);
  const vacancies = (query: Record<string, string | number | undefined>) => get<JcbVacancy>('Vacancies', { $orderby: NEWEST_FIRST, $expand: 'Skills', ...query }, 'search');
  const courses = (query: Record<string, string | number | undefined>) => get<JcbCourse>('TrainingCourses', query, 'courses');

  /**
   * Every matching posting: the first page tells the count, the rest go PAGES_AT_ONCE at a time by
   * `$skip` (tens of thousands of open postings would take minutes one page after another).
   */
  const everyVacancy = async (filter: string | undefined): Promise<JcbVacancy[]> => {
    const page = (skip: number) => vacancies({ $filter: filter, $inlinecount: 'allpages', $top: MAX_PAGE, $skip: skip });
    const first = await page(0);
    const total = Number(first.__count ?? first.results.length);
    const skips = Array.from({ length: Math.max(0, Math.ceil(total / MAX_PAGE) - 1) }, (_, n) => (n + 1) * MAX_PAGE);
    const rest: JcbVacancy[][] = [];
    for (const batch of chunks(skips, PAGES_AT_ONCE)) rest.push(...(await Promise.all(batch.map(page))).map((d) => d.results));
    return [first.results, ...rest].flat();
  };
  // The catalogue is small: pulled whole (the kit caches the pull), and filtered and ordered on its own translation.
  const allTrainings = async (filter: TrainingFilter): Promise<JcbCourse[]> => {
    const all = await everyPage(MAX_PAGE, async (n) => {
      const page = await courses({ $top: MAX_PAGE, $skip: n * MAX_PAGE, $inlinecount: 'allpages' });
      return { items: page.results, total: Number(page.__count ?? page.results.length) };
    });
    return trainingsMatching(all, filter, toTrainingOffer);
  };

  return {
    searchVacancies: async (filter, first, after) => {
      const terms = [...vacancyTerms(filter), ...(after ? [`PostedOn le ${datetimeLiteral(Date.parse(after.postedAt))}`] : [])];
      const top = Math.min(MAX_PAGE, first + (after ? KEYSET_SLACK : 0));
      const items: JcbVacancy[] = [];
      for (let skip = 0; ; skip += top) {
        const page = await vacancies({ $filter: filterOf(terms), $top: top, $skip: skip, $inlinecount: 'allpages' });
        // Postings are whole seconds: the keyset's own second comes again and is skipped here.
        items.push(...afterKeyset(page.results, after, (v) => postedMs(v.PostedOn), (v) => v.VacancyId));
        if (items.length >= first || page.results.length < top) return { total: Number(page.__count ?? items.length), items: items.slice(0, first) };
      }
    },
    allVacancies: (filter) => everyVacancy(filterOf(vacancyTerms(filter))),
    vacanciesByIds: async (ids) => {
      const calls = chunks(ids, IDS_PER_CALL).map((chunk) => vacancies({ $filter: chunk.map((id) => `VacancyId eq ${text(id)}`).join(' or '), $top: chunk.length }));
      return (await Promise.all(calls)).flatMap((page) => page.results);
    },
    // `LastModified ge …` is inclusive (to the second): the kit skips the changes at the keyset's instant it has passed.
    changes: async (after, first) => {
      const since = after ? `LastModified ge ${datetimeLiteral(Date.parse(after.updatedAt))}` : undefined;
      const page = await get<JcbVacancy>('VacancyChanges', { $filter: since, $top: Math.min(MAX_CHANGES_PAGE, first + KEYSET_SLACK), $expand: 'Skills', $inlinecount: 'allpages' }, 'changes');
      // $top caps the answer (no __next then): the count says whether more changed.
      return { items: page.results, hasMore: Number(page.__count ?? 0) > page.results.length, asOf: isoInOffset(odataDateMs(page.__serverTime), BNT) };
    },
    searchTrainings: slicesOf(allTrainings),
    allTrainings,
    trainingsByIds: async (ids) => {
      const calls = chunks(ids, IDS_PER_CALL).map((chunk) => courses({ $filter: chunk.map((id) => `CourseId eq ${text(id)}`).join(' or '), $top: chunk.length }));
      return (await Promise.all(calls)).flatMap((page) => page.results);
    },
  };
}

/**
 * OAuth2 client credentials with the client authenticated by HTTP Basic (client_secret_basic):
 * one token for every request, learned once and renewed before its hour is up, or at once
 * after the service refuses it (the kit's client then retries the call once).
 */
function clientCredentials(tokenClient: UpstreamClient, clientId: string, clientSecret: string): { headers(): Promise<Record<string, string>>; invalidate(): void } {
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
  const fetchToken = () =>
    tokenClient
      .request<{ access_token: string }>({ method: 'POST', path: '/connect/token', form: { grant_type: 'client_credentials', scope: 'vacancies.read courses.read' }, headers: { authorization: `Basic ${basic}` }, idempotent: true, route: 'token' })
      .then((answer) => answer.access_token);
  let token = learned(fetchToken, TOKEN_RENEW_MS);
  return {
    headers: async () => ({ authorization: `Bearer ${await token()}` }),
    invalidate: () => {
      token = learned(fetchToken, TOKEN_RENEW_MS);
    },
  };
}

const postedMs = orNaN(odataDateMs);
