import type { SkillResolvers } from '../../generated/resolvers-types.js';
import { iscoGroup, skillRecord, type IscoGroup } from '../../../../reference/index.js';
import { labelIn } from './context.js';

/** Skill: an ESCO SkillRecord from the reference module (codegen's mapper). */
export const Skill: SkillResolvers = {
  __resolveReference: (ref) => skillRecord(ref.id) ?? null,
  label: (s, args, ctx) => labelIn(s.labels, s.labelEn, args, ctx).text,
  labelInfo: (s, args, ctx) => labelIn(s.labels, s.labelEn, args, ctx),
  alternativeLabels: (s) => s.altLabels,
  type: (s) => s.type ?? null,
  reuseLevel: (s) => s.reuseLevel ?? null,
  description: (s) => s.description ?? null,
  occupations: (s) => s.iscoUnits.map(iscoGroup).filter((g): g is IscoGroup => g !== undefined),
};
