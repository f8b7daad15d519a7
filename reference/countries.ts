import { countryReference, derived } from './country.js';
import type { Lang } from './lang.js';

/** A registered country as the taxonomy serves it (from its country.json). */
export interface CountryRecord {
  /** ISO 3166-1 alpha-2. */
  code: string;
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

/** Every registered country, in registry order (and a folder the process added, `useCountryFolder`). */
export const countries = derived((references): readonly CountryRecord[] =>
  references.map(({ country: c }) => ({
    code: c.code,
    names: c.names,
    nativeName: c.nativeName,
    currency: c.currency,
    languages: c.languages,
    imtGt: c.imtGt,
  })),
);

export function countryRecord(code: string): CountryRecord | undefined {
  return countries().find((c) => c.code === code);
}

/** ISO codes of the registered countries. */
export function countryCodes(): string[] {
  return countries().map((c) => c.code);
}

export function isCountryCode(value: string): boolean {
  return countryReference(value) !== undefined;
}
