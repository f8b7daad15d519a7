import { countryRecord, regionRecords, type CountryRecord, type RegionRecord } from '../reference/index.js';
import { labelIn, type LangArgs, type TaxonomyContext } from './context.js';

export const Country = {
  __resolveReference: (ref: { code: string }): CountryRecord | null => countryRecord(ref.code) ?? null,
  name: (c: CountryRecord, args: LangArgs, ctx: TaxonomyContext): string => labelIn(c.names, c.names.en, args, ctx).text,
  regions: (c: CountryRecord): RegionRecord[] => regionRecords(c.code),
};
