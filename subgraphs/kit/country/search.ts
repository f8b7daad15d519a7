import { cachedUpstream, primeRecords } from '../upstream/cache.js';
import type { TrainingFilter, VacancyFilter } from './adapter.js';
import type { CountryRuntime } from './runtime.js';
import { vacancyColumns, type TrainingHit, type VacancyColumns, type VacancyHit } from './translate.js';
import { checkFirst, checkKeyset, checkOffset, checkVacancyFilter } from './validate.js';

/**
 * The contract's @inaccessible search fields the exchange calls. Each page costs ONE upstream
 * call and is cached briefly; the records on it are written to the by-id cache so that the
 * gateway's following `_entities` call costs no upstream call at all.
 */

interface Page<H> {
  total: number;
  hits: H[];
}

interface VacancySearchArgs {
  filter: VacancyFilter;
  first: number;
  after?: { postedAt: string; id: string } | null;
}

interface TrainingSearchArgs {
  filter: TrainingFilter;
  first: number;
  offset?: number | null;
}

export function searchResolvers<NV, NT>(rt: CountryRuntime<NV, NT>) {
  const { adapter, upstream, translator, policies, keys, cache } = rt;
  const country = adapter.manifest.country;

  const withIds = <N>(natives: readonly N[], idOf: (n: N) => string) =>
    natives.flatMap((value) => {
      try {
        return [{ id: idOf(value), value }];
      } catch {
        return [];
      }
    });

  const answer = async <A extends { total: number }>(resource: string, key: string, policy: typeof policies.search, load: () => Promise<A>) => {
    const result = await cachedUpstream(rt.resource(resource), key, policy, load);
    return { ...result.value, stale: result.stale, ageSeconds: result.ageSeconds };
  };

  /**
   * Many national search APIs count only what is left after a keyset ("published before X"), so
   * the total a first page reports is remembered per filter and reused for its later pages: a
   * walk sees one total. A keyset page with no remembered total reports what the upstream said.
   */
  const filterTotal = async (filter: VacancyFilter, keyset: boolean, reported: number): Promise<number> => {
    const key = keys.vacancyTotal(filter);
    if (!keyset) {
      await cache.set(key, reported, { ttlMs: policies.facts.ttlMs, staleMs: policies.facts.staleIfErrorMs });
      return reported;
    }
    return (await cache.get<number>(key))?.value ?? reported;
  };

  /** Every match, pulled from the upstream (unmapped codes counted once per pull) and translated. */
  const allVacancyHits = async (filter: VacancyFilter): Promise<VacancyHit[]> => {
    const all = await upstream.allVacancies(filter);
    translator.noteFetchedVacancies(all);
    return translator.vacancyHits(all);
  };

  return {
    exchangeVacancySearch: (_: unknown, args: VacancySearchArgs) => {
      const first = checkFirst(args.first);
      const after = checkKeyset(args.after, country);
      return answer<Page<VacancyHit>>('vacancy-search', keys.vacancySearch({ ...args, filter: checkVacancyFilter(args.filter), first }), policies.search, async () => {
        const page = await upstream.searchVacancies(args.filter, first, after);
        translator.noteFetchedVacancies(page.items);
        await primeRecords(cache, keys.vacancyRecord, policies.record, withIds(page.items, (n) => adapter.vacancyId(n)));
        return { total: await filterTotal(args.filter, after !== null, page.total), hits: translator.vacancyHits(page.items) };
      });
    },
    exchangeVacancyFacts: (_: unknown, args: { filter: VacancyFilter }) =>
      answer<Page<VacancyHit>>('vacancy-facts', keys.vacancyFacts(checkVacancyFilter(args.filter)), policies.facts, async () => {
        const hits = await allVacancyHits(args.filter);
        return { total: hits.length, hits };
      }),
    // At 200k postings a country's facts are ~100 MB of GraphQL; the columns statistics need are ~8 MB.
    exchangeVacancyColumns: (_: unknown, args: { filter: VacancyFilter }) =>
      answer<VacancyColumns>('vacancy-columns', keys.vacancyColumns(checkVacancyFilter(args.filter)), policies.facts, async () =>
        vacancyColumns(await allVacancyHits(args.filter)),
      ),
    exchangeTrainingSearch: (_: unknown, args: TrainingSearchArgs) => {
      const first = checkFirst(args.first);
      const offset = checkOffset(args.offset);
      return answer<Page<TrainingHit>>('training-search', keys.trainingSearch({ ...args, first, offset }), policies.search, async () => {
        const page = await upstream.searchTrainings(args.filter, first, offset);
        translator.noteFetchedTrainings(page.items);
        await primeRecords(cache, keys.trainingRecord, policies.record, withIds(page.items, (n) => adapter.trainingId(n)));
        return { total: page.total, hits: translator.trainingHits(page.items) };
      });
    },
    exchangeTrainingFacts: (_: unknown, args: { filter: TrainingFilter }) =>
      answer<Page<TrainingHit>>('training-facts', keys.trainingFacts(args.filter), policies.facts, async () => {
        const all = await upstream.allTrainings(args.filter);
        translator.noteFetchedTrainings(all);
        const hits = translator.trainingHits(all);
        return { total: hits.length, hits };
      }),
  };
}
