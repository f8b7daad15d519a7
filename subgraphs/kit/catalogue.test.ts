import { describe, expect, it } from 'vitest';
import { slicesOf, trainingsMatching } from './catalogue.js';
import type { TrainingOfferModel } from './model.js';

interface Course {
  no: string;
  name: string;
  isco: string | null;
  region: string | null;
  starts: string | null;
  broken?: boolean;
}

const toModel = (c: Course): TrainingOfferModel<Course> => {
  if (c.broken) throw new Error(`course ${c.no} cannot be read`);
  return {
    id: `ZZ:${c.no}`, nativeId: c.no, title: c.name, provider: { name: 'Institute', kind: null }, regionCode: c.region, nativeRegion: null,
    iscoCodes: c.isco ? [c.isco] : [], nationalCodes: [], skillIds: [], startDate: c.starts, duration: null, fee: null, seats: null, mode: null, certification: null, sourceUrl: null, native: c,
  };
};

const catalogue: Course[] = [
  { no: 'C3', name: 'Welding', isco: '7212', region: 'ZZ-N', starts: '2026-05-01' },
  { no: 'C1', name: 'Cooking', isco: '5120', region: 'ZZ-S', starts: null },
  { no: 'C2', name: 'Advanced welding', isco: '7212', region: 'ZZ-S', starts: '2026-04-01' },
  { no: 'C0', name: 'Pipe welding', isco: '7212', region: 'ZZ-N', starts: '2026-04-01' },
  { no: 'C9', name: 'Broken', isco: '7212', region: 'ZZ-N', starts: '2026-01-01', broken: true },
];
const nos = (courses: Course[]) => courses.map((c) => c.no);

describe('training catalogues pulled whole', () => {
  it('orders soonest first, undated last, ties by id, and leaves out what cannot be translated', () => {
    expect(nos(trainingsMatching(catalogue, {}, toModel))).toEqual(['C0', 'C2', 'C3', 'C1']);
  });

  it('filters on the translation: ISCO-08 prefix, region, text, start date', () => {
    expect(nos(trainingsMatching(catalogue, { iscoCodes: ['72'] }, toModel))).toEqual(['C0', 'C2', 'C3']);
    expect(nos(trainingsMatching(catalogue, { regions: ['ZZ-S'] }, toModel))).toEqual(['C2', 'C1']);
    expect(nos(trainingsMatching(catalogue, { text: 'WELD', startsAfter: '2026-04-02T00:00:00Z' }, toModel))).toEqual(['C3']);
    expect(nos(trainingsMatching(catalogue, { text: 'pipe' }, toModel, (c) => c.no))).toEqual([]);
  });

  it('serves search pages as slices of the pull', async () => {
    const search = slicesOf(async (filter: { iscoCodes: string[] }) => trainingsMatching(catalogue, filter, toModel));
    expect(await search({ iscoCodes: ['72'] }, 2, 1)).toEqual({ total: 3, items: [catalogue[2], catalogue[0]] });
    expect(await search({ iscoCodes: ['9'] }, 5, 0)).toEqual({ total: 0, items: [] });
  });
});
