import { countryFiles, defineCountrySubgraph, type TrainingOfferEntity, type VacancyEntity } from '../../kit/index.js';
import { createJcbUpstream } from './upstream/client.js';
import type { JcbCourse, JcbVacancy } from './upstream/native.js';
import { dayOf, jcbCourseId, jcbVacancyId, toLifecycle, toTrainingOffer, toVacancy } from './upstream/toModel.js';

/** Brunei Darussalam: JobCentre Brunei vacancies and training courses, on the country kit. */

type V = VacancyEntity<JcbVacancy>;
type T = TrainingOfferEntity<JcbCourse>;

const subgraph = defineCountrySubgraph<JcbVacancy, JcbCourse>({
  ...countryFiles('brunei'),
  createUpstream: createJcbUpstream,
  vacancyId: jcbVacancyId,
  trainingId: jcbCourseId,
  toVacancy,
  toTrainingOffer,
  toLifecycle,
  resolvers: {
    BruneiVacancy: {
      bdsocCode: (v: V) => v.native.BdsocCode,
      district: (v: V) => v.native.District,
      location: (v: V) => v.native.Location,
      salaryBasis: (v: V) => v.native.SalaryBasis,
      salaryDisplay: (v: V) => v.native.SalaryDisplay,
      employmentTypeCode: (v: V) => v.native.EmploymentType,
      iReady: (v: V) => v.native.IReady,
      industrySection: (v: V) => v.native.IndustrySection,
      sourcePortal: (v: V) => v.native.SourcePortal,
      noOfVacancies: (v: V) => v.native.NoOfVacancies,
      closingDate: (v: V) => dayOf(v.native.ClosingDate),
    },
    BruneiTrainingOffer: {
      bdsocCode: (t: T) => t.native.BdsocCode,
      durationHours: (t: T) => t.native.DurationHours,
      skillsPlusFunded: (t: T) => t.native.SkillsPlusFunded,
      district: (t: T) => t.native.District,
    },
  },
});

export const typeDefs = subgraph.typeDefs;
export const start = subgraph.start;
