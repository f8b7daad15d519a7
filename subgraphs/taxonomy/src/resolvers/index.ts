import type { Resolvers } from '../../generated/resolvers-types.js';
import { Country } from './country.js';
import { NationalCode, Occupation } from './occupation.js';
import { Query } from './query.js';
import { Region } from './region.js';
import { Skill } from './skill.js';

/**
 * The taxonomy subgraph's resolver map, one module per type, typed by `npm run codegen`
 * (generated/resolvers-types.ts). Parents are the reference module's records, mapped in
 * src/codegen-mappers.json, so a resolver that returns the wrong record fails to compile.
 */
export const resolvers: Resolvers = { Query, Occupation, NationalCode, Skill, Country, Region };
