import type { Lang } from './lang.js';
import type { CountryCode } from './regions.js';

/** The three IMT-GT countries the gateway federates (other ASEAN members join by registry entry). */
export interface CountryRecord {
  code: CountryCode;
  names: Record<Lang, string>;
  /** The country's own name for itself, in its national language and script. */
  nativeName: string;
  /** ISO 4217. */
  currency: string;
  /** BCP 47 tags of the languages its labour market systems publish in. */
  languages: string[];
  /** Member of the Indonesia–Malaysia–Thailand Growth Triangle. */
  imtGt: boolean;
}

export const COUNTRIES: readonly CountryRecord[] = [
  {
    code: 'ID',
    names: { en: 'Indonesia', id: 'Indonesia', ms: 'Indonesia', th: 'อินโดนีเซีย' },
    nativeName: 'Indonesia',
    currency: 'IDR',
    languages: ['id'],
    imtGt: true,
  },
  {
    code: 'MY',
    names: { en: 'Malaysia', id: 'Malaysia', ms: 'Malaysia', th: 'มาเลเซีย' },
    nativeName: 'Malaysia',
    currency: 'MYR',
    languages: ['ms', 'en'],
    imtGt: true,
  },
  {
    code: 'TH',
    names: { en: 'Thailand', id: 'Thailand', ms: 'Thailand', th: 'ประเทศไทย' },
    nativeName: 'ประเทศไทย',
    currency: 'THB',
    languages: ['th'],
    imtGt: true,
  },
];

export function countryRecord(code: string): CountryRecord | undefined {
  return COUNTRIES.find((c) => c.code === code);
}
