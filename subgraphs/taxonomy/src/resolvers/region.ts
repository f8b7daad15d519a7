import type { RegionResolvers } from '../../generated/resolvers-types.js';
import { countryRecord, regionRecord } from '../../../../reference/index.js';

/** Region: a RegionRecord from the reference module (codegen's mapper). */
export const Region: RegionResolvers = {
  __resolveReference: (ref) => regionRecord(ref.code) ?? null,
  nameLocal: (r) => r.nameLocal ?? null,
  country: (r) => countryOf(r.country),
  parent: (r) => (r.parent ? (regionRecord(r.parent) ?? null) : null),
  nationalCode: (r) => r.nationalCode ?? null,
};

/** Every region's country is one of the reference module's countries; `Region.country` is non-null. */
function countryOf(code: string) {
  const country = countryRecord(code);
  if (!country) throw new Error(`region data names country "${code}", which the reference module does not know`);
  return country;
}
