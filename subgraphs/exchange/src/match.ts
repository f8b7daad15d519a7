import { compareNewest } from './merge.js';
import type { VacancyHit } from './model.js';

/**
 * Skill matching across borders. ESCO marks an occupation's skills essential or optional; an
 * essential skill weighs twice an optional one (w = 2 essential, 1 optional, 0 not asked for).
 *
 *   fit      = Σ over the caller's skills of w / (2 · number of caller's skills)
 *              — how much the vacancy needs what the caller brings;
 *   coverage = (2 · essential matched + optional matched) / (2 · essential + optional)
 *              — how much of what the vacancy asks for the caller brings;
 *   score    = 0.7 · fit + 0.3 · coverage, in 0..1.
 *
 * A vacancy needing every given skill as essential has fit 1 (score ≥ 0.7); one needing none of
 * them as essential has fit ≤ 0.5 (score ≤ 0.65): the first always ranks above the second.
 * Ties: more essential skills matched, then newest first. Vacancies sharing no skill are not
 * matches.
 */

export const ESSENTIAL_WEIGHT = 2;
export const OPTIONAL_WEIGHT = 1;
const FIT_SHARE = 0.7;

export interface SkillMatch {
  hit: VacancyHit;
  score: number;
  matchedSkills: string[];
  matchedEssentialSkills: string[];
  /** The vacancy's skills the caller lacks, essential first. */
  missingSkills: string[];
  missingEssentialSkills: string[];
}

export function scoreVacancy(hit: VacancyHit, given: ReadonlySet<string>): SkillMatch {
  const essential = [...new Set(hit.essentialSkills)];
  const essentialSet = new Set(essential);
  const optional = [...new Set(hit.skills)].filter((s) => !essentialSet.has(s));
  const matchedEssentialSkills = essential.filter((s) => given.has(s));
  const matchedOptional = optional.filter((s) => given.has(s));
  const missingEssentialSkills = essential.filter((s) => !given.has(s));
  const weightMatched = ESSENTIAL_WEIGHT * matchedEssentialSkills.length + OPTIONAL_WEIGHT * matchedOptional.length;
  const weightAll = ESSENTIAL_WEIGHT * essential.length + OPTIONAL_WEIGHT * optional.length;
  const fit = given.size === 0 ? 0 : weightMatched / (ESSENTIAL_WEIGHT * given.size);
  const coverage = weightAll === 0 ? 0 : weightMatched / weightAll;
  return {
    hit,
    score: Math.round((FIT_SHARE * fit + (1 - FIT_SHARE) * coverage) * 10_000) / 10_000,
    matchedSkills: [...matchedEssentialSkills, ...matchedOptional],
    matchedEssentialSkills,
    missingSkills: [...missingEssentialSkills, ...optional.filter((s) => !given.has(s))],
    missingEssentialSkills,
  };
}

export function compareMatches(a: SkillMatch, b: SkillMatch): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.matchedEssentialSkills.length !== b.matchedEssentialSkills.length) return b.matchedEssentialSkills.length - a.matchedEssentialSkills.length;
  return compareNewest(a.hit, b.hit);
}

/** Every hit that shares at least one skill, best first. */
export function rankMatches(hits: readonly VacancyHit[], skills: readonly string[]): SkillMatch[] {
  const given = new Set(skills);
  return hits
    .map((hit) => scoreVacancy(hit, given))
    .filter((m) => m.matchedSkills.length > 0)
    .sort(compareMatches);
}
