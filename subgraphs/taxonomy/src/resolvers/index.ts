import { Country } from './country.js';
import { NationalCode, Occupation } from './occupation.js';
import { Query } from './query.js';
import { Region } from './region.js';
import { Skill } from './skill.js';

/** The taxonomy subgraph's resolver map, one module per type. */
export const resolvers = { Query, Occupation, NationalCode, Skill, Country, Region };
