import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { countrySubgraphs, readCountryManifest, readSubgraphList } from '../schema/registry.js';
import { countryReferences, countryRows, loadAll, optionalCell } from './country.js';
import { nationalSystems } from './national.js';

/**
 * The per-country loader over copies of a registered country's folder, broken one way at a time:
 * every mistake must fail at start naming the file and the field (or row).
 */
const [entry] = countrySubgraphs(readSubgraphList());
const dirs: string[] = [];

/** The template's (subgraphs/_template): a country whose system is ISCO-08 itself, not registered. */
const template = { name: 'template', manifest: readCountryManifest('_template') };

function copyOfFolder(edit?: (dir: string) => void, from = countryReferences()[0]!.dir): string {
  const dir = mkdtempSync(join(tmpdir(), 'reference-'));
  dirs.push(dir);
  cpSync(from, dir, { recursive: true });
  edit?.(dir);
  return dir;
}

function editJson(dir: string, change: (json: Record<string, unknown>) => void): void {
  const file = join(dir, 'country.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(json);
  writeFileSync(file, JSON.stringify(json));
}

function templateDir(): string {
  return join(import.meta.dirname, '..', 'subgraphs', '_template', 'reference');
}

afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('per-country reference data', () => {
  it('loads every registered country, one classification each', () => {
    expect(countryReferences().map((r) => r.subgraph)).toEqual(countrySubgraphs(readSubgraphList()).map((e) => e.name));
    expect(nationalSystems()).toEqual(countrySubgraphs(readSubgraphList()).map((e) => e.manifest.occupationSystem));
  });

  it('names the file when country.json is missing or invalid', () => {
    const missing = copyOfFolder((d) => rmSync(join(d, 'country.json')));
    expect(() => loadAll([entry!], () => missing)).toThrow(/country\.json is missing/);
    const bad = copyOfFolder((d) => editJson(d, (j) => (j.currency = 'rupiah')));
    expect(() => loadAll([entry!], () => bad)).toThrow(/country\.json is not valid:\n {2}currency: ISO 4217/);
  });

  it('refuses a code example that does not match its format, and a country.json that disagrees with subgraph.json', () => {
    const example = copyOfFolder((d) => editJson(d, (j) => ((j.occupationSystem as Record<string, unknown>).example = 'x')));
    expect(() => loadAll([entry!], () => example)).toThrow(/occupationSystem\.example: example must match codeFormat/);
    const code = copyOfFolder((d) => editJson(d, (j) => (j.code = 'ZZ')));
    expect(() => loadAll([entry!], () => code)).toThrow(/code "ZZ" but subgraph\.json country/);
  });

  it('refuses two countries with the same ISO code or the same classification', () => {
    const dir = copyOfFolder();
    expect(() => loadAll([entry!, { ...entry!, name: 'twin' }], () => dir)).toThrow(/code "\w\w" is already .*'s/);
    const other = copyOfFolder((d) => editJson(d, (j) => (j.code = 'TW')));
    const twin = { name: 'twin', manifest: { ...entry!.manifest, country: 'TW' } };
    expect(() => loadAll([entry!, twin], (name) => (name === 'twin' ? other : countryReferences()[0]!.dir))).toThrow(
      /occupationSystem\.id "[^"]+" is already .*'s/,
    );
  });

  it('takes a system that is ISCO-08 itself without a code list, from any number of countries', () => {
    const dir = copyOfFolder(undefined, templateDir());
    const [ref] = loadAll([template], () => dir);
    expect(ref!.country.occupationSystem.id).toBe('ISCO-08');
    const twin = copyOfFolder((d) => editJson(d, (j) => (j.code = 'ZY')), templateDir());
    const both = loadAll([template, { name: 'twin', manifest: { ...template.manifest, country: 'ZY' } }], (name) => (name === 'twin' ? twin : dir));
    expect(both.map((r) => r.country.code)).toEqual(['ZZ', 'ZY']);
  });

  it('refuses an ISCO-08 country with a code list of its own, or built on ISCO-88', () => {
    const listed = copyOfFolder((d) => writeFileSync(join(d, 'occupations.csv'), 'code,title,title_en,isco08,isco88\n7212,Welder,,7212,\n'), templateDir());
    expect(() => loadAll([template], () => listed)).toThrow(/occupations\.csv: occupationSystem "ISCO-08" codes are ISCO-08 unit groups themselves/);
    const on88 = copyOfFolder((d) => editJson(d, (j) => ((j.occupationSystem as Record<string, unknown>).basis = 'ISCO-88')), templateDir());
    expect(() => loadAll([template], () => on88)).toThrow(/occupationSystem\.basis: a system that is ISCO-08 itself has basis "ISCO-08"/);
  });

  it('names the row and column of a bad CSV cell, and reads a missing optional file as no rows', () => {
    const dir = copyOfFolder((d) => writeFileSync(join(d, 'extra.csv'), 'a,b\n1,\n,2\n'));
    const [ref] = loadAll([entry!], () => dir);
    const row = z.object({ a: z.string().min(1), b: optionalCell });
    expect(() => countryRows(ref!, 'extra.csv', row)).toThrow(/extra\.csv row 3 is not valid:\n {2}a:/);
    expect(countryRows(ref!, 'absent.csv', row)).toEqual([]);
    expect(() => countryRows(ref!, 'absent.csv', row, true)).toThrow(/absent\.csv is missing/);
  });
});
