import type { NationalCodeResolvers, OccupationResolvers } from '../../generated/resolvers-types.js';
import {
  ancestorsOf,
  iscoGroup,
  nationalOccupationsUnder,
  skillRecord,
  skillsForIsco,
  skillProfile,
  type IscoGroup,
  type SkillRecord,
} from '../../../../reference/index.js';
import { labelIn } from './context.js';
import { nationalSystemArg } from './validate.js';

/** Occupation: an ISCO-08 group. Resolvers receive the IscoGroup record (codegen's mapper). */

const toSkills = (ids: readonly string[]): SkillRecord[] =>
  ids.map(skillRecord).filter((s): s is SkillRecord => s !== undefined);

export const Occupation: OccupationResolvers = {
  __resolveReference: (ref) => iscoGroup(iscoCodeOf(ref)) ?? null,
  iscoCode: (g) => g.code,
  level: (g) => g.level,
  title: (g, args, ctx) => labelIn(g.titles, g.titleEn, args, ctx).text,
  label: (g, args, ctx) => labelIn(g.titles, g.titleEn, args, ctx),
  definition: (g) => g.definition ?? null,
  alternativeLabels: (g) => g.altLabels,
  parent: (g) => (g.parent ? (iscoGroup(g.parent) ?? null) : null),
  children: (g) => g.children.map(iscoGroup).filter((c): c is IscoGroup => c !== undefined),
  ancestors: (g) => ancestorsOf(g.code),
  nationalCodes: (g, args) => {
    if (g.level !== 'UNIT') return [];
    const system = args.system ? nationalSystemArg(args.system) : undefined;
    return nationalOccupationsUnder(g.code, system);
  },
  essentialSkills: (g) => toSkills(skillsForIsco(g.code).essential),
  optionalSkills: (g) => toSkills(skillsForIsco(g.code).optional),
  skills: (g) => {
    const { essential, optional } = skillsForIsco(g.code);
    return toSkills([...essential, ...optional]);
  },
  escoUri: (g) => g.escoUri ?? null,
  skillProfileBasis: (g) => skillProfile(g.code)?.basis ?? null,
};

/**
 * The `iscoCode` key of an Occupation reference. Codegen 4.x types a reference as the @key
 * fields picked from the mapped parent, and IscoGroup calls its key `code`, so the generated
 * type omits `iscoCode`; the router does send it, and it is read (and checked) here.
 */
function iscoCodeOf(ref: object): string {
  return 'iscoCode' in ref && typeof ref.iscoCode === 'string' ? ref.iscoCode : '';
}

/** NationalCode: the reference record already has the field names, except the optional ones. */
export const NationalCode: NationalCodeResolvers = {
  titleEn: (o) => o.titleEn ?? null,
  isco88: (o) => o.isco88 ?? null,
};
