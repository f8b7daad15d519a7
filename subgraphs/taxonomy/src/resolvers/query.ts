import {
  COUNTRIES,
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
  type CountryRecord,
  type IscoGroup,
  type IscoLevel,
  type RegionRecord,
  type SkillRecord,
} from '../reference/index.js';
import { connection, type Connection, type PageArgs } from './paging.js';
import {
  countryCodeArg,
  iscoCodeArg,
  nationalCodeArg,
  nationalSystemArg,
  regionCodeArg,
  skillIdArg,
} from './validate.js';

interface OccupationsArgs extends PageArgs {
  search?: string | null;
  level?: IscoLevel | null;
  parent?: string | null;
}

interface SkillsArgs extends PageArgs {
  search?: string | null;
}

export const Query = {
  occupation: (_: unknown, args: { iscoCode: string }): IscoGroup | null => iscoGroup(iscoCodeArg(args.iscoCode)) ?? null,

  occupations: (_: unknown, args: OccupationsArgs): Connection<IscoGroup> => {
    const parent = args.parent ? iscoCodeArg(args.parent, 'parent') : undefined;
    const groups = iscoGroups(args.level ?? undefined, parent);
    return connection(args.search ? searchIscoGroups(groups, args.search) : groups, args);
  },

  occupationByNationalCode: (_: unknown, args: { system: string; code: string }): IscoGroup | null => {
    const system = nationalSystemArg(args.system);
    const found = nationalOccupation(system, nationalCodeArg(system, args.code));
    return found ? (iscoGroup(found.iscoCode) ?? null) : null;
  },

  skill: (_: unknown, args: { id: string }): SkillRecord | null => skillRecord(skillIdArg(args.id)) ?? null,

  skills: (_: unknown, args: SkillsArgs): Connection<SkillRecord> => {
    const skills = allSkills();
    return connection(args.search ? searchSkills(skills, args.search) : skills, args);
  },

  country: (_: unknown, args: { code: string }): CountryRecord | null => countryRecord(countryCodeArg(args.code)) ?? null,

  countries: (): readonly CountryRecord[] => COUNTRIES,

  region: (_: unknown, args: { code: string }): RegionRecord | null => regionRecord(regionCodeArg(args.code)) ?? null,

  regions: (_: unknown, args: { country?: string | null; imtGt?: boolean | null }): RegionRecord[] => {
    const country = args.country ? countryCodeArg(args.country, 'country') : undefined;
    if (country !== undefined && !isCountryCode(country)) return [];
    const regions = regionRecords(country);
    return args.imtGt === undefined || args.imtGt === null ? regions : regions.filter((r) => r.imtGt === args.imtGt);
  },

  regionByName: (_: unknown, args: { country: string; name: string }): RegionRecord | null => {
    const country = countryCodeArg(args.country, 'country');
    const code = isCountryCode(country) ? regionByName(country, args.name) : undefined;
    return code ? (regionRecord(code) ?? null) : null;
  },
};
