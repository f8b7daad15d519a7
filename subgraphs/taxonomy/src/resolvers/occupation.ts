import {
  ancestorsOf,
  iscoGroup,
  nationalOccupationsUnder,
  skillRecord,
  skillsForIsco,
  type IscoGroup,
  type NationalOccupation,
  type SkillRecord,
} from '../reference/index.js';
import { labelIn, type LangArgs, type TaxonomyContext } from './context.js';
import { nationalSystemArg } from './validate.js';

/** Occupation: an ISCO-08 group. Resolvers receive the group record from the reference module. */

const toSkills = (ids: readonly string[]): SkillRecord[] =>
  ids.map(skillRecord).filter((s): s is SkillRecord => s !== undefined);

export const Occupation = {
  __resolveReference: (ref: { iscoCode: string }): IscoGroup | null => iscoGroup(ref.iscoCode) ?? null,
  iscoCode: (g: IscoGroup): string => g.code,
  level: (g: IscoGroup): string => g.level,
  title: (g: IscoGroup, args: LangArgs, ctx: TaxonomyContext): string => labelIn(g.titles, g.titleEn, args, ctx).text,
  label: (g: IscoGroup, args: LangArgs, ctx: TaxonomyContext) => labelIn(g.titles, g.titleEn, args, ctx),
  definition: (g: IscoGroup): string | null => g.definition ?? null,
  alternativeLabels: (g: IscoGroup): string[] => g.altLabels,
  parent: (g: IscoGroup): IscoGroup | null => (g.parent ? (iscoGroup(g.parent) ?? null) : null),
  children: (g: IscoGroup): IscoGroup[] => g.children.map(iscoGroup).filter((c): c is IscoGroup => c !== undefined),
  ancestors: (g: IscoGroup): IscoGroup[] => ancestorsOf(g.code),
  nationalCodes: (g: IscoGroup, args: { system?: string | null }): NationalOccupation[] => {
    if (g.level !== 'UNIT') return [];
    const system = args.system ? nationalSystemArg(args.system) : undefined;
    return nationalOccupationsUnder(g.code, system);
  },
  essentialSkills: (g: IscoGroup): SkillRecord[] => toSkills(skillsForIsco(g.code).essential),
  optionalSkills: (g: IscoGroup): SkillRecord[] => toSkills(skillsForIsco(g.code).optional),
  skills: (g: IscoGroup): SkillRecord[] => {
    const { essential, optional } = skillsForIsco(g.code);
    return toSkills([...essential, ...optional]);
  },
  escoUri: (g: IscoGroup): string | null => g.escoUri ?? null,
};

/** NationalCode: the reference record already has the field names, except the optional ones. */
export const NationalCode = {
  titleEn: (o: NationalOccupation): string | null => o.titleEn ?? null,
  isco88: (o: NationalOccupation): string | null => o.isco88 ?? null,
};
