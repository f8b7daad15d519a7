import { countryFiles, defineCountrySubgraph, type TrainingOfferEntity, type VacancyEntity } from '../../kit/index.js';
import { createMfjUpstream } from './upstream/client.js';
import type { MfjJob, MfjProgramme } from './upstream/native.js';
import { toLifecycle, toTrainingOffer, toVacancy } from './upstream/toModel.js';

/** Malaysia: MYFutureJobs vacancies and TVET programmes, on the country kit. */

type V = VacancyEntity<MfjJob>;
type T = TrainingOfferEntity<MfjProgramme>;

const subgraph = defineCountrySubgraph<MfjJob, MfjProgramme>({
  ...countryFiles('malaysia'),
  createUpstream: createMfjUpstream,
  vacancyId: (job) => job.id,
  trainingId: (p) => p.programmeId,
  toVacancy,
  toTrainingOffer,
  toLifecycle,
  resolvers: {
    MalaysiaVacancy: {
      mascoCode: (v: V) => v.native.mascoCode,
      msicCode: (v: V) => v.native.msicCode,
      salaryBand: (v: V) => v.native.salaryBand,
      positionTitleMs: (v: V) => v.native.positionTitleMs,
      contractTypeLabel: (v: V) => v.native.contractType?.labelMs ?? null,
      numberOfVacancies: (v: V) => v.native.numberOfVacancies,
      nativeSkills: (v: V) => (v.native.skills ?? []).map((s) => s.name),
    },
    MalaysiaTrainingOffer: {
      mascoCode: (t: T) => t.native.mascoCode,
      nameMs: (t: T) => t.native.programmeNameMs,
      durationWeeks: (t: T) => t.native.durationWeeks,
    },
  },
});

export const typeDefs = subgraph.typeDefs;
export const start = subgraph.start;
