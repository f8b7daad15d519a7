import type { QueryResolvers } from '../../generated/resolvers-types.js';
import {
  countries,
  allSkills,
  countryRecord,
  iscoGroup,
  iscoGroups,
  isCountryCode,
  nationalOccupation,
  regionByName,
  regionRecord,
  regionRecords,
  searchIscoGroups,
  searchSkills,
  skillRecord,
} from '../../../../reference/index.js';
import { connection } from './paging.js';
import {
  countryCodeArg,
  iscoCodeArg,
  nationalCodeArg,
  nationalSystemArg,
  regionCodeArg,
  skillIdArg,
} from './validate.js';

/** Root fields; argument and return types come from the generated QueryResolvers. */
export const Query: QueryResolvers = {
  occupation: (_, args) => iscoGroup(iscoCodeArg(args.iscoCode)) ?? null,

  occupations: (_, args) => {
    const parent = args.parent ? iscoCodeArg(args.parent, 'parent') : undefined;
    const groups = iscoGroups(args.level ?? undefined, parent);
    return connection(args.search ? searchIscoGroups(groups, args.search) : groups, args);
  },

  occupationByNationalCode: (_, args) => {
    const system = nationalSystemArg(args.system);
    const found = nationalOccupation(system, nationalCodeArg(system, args.code));
    return found ? (iscoGroup(found.iscoCode) ?? null) : null;
  },

  skill: (_, args) => skillRecord(skillIdArg(args.id)) ?? null,

  skills: (_, args) => {
    const skills = allSkills();
    return connection(args.search ? searchSkills(skills, args.search) : skills, args);
  },

  country: (_, args) => countryRecord(countryCodeArg(args.code)) ?? null,

  // A copy: the generated type is a mutable array, the reference list is frozen by type.
  countries: () => [...countries()],

  region: (_, args) => regionRecord(regionCodeArg(args.code)) ?? null,

  regions: (_, args) => {
    const country = args.country ? countryCodeArg(args.country, 'country') : undefined;
    if (country !== undefined && !isCountryCode(country)) return [];
    const regions = regionRecords(country);
    return args.imtGt === undefined || args.imtGt === null ? regions : regions.filter((r) => r.imtGt === args.imtGt);
  },

  regionByName: (_, args) => {
    const country = countryCodeArg(args.country, 'country');
    const code = isCountryCode(country) ? regionByName(country, args.name) : undefined;
    return code ? (regionRecord(code) ?? null) : null;
  },
};
