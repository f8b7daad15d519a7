/** The shared core every simulated national system is built on. */
export { startSimServer, type SimServerOptions } from './server.js';
export { BearerTokens, type BearerCheck, type OAuthClient } from './bearerTokens.js';
export { createRng, weightedTable, type Rng } from './rng.js';
export {
  BadRequest,
  NotFound,
  type Faults,
  type NativeDialect,
  type Route,
  type RunningSimulator,
  type SimRequest,
  type SimResponse,
  type SimStats,
  type SimulatorOptions,
} from './types.js';
export { readRows, subdivisions, nationalCodesOf, skillsOfUnit, legalFloor, workingDaysPerMonth, type Subdivision, type LinkedSkill } from './generate/referenceData.js';
export { occupationPicker, monthlyWageBand, regionPicker, MAJOR_GROUP_SHARE, MAJOR_GROUP_WAGE, type WageStructure } from './generate/labourMarket.js';
export { DIRT_RATES, dirty, oddCasing, oddWhitespace } from './generate/dirt.js';
export { DATA_ANCHOR_MS, POSTING_WINDOW_DAYS, postedAt, addDays } from './generate/dates.js';
export { breakdown, describeProfile, money, pct, quantile } from './describe.js';
export { generateJobs, jobFactory, skillLevelOf, type CountryProfile, type GeneratedJob, type NationalOccupation, type WagePeriod } from './generate/jobs.js';
export { coursesFor, generateCourses, type GeneratedCourse, type TrainingProfile } from './generate/training.js';
export { LiveMarket, CHANGE_SHARES, checkAdvance, type AdvanceReport, type AdvanceRequest } from './market.js';
export { lifecycleAt, copyLifecycle, openingsOf, MEAN_DAYS_TO_FILL, WITHDRAWN_SHARE, EDITED_SHARE, type PostingLifecycle, type PostingState } from './generate/lifecycle.js';
