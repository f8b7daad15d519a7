import { GraphQLError } from 'graphql';
import type { Logger } from '../../../core/log.js';
import type { KitMetrics } from '../metrics.js';
import type { TrainingOfferModel, VacancyModel } from '../model.js';
import type { CountryAdapter, LifecycleModel, PostingState } from './adapter.js';
import { countryTypeNames } from './schema.js';

/**
 * Running the adapter's pure translations safely: a record that cannot be translated costs only
 * itself (an error naming its id, or its absence from a hit list), never the page.
 */

export interface VacancyHit {
  id: string;
  typename: string;
  postedAt: string;
  title: string;
  iscoCode: string | null;
  regionCode: string | null;
  skills: string[];
  essentialSkills: string[];
  monthlyWage: number | null;
  currency: string;
}

export interface TrainingHit {
  id: string;
  typename: string;
  startDate: string | null;
  title: string;
  iscoCodes: string[];
  regionCode: string | null;
  seats: number | null;
}

/** ExchangeVacancyRecord: one posting as the regional store keeps it. */
export interface VacancyRecord {
  id: string;
  typename: string;
  postedAt: string;
  updatedAt: string;
  state: PostingState;
  closedAt: string | null;
  validThrough: string | null;
  positions: number;
  duplicateOf: string | null;
  title: string;
  nationalSystem: string;
  nationalCode: string | null;
  iscoCode: string | null;
  regionCode: string | null;
  wageMin: number | null;
  wageMax: number | null;
  wagePeriod: string | null;
  currency: string;
  monthlyWage: number | null;
  employmentType: string | null;
}

export interface Translator<NV, NT> {
  vacancy(native: NV): VacancyModel<NV>;
  training(native: NT): TrainingOfferModel<NT>;
  vacancyHits(natives: readonly NV[]): VacancyHit[];
  trainingHits(natives: readonly NT[]): TrainingHit[];
  /** Change-feed records; a record whose model or lifecycle cannot be read is left out (and logged). */
  vacancyRecords(natives: readonly NV[]): VacancyRecord[];
  /** Counts unmapped national codes once per record fetched from the upstream. */
  noteFetchedVacancies(natives: readonly NV[]): void;
  noteFetchedTrainings(natives: readonly NT[]): void;
}

export function createTranslator<NV, NT>(adapter: CountryAdapter<NV, NT>, metrics: KitMetrics, logger: Logger): Translator<NV, NT> {
  const names = countryTypeNames(adapter.manifest);
  const { country, currency } = adapter.manifest;

  const translate = <N, M>(kind: string, toModel: (n: N) => M, idOf: (n: N) => string, native: N): M => {
    try {
      return toModel(native);
    } catch (error) {
      const id = `${country}:${safeId(idOf, native)}`;
      logger.warn({ id, err: error instanceof Error ? error.message : String(error) }, `untranslatable ${kind} record`);
      throw new GraphQLError(`The ${kind} record ${id} from the ${adapter.manifest.name} upstream could not be translated`, {
        extensions: { code: 'UPSTREAM_BAD_RECORD', id, country },
      });
    }
  };
  const vacancy = remembered((n: NV) => translate('vacancy', (x: NV) => adapter.toVacancy(x), (x: NV) => adapter.vacancyId(x), n));
  const training = remembered((n: NT) => translate('training', (x: NT) => adapter.toTrainingOffer(x), (x: NT) => adapter.trainingId(x), n));
  /** Translations that fail are left out of hit lists (and logged). */
  const each = <N, M>(natives: readonly N[], one: (n: N) => M): M[] =>
    natives.flatMap((n) => {
      try {
        return [one(n)];
      } catch {
        return [];
      }
    });
  const countUnmapped = (codes: ReadonlyArray<{ system: string; mapped: boolean } | null>) => {
    for (const code of codes) if (code && !code.mapped) metrics.unmappedCodes.inc({ system: code.system });
  };

  return {
    vacancy,
    training,
    vacancyHits: (natives) => each(natives, (n) => vacancyHit(vacancy(n), names.vacancy, currency)),
    trainingHits: (natives) => each(natives, (n) => trainingHit(training(n), names.training)),
    vacancyRecords: (natives) =>
      each(natives, (n) => {
        const v = vacancy(n);
        return vacancyRecord(v, translate('vacancy lifecycle', (x: NV) => adapter.toLifecycle(x), (x: NV) => adapter.vacancyId(x), n), names.vacancy, adapter.manifest);
      }),
    noteFetchedVacancies: (natives) => countUnmapped(each(natives, (n) => vacancy(n).nationalCode)),
    noteFetchedTrainings: (natives) => countUnmapped(each(natives, (n) => training(n).nationalCodes).flat()),
  };
}

function vacancyHit(v: VacancyModel<unknown>, typename: string, currency: string): VacancyHit {
  return {
    id: v.id,
    typename,
    postedAt: v.postedAt,
    title: v.title,
    iscoCode: v.iscoCode,
    regionCode: v.regionCode,
    skills: v.skillIds,
    essentialSkills: v.essentialSkillIds,
    monthlyWage: v.salary?.disclosed ? v.salary.monthlyAmount : null,
    currency: v.salary?.currency ?? currency,
  };
}

function vacancyRecord(v: VacancyModel<unknown>, life: LifecycleModel, typename: string, manifest: { currency: string; occupationSystem: string }): VacancyRecord {
  return {
    id: v.id,
    typename,
    postedAt: v.postedAt,
    updatedAt: life.updatedAt,
    state: life.state,
    closedAt: life.state === 'OPEN' ? null : life.closedAt,
    validThrough: v.validThrough,
    positions: Math.max(1, Math.round(life.positions)),
    duplicateOf: v.duplicateOf,
    title: v.title,
    nationalSystem: v.nationalCode?.system ?? manifest.occupationSystem,
    nationalCode: v.nationalCode?.code ?? null,
    iscoCode: v.iscoCode,
    regionCode: v.regionCode,
    wageMin: v.salary?.min ?? null,
    wageMax: v.salary?.max ?? null,
    wagePeriod: v.salary?.period ?? null,
    currency: v.salary?.currency ?? manifest.currency,
    monthlyWage: v.salary?.disclosed ? v.salary.monthlyAmount : null,
    employmentType: v.employmentType,
  };
}

function trainingHit(t: TrainingOfferModel<unknown>, typename: string): TrainingHit {
  return { id: t.id, typename, startDate: t.startDate, title: t.title, iscoCodes: t.iscoCodes, regionCode: t.regionCode, seats: t.seats };
}

function safeId<N>(idOf: (n: N) => string, native: N): string {
  try {
    return idOf(native);
  } catch {
    return '<no id>';
  }
}

/**
 * One translation per native record object: a search page is counted (unmapped codes) and turned
 * into hits from the same records, and translation is the costly part of a page.
 */
function remembered<N, M>(toModel: (native: N) => M): (native: N) => M {
  const models = new WeakMap<object, M>();
  return (native) => {
    if (typeof native !== 'object' || native === null) return toModel(native);
    let model = models.get(native);
    if (model === undefined) models.set(native, (model = toModel(native)));
    return model;
  };
}

/** Statistics' view of every match: one list per field, entry i is one vacancy. */
export interface VacancyColumns {
  total: number;
  iscoCodes: Array<string | null>;
  regionCodes: Array<string | null>;
  months: Array<string | null>;
  monthlyWages: Array<number | null>;
  currencies: string[];
}

export function vacancyColumns(hits: readonly VacancyHit[]): VacancyColumns {
  return {
    total: hits.length,
    iscoCodes: hits.map((h) => h.iscoCode),
    regionCodes: hits.map((h) => h.regionCode),
    months: hits.map((h) => localMonth(h.postedAt)),
    monthlyWages: hits.map((h) => h.monthlyWage),
    currencies: hits.map((h) => h.currency),
  };
}

/** YYYY-MM of an ISO 8601 date or instant; its date part carries the source's offset, so this is the local month. */
export function localMonth(iso: string | null): string | null {
  return iso && /^\d{4}-\d{2}/.test(iso) ? iso.slice(0, 7) : null;
}

