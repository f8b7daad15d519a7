import type { Freshness, TrainingOfferEntity, VacancyEntity } from '../model.js';
import type { Fetched } from '../upstream/cache.js';
import type { CountryContext, CountryRuntime } from './runtime.js';
import { countryTypeNames } from '../../../schema/sdl/country.js';
import { nativeIdOf } from './validate.js';

/**
 * The country's entity types: `__resolveReference` through the per-request batch loader (50 ids
 * → one cache round trip and at most one upstream call), and the interface fields that turn the
 * model's keys into references to taxonomy entities.
 */

export function entityResolvers<NV, NT>(rt: CountryRuntime<NV, NT>) {
  const { adapter, translator } = rt;
  const { manifest } = adapter;
  const names = countryTypeNames(manifest);

  const source = (parent: { nativeId: string; sourceUrl: string | null; freshness: Freshness }) => ({
    system: manifest.upstream.system,
    nativeId: parent.nativeId,
    url: parent.sourceUrl,
    fetchedAt: parent.freshness.fetchedAt,
    stale: parent.freshness.stale,
    ageSeconds: parent.freshness.ageSeconds,
  });
  const country = () => ({ code: manifest.country });
  const region = (parent: { regionCode: string | null }) => (parent.regionCode ? { code: parent.regionCode } : null);
  const skills = (parent: { skillIds: string[] }) => parent.skillIds.map((id) => ({ id }));

  const vacancy = {
    __resolveReference: async (ref: { id: string }, ctx: CountryContext<NV, NT>): Promise<VacancyEntity<NV> | null> => {
      const found = await ctx.loaders.vacancies.load(nativeIdOf(ref.id, manifest.country));
      return found && { ...translator.vacancy(found.value), freshness: freshness(found) };
    },
    country,
    region,
    skills,
    source,
    occupation: (parent: VacancyEntity<NV>) => (parent.iscoCode ? { iscoCode: parent.iscoCode } : null),
    nationalOccupationCode: (parent: VacancyEntity<NV>) => parent.nationalCode,
  };

  const training = {
    __resolveReference: async (ref: { id: string }, ctx: CountryContext<NV, NT>): Promise<TrainingOfferEntity<NT> | null> => {
      const found = await ctx.loaders.trainings.load(nativeIdOf(ref.id, manifest.country));
      return found && { ...translator.training(found.value), freshness: freshness(found) };
    },
    country,
    region,
    skills,
    source,
    occupations: (parent: TrainingOfferEntity<NT>) => parent.iscoCodes.map((iscoCode) => ({ iscoCode })),
  };

  const own = adapter.resolvers ?? {};
  return {
    ...own,
    Vacancy: { __resolveType: () => names.vacancy },
    TrainingOffer: { __resolveType: () => names.training },
    // The country's native-only field resolvers sit beside the kit's; the kit's reference
    // resolution wins so that a country cannot bypass the loader and cache by accident.
    [names.vacancy]: { ...own[names.vacancy], ...vacancy },
    [names.training]: { ...own[names.training], ...training },
  };
}

function freshness(found: Fetched<unknown>): Freshness {
  return { stale: found.stale, ageSeconds: found.ageSeconds, fetchedAt: found.fetchedAt };
}
