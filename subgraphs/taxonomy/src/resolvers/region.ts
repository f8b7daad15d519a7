import { countryRecord, regionRecord, type CountryRecord, type RegionRecord } from '../reference/index.js';

export const Region = {
  __resolveReference: (ref: { code: string }): RegionRecord | null => regionRecord(ref.code) ?? null,
  nameLocal: (r: RegionRecord): string | null => r.nameLocal ?? null,
  country: (r: RegionRecord): CountryRecord | undefined => countryRecord(r.country),
  parent: (r: RegionRecord): RegionRecord | null => (r.parent ? (regionRecord(r.parent) ?? null) : null),
  nationalCode: (r: RegionRecord): string | null => r.nationalCode ?? null,
};
