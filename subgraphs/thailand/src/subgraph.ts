import { countryFiles, defineCountrySubgraph, type TrainingOfferEntity, type VacancyEntity } from '../../kit/index.js';
import { createDoeUpstream } from './upstream/client.js';
import type { DoeJob, DsdCourse } from './upstream/native.js';
import { doeJobId, dsdCourseId, toLifecycle, toTrainingOffer, toVacancy } from './upstream/toModel.js';

/** Thailand: Thai Mee Ngan Tham vacancies and DSD courses, on the country kit. */

type V = VacancyEntity<DoeJob>;
type T = TrainingOfferEntity<DsdCourse>;

const subgraph = defineCountrySubgraph<DoeJob, DsdCourse>({
  ...countryFiles('thailand'),
  createUpstream: createDoeUpstream,
  vacancyId: doeJobId,
  trainingId: dsdCourseId,
  toVacancy,
  toTrainingOffer,
  toLifecycle,
  resolvers: {
    ThailandVacancy: {
      doeOccupationCode: (v: V) => v.native.occupation_code,
      tsicCode: (v: V) => v.native.tsic_code,
      wageType: (v: V) => v.native.wage_type,
      salaryDetail: (v: V) => v.native.salary_detail,
      provinceId: (v: V) => v.native.province_id,
      jobFrom: (v: V) => v.native.job_from,
      announceDateBE: (v: V) => v.native.anounce_date,
      expireDateBE: (v: V) => v.native.expire_date,
      districtName: (v: V) => v.native.district_name,
      contractTypeName: (v: V) => v.native.contract_type_name,
      vacancyCount: (v: V) => v.native.vacancy_count,
      nativeSkills: (v: V) => v.native.skills ?? [],
    },
    ThailandTrainingOffer: {
      doeOccupationCode: (t: T) => t.native.occupation_code,
      startDateBE: (t: T) => t.native.start_date,
      hours: (t: T) => t.native.hours,
      provinceId: (t: T) => t.native.province_id,
      instituteType: (t: T) => t.native.institute_type,
    },
  },
});

export const typeDefs = subgraph.typeDefs;
export const start = subgraph.start;
