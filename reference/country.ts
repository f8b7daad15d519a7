import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromRoot } from '../core/paths.js';
import { countrySubgraphs, readCountryManifest, readSubgraphList, type CountryManifest } from '../schema/registry.js';
import { readCsvFile } from './csv.js';

/**
 * Each registered country's own reference data, from its folder: subgraphs/<name>/reference/
 * (country.json plus regions, occupations, minimum wages, wage conversion and education CSVs;
 * the format is in docs/ADDING_A_COUNTRY.md). The country list comes from the registry
 * (schema/registry.ts), so nothing outside a country's folder names it. Every file is validated
 * here, once, and a mistake fails at start naming the file, the row and the field. A country
 * subgraph run before it is registered (the partner template, a fresh copy of it) adds its own
 * folder to its process with `useCountryFolder`, under the same checks.
 */

/** The occupationSystem.id of a country whose postings carry ISCO-08 unit groups themselves: no national classification, no occupations.csv. */
export const ISCO_08 = 'ISCO-08';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const pattern = z.string().refine(isRegex, 'a valid regular expression');
const words = z.array(z.string().min(1)).default([]);
const iscoBasis = z.enum(['ISCO-08', 'ISCO-88']);

const OutdatedEditionSchema = z.strictObject({
  edition: z.string().min(1),
  /** What the code's first four digits are: an ISCO-08 unit group, or an ISCO-88 unit. */
  via: iscoBasis,
  /** What may follow the four digits ("" = nothing). */
  suffixes: z.array(z.string().regex(/^\d*$/, 'digits only')).min(1),
});

const OccupationSystemSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z][A-Z0-9-]*$/, 'upper-case letters, digits and -'),
    name: z.string().min(1),
    codeFormat: pattern,
    example: z.string().min(1),
    titleLang: z.string().regex(/^[a-z]{2,3}$/, 'a BCP 47 primary language subtag'),
    basis: iscoBasis,
    outdated: z.array(OutdatedEditionSchema).default([]),
  })
  .refine((s) => new RegExp(s.codeFormat).test(s.example), { message: 'example must match codeFormat', path: ['example'] })
  .refine((s) => s.id !== ISCO_08 || (s.basis === ISCO_08 && s.outdated.length === 0), {
    message: 'a system that is ISCO-08 itself has basis "ISCO-08" and no outdated editions',
    path: ['basis'],
  });

const RegionNamesSchema = z.strictObject({
  adminPrefixes: words,
  joinedPrefixes: words,
  fromEnglish: z
    .strictObject({ words: z.record(z.string().min(1), z.string().min(1)), moveToEnd: words, moveToStart: words })
    .optional(),
});

const ExchangeRateSchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  date: isoDate,
  period: z.string().min(1),
  perUSD: z.number().positive(),
  source: z.string().min(1),
});

const CountryFileSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2'),
  names: z.strictObject({ en: z.string().min(1), id: z.string().min(1), ms: z.string().min(1), th: z.string().min(1) }),
  nativeName: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217'),
  languages: z.array(z.string().min(2)).min(1),
  imtGt: z.boolean(),
  timeZone: z.strictObject({ utcOffsetHours: z.number().min(-12).max(14), zone: z.string().min(1) }),
  occupationSystem: OccupationSystemSchema,
  regionNames: RegionNamesSchema.default({ adminPrefixes: [], joinedPrefixes: [] }),
  educationNoise: words,
  exchangeRates: z.array(ExchangeRateSchema).min(1),
});

export type CountryFile = z.infer<typeof CountryFileSchema>;
export type OccupationSystemFile = CountryFile['occupationSystem'];
export type ExchangeRateEntry = z.infer<typeof ExchangeRateSchema>;

export interface CountryReference {
  /** The subgraph's name (a registered country's is also its folder). */
  subgraph: string;
  /** subgraphs/<name>/reference, absolute. */
  dir: string;
  country: CountryFile;
}

let loaded: readonly CountryReference[] | undefined;

/** Every registered country's reference data, in registry order (loaded once), then any folder `useCountryFolder` added. */
export function countryReferences(): readonly CountryReference[] {
  loaded ??= loadAll(countrySubgraphs(readSubgraphList()));
  return loaded;
}

/** A loaded country by ISO code; undefined when none is loaded under it. */
export function countryReference(code: string): CountryReference | undefined {
  return countryReferences().find((c) => c.country.code === code);
}

/**
 * Adds an unregistered country folder (subgraphs/<folder>/, e.g. the partner template) to this
 * process's reference data, checked like a registered one and against them (its code and its
 * classification must be its own). A registered folder is loaded already: nothing to do.
 * Every index built from the countries is rebuilt on next use (`derived`).
 */
export function useCountryFolder(folder: string): CountryReference {
  const dir = countryDir(folder);
  const known = countryReferences().find((r) => r.dir === dir);
  if (known) return known;
  const manifest = readCountryManifest(folder);
  const added = loadCountry({ name: manifest.name, manifest }, dir);
  loaded = checkedDistinct([...countryReferences(), added]);
  return added;
}

/**
 * A value built from the loaded countries (an index, a table), built on first use and again
 * after `useCountryFolder` changed the list — so no index misses a folder added late.
 */
export function derived<T>(build: (references: readonly CountryReference[]) => T): () => T {
  let cache: { from: readonly CountryReference[]; value: T } | undefined;
  return () => {
    const references = countryReferences();
    if (cache?.from !== references) cache = { from: references, value: build(references) };
    return cache.value;
  };
}

/** A country folder to load: its subgraph name and manifest (a registry entry is one). */
export interface CountryFolder {
  name: string;
  manifest: CountryManifest;
}

/** The countries' folders read and cross-checked (`dirOf` moves them, for tests). */
export function loadAll(entries: readonly CountryFolder[], dirOf = countryDir): CountryReference[] {
  return checkedDistinct(entries.map((entry) => loadCountry(entry, dirOf(entry.name))));
}

function countryDir(folder: string): string {
  return fromRoot('subgraphs', folder, 'reference');
}

/** Two countries never share an ISO code or a national classification (ISCO-08 itself is everyone's). */
function checkedDistinct(references: CountryReference[]): CountryReference[] {
  const owners = new Map<string, string>();
  for (const ref of references) {
    const { code, occupationSystem } = ref.country;
    const claims = [`code "${code}"`, ...(occupationSystem.id === ISCO_08 ? [] : [`occupationSystem.id "${occupationSystem.id}"`])];
    for (const claim of claims) {
      const other = owners.get(claim);
      if (other) throw new Error(`${fileOf(ref, 'country.json')}: ${claim} is already ${other}'s`);
      owners.set(claim, ref.subgraph);
    }
  }
  return references;
}

function loadCountry({ name, manifest }: CountryFolder, dir: string): CountryReference {
  const file = `${dir}/country.json`;
  if (!existsSync(file)) throw new Error(`${file} is missing: a country ships its reference data in subgraphs/<name>/reference/ (docs/ADDING_A_COUNTRY.md)`);
  const parsed = CountryFileSchema.safeParse(readJson(file));
  if (!parsed.success) throw new Error(describe(file, parsed.error));
  const country = parsed.data;
  const mismatch = [
    country.code !== manifest.country && `code "${country.code}" but subgraph.json country "${manifest.country}"`,
    country.currency !== manifest.currency && `currency "${country.currency}" but subgraph.json currency "${manifest.currency}"`,
    country.occupationSystem.id !== manifest.occupationSystem &&
      `occupationSystem.id "${country.occupationSystem.id}" but subgraph.json occupationSystem "${manifest.occupationSystem}"`,
  ].filter(Boolean);
  if (mismatch.length) throw new Error(`${file}: ${mismatch.join('; ')}`);
  // An ISCO-08 country's codes are data/isco's unit groups: a list of its own would be ignored.
  if (country.occupationSystem.id === ISCO_08 && existsSync(`${dir}/occupations.csv`))
    throw new Error(`${dir}/occupations.csv: occupationSystem "${ISCO_08}" codes are ISCO-08 unit groups themselves; remove the file, or name your national classification`);
  return { subgraph: name, dir, country };
}

/**
 * The rows of one of the country's CSV files, each checked against `row`. A missing optional
 * file is no rows (a country without, say, a legal minimum wage); a missing required one throws.
 */
export function countryRows<T>(ref: CountryReference, name: string, row: z.ZodType<T>, required = false): T[] {
  const file = fileOf(ref, name);
  if (!existsSync(file)) {
    if (required) throw new Error(`${file} is missing (docs/ADDING_A_COUNTRY.md, "Reference data")`);
    return [];
  }
  return readCsvFile(file).map((record, i) => {
    const parsed = row.safeParse(record);
    if (!parsed.success) throw new Error(describe(`${file} row ${i + 2}`, parsed.error));
    return parsed.data;
  });
}

/** Optional CSV cell: empty is undefined. */
export const optionalCell = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

/** A `true`/empty CSV flag. */
export const flagCell = z
  .enum(['true', 'false', ''])
  .optional()
  .transform((v) => v === 'true');

export const dateCell = isoDate;

function fileOf(ref: CountryReference, name: string): string {
  return `${ref.dir}/${name}`;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function describe(where: string, error: z.ZodError): string {
  const lines = error.issues.map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
  return `${where} is not valid:\n${lines.join('\n')}`;
}
