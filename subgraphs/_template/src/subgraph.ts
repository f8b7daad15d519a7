import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromRoot } from '../../../core/paths.js';
import { defineCountrySubgraph, type CountryAdapter, type CountryManifest, type TrainingOfferEntity, type VacancyEntity } from '../../kit/index.js';
import { createTemplateUpstream, type TemplateCourseRecord, type TemplateJobRecord } from './upstream/client.js';
import { toLifecycle, toTrainingOffer, toVacancy } from './upstream/toModel.js';

/**
 * The template country subgraph: the adapter the kit turns into a complete subgraph (contract
 * search fields, entity resolution with batching and caching, references to the taxonomy,
 * stale marking, errors, metrics, health). Exports `typeDefs` and `start`; never listens here.
 */

/** This subgraph's folder, found from this file, so a copy under another name needs no edit here. */
const folder = basename(dirname(dirname(fileURLToPath(import.meta.url))));
const read = (file: string) => readFileSync(fromRoot('subgraphs', folder, file), 'utf8');

export const manifest = JSON.parse(read('subgraph.json')) as CountryManifest;

export const adapter: CountryAdapter<TemplateJobRecord, TemplateCourseRecord> = {
  manifest,
  typeDefs: read('src/schema.graphql'),
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
