import { iscoGroup, skillRecord, type IscoGroup, type SkillRecord } from '../reference/index.js';
import { labelIn, type LangArgs, type TaxonomyContext } from './context.js';

/** Skill: an ESCO skill record from the reference module. */
export const Skill = {
  __resolveReference: (ref: { id: string }): SkillRecord | null => skillRecord(ref.id) ?? null,
  label: (s: SkillRecord, args: LangArgs, ctx: TaxonomyContext): string => labelIn(s.labels, s.labelEn, args, ctx).text,
  labelInfo: (s: SkillRecord, args: LangArgs, ctx: TaxonomyContext) => labelIn(s.labels, s.labelEn, args, ctx),
  alternativeLabels: (s: SkillRecord): string[] => s.altLabels,
  type: (s: SkillRecord): string | null => s.type ?? null,
  reuseLevel: (s: SkillRecord): string | null => s.reuseLevel ?? null,
  description: (s: SkillRecord): string | null => s.description ?? null,
  occupations: (s: SkillRecord): IscoGroup[] => s.iscoUnits.map(iscoGroup).filter((g): g is IscoGroup => g !== undefined),
};
