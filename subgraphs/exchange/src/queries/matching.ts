import { ExchangeInputError } from '../errors.js';
import { countryVacancyFilter, normaliseIds, normaliseVacancyFilter, type VacancyFilterInput } from '../filters.js';
import { rankMatches } from '../match.js';
import type { SearchPage, VacancyHit } from '../model.js';
import { VACANCY_FACTS } from '../operations.js';
import { answered, sourceStatus, type SourceStatus } from '../outcome.js';
import { sourcesFor, validFirst, type ExchangeContext, type VacancyRef } from './context.js';
import { vacancyRef } from './vacancies.js';

/**
 * `matchVacancies`: every vacancy sharing at least one of the caller's skills is scored (see
 * match.ts) and the best `first` are returned. The countries are asked for all matches of the
 * given skills (one cached facts call each) because a global ranking needs every candidate.
 */

export interface MatchArgs {
  skills: readonly string[];
  filter?: VacancyFilterInput | null;
  first?: number | null;
}

interface SkillRef {
  id: string;
}

export interface MatchList {
  matches: Array<{
    vacancy: VacancyRef;
    score: number;
    matchedSkills: SkillRef[];
    matchedEssentialSkills: SkillRef[];
    missingSkills: SkillRef[];
    missingEssentialSkills: SkillRef[];
  }>;
  totalCount: number;
  sources: SourceStatus[];
}

export async function matchVacancies(ctx: ExchangeContext, args: MatchArgs, requestId: string): Promise<MatchList> {
  const given = normaliseIds(args.skills, 'skills');
  if (!given) throw new ExchangeInputError('EMPTY_SKILL_LIST', 'skills must name at least one ESCO skill id.', 'skills');
  const first = validFirst(args.first);
  const filter = normaliseVacancyFilter(args.filter, ctx);
  // Only vacancies sharing a given skill can score; the caller's own skills filter still applies.
  const required = filter.skills ? new Set(filter.skills) : undefined;
  const outcomes = await ctx.fanOut<SearchPage<VacancyHit>>(
    sourcesFor(ctx, filter.countries),
    VACANCY_FACTS,
    (source) => ({ filter: countryVacancyFilter({ ...filter, skills: given }, source, ctx.rates) }),
    requestId,
  );
  const candidates = answered(outcomes)
    .flatMap((o) => o.page.hits)
    .filter((hit) => !required || hit.skills.some((s) => required.has(s)));
  const ranked = rankMatches(candidates, given);
  const skillRefs = (ids: string[]) => ids.map((id) => ({ id }));
  return {
    matches: ranked.slice(0, first).map((m) => ({
      vacancy: vacancyRef(m.hit),
      score: m.score,
      matchedSkills: skillRefs(m.matchedSkills),
      matchedEssentialSkills: skillRefs(m.matchedEssentialSkills),
      missingSkills: skillRefs(m.missingSkills),
      missingEssentialSkills: skillRefs(m.missingEssentialSkills),
    })),
    totalCount: ranked.length,
    sources: outcomes.map((o) => sourceStatus(o)),
  };
}
