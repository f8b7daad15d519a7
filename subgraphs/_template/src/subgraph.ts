import { defineCountrySubgraph, type CountryAdapter, type TrainingOfferEntity, type VacancyEntity } from '../../kit/index.js';
import { manifest, typeDefs as ownTypeDefs } from './country.js';
import { createTemplateUpstream, type TemplateCourseRecord, type TemplateJobRecord } from './upstream/client.js';
import { toLifecycle, toTrainingOffer, toVacancy } from './upstream/toModel.js';

/**
 * The template country subgraph: the adapter the kit turns into a complete subgraph (contract
 * search fields, entity resolution with batching and caching, references to the taxonomy,
 * stale marking, errors, metrics, health). Exports `typeDefs` and `start`; never listens here.
 */

export { manifest };

export const adapter: CountryAdapter<TemplateJobRecord, TemplateCourseRecord> = {
  manifest,
  typeDefs: ownTypeDefs,
  // Native-only fields, read from the raw record the model carries.
  resolvers: {
    [`${manifest.typePrefix}Vacancy`]: { nativeJobType: (v: VacancyEntity<TemplateJobRecord>) => v.native.job_type },
    [`${manifest.typePrefix}TrainingOffer`]: { weeks: (t: TrainingOfferEntity<TemplateCourseRecord>) => t.native.weeks },
  },
  createUpstream: createTemplateUpstream,
  vacancyId: (job) => job.job_no,
  trainingId: (course) => course.course_no,
  toVacancy,
  toTrainingOffer,
  toLifecycle,
};

const country = defineCountrySubgraph(adapter);
export const typeDefs = country.typeDefs;
export const start = country.start;
