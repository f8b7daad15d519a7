import type { CountryAdapter, CountryCachePolicies } from '../../../subgraphs/kit/index.js';
import type { NativeCourse, NativeJob } from './upstream.js';

/** The Testland adapter: everything a real country supplies, and nothing more. */

export const testlandManifest = {
  name: 'testland',
  kind: 'country' as const,
  port: 0,
  country: 'TL',
  currency: 'TLD',
  typePrefix: 'Testland',
  agency: 'Testland Ministry of Work',
  upstream: { system: 'TestJobs', simulator: 'testland' },
  occupationSystem: 'TL-CODE',
};

const STATES = { open: 'OPEN', filled: 'CLOSED', withdrawn: 'WITHDRAWN' } as const;

const SDL = /* GraphQL */ `
type TestlandVacancy implements Vacancy @key(fields: "id") {
  id: ID!
  title: String!
  description: String
  employer: Employer
  country: Country!
  region: Region
  nativeRegion: String
  occupation: Occupation
  nationalOccupationCode: NationalOccupationCode
  skills: [Skill!]!
  salary: Salary
  employmentType: EmploymentType
  education: EducationRequirement
  postedAt: String!
  validThrough: String
  applyUrl: String
  duplicateOf: ID
  source: SourceInfo!
  "Native-only: the title exactly as Testland wrote it."
  judul: String!
}

type TestlandTrainingOffer implements TrainingOffer @key(fields: "id") {
  id: ID!
  title: String!
  provider: TrainingProvider!
  country: Country!
  region: Region
  occupations: [Occupation!]!
  skills: [Skill!]!
  startDate: String
  duration: String
  fee: Salary
  seats: Int
  mode: TrainingMode
  certification: String
  source: SourceInfo!
}
`;

export function testlandAdapter(cachePolicies?: Partial<CountryCachePolicies>): CountryAdapter<NativeJob, NativeCourse> {
  return {
    manifest: testlandManifest,
    typeDefs: SDL,
    resolvers: { TestlandVacancy: { judul: (v: { native: NativeJob }) => v.native.judul } },
    cachePolicies,
    createUpstream: (ctx) => {
      const client = ctx.createClient({ timeoutMs: 2_000, retries: 1 });
      const items = async <T>(path: string, query: Record<string, string | number | string[] | undefined>) =>
        (await client.request<{ items: T[] }>({ path, query })).items;
      return {
        searchVacancies: (_filter, first, after) =>
          client.request({ path: '/jobs', query: { first, after_posted: after?.postedAt, after_ref: after?.nativeId } }),
        allVacancies: () => items<NativeJob>('/jobs/all', {}),
        vacanciesByIds: (ids) => items<NativeJob>('/jobs/batch', { ref: [...ids] }),
        searchTrainings: (_filter, first, offset) => client.request({ path: '/courses', query: { first, offset } }),
        allTrainings: () => items<NativeCourse>('/courses/all', {}),
        trainingsByIds: (ids) => items<NativeCourse>('/courses/batch', { ref: [...ids] }),
        changes: async (after, first) => {
          const page = await client.request<{ items: NativeJob[]; more: boolean; clock: string }>({ path: '/jobs/changes', query: { since: after?.updatedAt, first: first + 10 } });
          return { items: page.items, hasMore: page.more, asOf: page.clock };
        },
      };
    },
    vacancyId: (job) => job.ref,
    trainingId: (course) => course.ref,
    toVacancy: (job) => {
      if (job.broken) throw new Error(`job ${job.ref} has no usable fields`);
      const mapped = job.code !== '9999';
      return {
        id: `TL:${job.ref}`,
        nativeId: job.ref,
        title: job.judul,
        description: null,
        employer: null,
        regionCode: job.region === 'north' ? 'TL-N' : 'TL-S',
        nativeRegion: job.region,
        iscoCode: mapped ? job.code : null,
        nationalCode: { system: 'TL-CODE', code: job.code, mapped },
        skillIds: [],
        essentialSkillIds: [],
        salary: null,
        employmentType: 'FULL_TIME',
        education: null,
        postedAt: job.posted,
        validThrough: null,
        applyUrl: null,
        duplicateOf: null,
        sourceUrl: `https://jobs.testland.example/${job.ref}`,
        native: job,
      };
    },
    toLifecycle: (job) => {
      const state = STATES[job.status as keyof typeof STATES];
      if (!state) throw new Error(`job ${job.ref} has an unknown status ${job.status}`);
      return { updatedAt: job.changed, state, closedAt: job.closed, positions: job.openings };
    },
    toTrainingOffer: (course) => ({
      id: `TL:${course.ref}`,
      nativeId: course.ref,
      title: course.name,
      provider: { name: 'Testland Institute', kind: null },
      regionCode: null,
      nativeRegion: null,
      iscoCodes: [course.code],
      nationalCodes: [{ system: 'TL-CODE', code: course.code, mapped: true }],
      skillIds: [],
      startDate: course.start,
      duration: 'P3M',
      fee: null,
      seats: 20,
      mode: 'IN_PERSON',
      certification: null,
      sourceUrl: null,
      native: course,
    }),
  };
}
