import type { CountryResolvers } from '../../generated/resolvers-types.js';
import { countryRecord, regionRecords } from '../../../../reference/index.js';
import { labelIn } from './context.js';

/** Country: a CountryRecord from the reference module (codegen's mapper). */
export const Country: CountryResolvers = {
  __resolveReference: (ref) => countryRecord(ref.code) ?? null,
  name: (c, args, ctx) => labelIn(c.names, c.names.en, args, ctx).text,
  regions: (c) => regionRecords(c.code),
};
