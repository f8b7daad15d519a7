import { describe, expect, it } from 'vitest';
import { relevanceScorer, words } from './relevance.js';

describe('relevance', () => {
  it('splits Thai, which has no spaces, into words', () => {
    expect(words('ช่างเชื่อมโลหะ')).toEqual(['ช่าง', 'เชื่อม', 'โลหะ']);
  });

  it('scores exact words over prefixes over nothing, and rewards the whole phrase', () => {
    const score = relevanceScorer('tukang las');
    expect(score('Tukang Las Listrik')).toBe(1);
    expect(score('Las dan tukang')).toBeCloseTo(0.8, 4);
    expect(score('Tukang kayu')).toBeCloseTo(0.4, 4);
    expect(score('Programmer')).toBe(0);
    expect(relevanceScorer('weld')('Welder')).toBeCloseTo(0.4, 4);
    expect(relevanceScorer('ช่างเชื่อม')('ช่างเชื่อมโลหะ')).toBe(1);
  });
});
