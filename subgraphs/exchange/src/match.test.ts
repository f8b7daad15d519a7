import { describe, expect, it } from 'vitest';
import { rankMatches, scoreVacancy } from './match.js';
import { vacancyHit } from './testHits.js';

const t = '2025-01-01T00:00:00Z';

describe('scoreVacancy', () => {
  it('weighs essential skills twice as much as optional ones', () => {
    const hit = vacancyHit({ id: 'ID:1', postedAt: t, skills: ['e1', 'e2', 'o1', 'o2'], essentialSkills: ['e1', 'e2'] });
    const essentialOnly = scoreVacancy(hit, new Set(['e1']));
    const optionalOnly = scoreVacancy(hit, new Set(['o1']));
    // fit 2/2, coverage 2/6  vs  fit 1/2, coverage 1/6
    expect(essentialOnly.score).toBeCloseTo(0.7 + 0.3 * (2 / 6), 4);
    expect(optionalOnly.score).toBeCloseTo(0.7 * 0.5 + 0.3 * (1 / 6), 4);
    expect(essentialOnly.matchedEssentialSkills).toEqual(['e1']);
    expect(essentialOnly.missingSkills).toEqual(['e2', 'o1', 'o2']);
    expect(essentialOnly.missingEssentialSkills).toEqual(['e2']);
    expect(optionalOnly.matchedSkills).toEqual(['o1']);
  });

  it('counts a skill listed as essential once even when it is also in skills', () => {
    const hit = vacancyHit({ id: 'ID:1', postedAt: t, skills: ['e1'], essentialSkills: ['e1'] });
    expect(scoreVacancy(hit, new Set(['e1'])).score).toBe(1);
    expect(scoreVacancy(hit, new Set(['e1'])).missingSkills).toEqual([]);
  });

  it('scores a vacancy without skills 0', () => {
    expect(scoreVacancy(vacancyHit({ id: 'ID:1', postedAt: t }), new Set(['x'])).score).toBe(0);
  });
});

describe('rankMatches', () => {
  it('ranks a vacancy needing all given essential skills above one needing none of them', () => {
    const all = vacancyHit({ id: 'MY:1', postedAt: '2024-01-01T00:00:00Z', skills: ['a', 'b', 'z'], essentialSkills: ['a', 'b'] });
    const optionalOnly = vacancyHit({ id: 'ID:1', postedAt: '2025-06-01T00:00:00Z', skills: ['a', 'b', 'c', 'd'], essentialSkills: ['c', 'd'] });
    const none = vacancyHit({ id: 'TH:1', postedAt: '2025-07-01T00:00:00Z', skills: ['q'], essentialSkills: ['q'] });
    const ranked = rankMatches([none, optionalOnly, all], ['a', 'b']);
    expect(ranked.map((m) => m.hit.id)).toEqual(['MY:1', 'ID:1']);
  });

  it('ranks all-essential above none-essential even when the latter is a small job fully covered', () => {
    const demanding = vacancyHit({ id: 'ID:1', postedAt: t, skills: ['a', 'b', 'c', 'd', 'e', 'f'], essentialSkills: ['a', 'b', 'c', 'd', 'e', 'f'] });
    const small = vacancyHit({ id: 'ID:2', postedAt: t, skills: ['a', 'b'], essentialSkills: [] });
    expect(rankMatches([small, demanding], ['a', 'b']).map((m) => m.hit.id)).toEqual(['ID:1', 'ID:2']);
  });

  it('breaks score ties by essential matches, then newest first', () => {
    const older = vacancyHit({ id: 'ID:1', postedAt: '2024-01-01T00:00:00Z', skills: ['a'], essentialSkills: ['a'] });
    const newer = vacancyHit({ id: 'ID:2', postedAt: '2025-01-01T00:00:00Z', skills: ['a'], essentialSkills: ['a'] });
    expect(rankMatches([older, newer], ['a']).map((m) => m.hit.id)).toEqual(['ID:2', 'ID:1']);
  });
});
