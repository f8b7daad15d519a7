import { countryFiles, defineCountrySubgraph, type TrainingOfferEntity, type VacancyEntity } from '../../kit/index.js';
import { createKarirhubUpstream } from './upstream/client.js';
import type { KarirhubHit, Pelatihan } from './upstream/native.js';
import { toLifecycle, toTrainingOffer, toVacancy } from './upstream/toModel.js';

/** Indonesia: Karirhub vacancies and Skillhub BLK training, on the country kit. */

type V = VacancyEntity<KarirhubHit>;
type T = TrainingOfferEntity<Pelatihan>;

const subgraph = defineCountrySubgraph<KarirhubHit, Pelatihan>({
  ...countryFiles('indonesia'),
  createUpstream: createKarirhubUpstream,
  vacancyId: (hit) => hit.objectID,
  trainingId: (p) => p.id,
  toVacancy,
  toTrainingOffer,
  toLifecycle,
  resolvers: {
    IndonesiaVacancy: {
      kbjiCode: (v: V) => v.native.kbji_code,
      kbliCode: (v: V) => v.native.kbli_code,
      jobFunction: (v: V) => v.native.job_function_name,
      nativeProvince: (v: V) => v.native.province_name,
      nativeCity: (v: V) => v.native.city_name,
      platformLink: (v: V) => v.native.platform_link,
      salaryText: (v: V) => v.native.salary_text,
      ageRange: (v: V) => v.native.age_range,
      inclusiveWorkplace: (v: V) => v.native.inclusive_workplace,
      experienceMinYears: (v: V) => v.native.experience_min_years,
      vacancyCount: (v: V) => v.native.vacancy_count,
      nativeSkills: (v: V) => v.native.skills ?? [],
    },
    IndonesiaTrainingOffer: {
      kejuruan: (t: T) => t.native.kejuruan,
      kbjiCode: (t: T) => t.native.kbji_code,
      tanggalMulai: (t: T) => t.native.tanggal_mulai,
    },
  },
});

export const typeDefs = subgraph.typeDefs;
export const start = subgraph.start;
