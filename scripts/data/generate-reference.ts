/**
 * Writes the authored reference lists (scripts/data/source/*.psv) as the CSV files the project
 * reads: ISCO-08 titles per language (data/labels), the ISCO-88 → ISCO-08 crosswalk
 * (data/national) and the national occupation lists of the three founding countries (their
 * subgraphs/<name>/reference/occupations.csv). Run: `npx tsx scripts/data/generate-reference.ts`.
 *
 * The sources are pipe-separated so that titles can be written without CSV quoting; this script
 * is the only place that turns them into RFC 4180 CSV.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../../core/paths.js';

const SOURCE = fromRoot('scripts/data/source');
/** The countries whose code lists are authored here (a new country ships its own file). */
const OCCUPATIONS = {
  indonesia: 'subgraphs/indonesia/reference/occupations.csv',
  malaysia: 'subgraphs/malaysia/reference/occupations.csv',
  thailand: 'subgraphs/thailand/reference/occupations.csv',
};
const OCCUPATION_COLUMNS = ['code', 'title', 'title_en', 'isco08', 'isco88'];

/** Non-comment, non-blank lines of a .psv file, split on `|`, each checked for its field count. */
function readPsv(file: string, fields: number): string[][] {
  return readFileSync(join(SOURCE, file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line, i) => {
      const cells = line.split('|').map((c) => c.trim());
      if (cells.length !== fields) throw new Error(`${file}: line ${i + 1} has ${cells.length} fields: ${line}`);
      return cells;
    });
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function writeCsv(path: string, header: string[], rows: string[][]): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const text = [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
  writeFileSync(path, text);
  console.log(`${path}: ${rows.length} rows`);
}

/** ISCO-08 codes and English titles from the structure file (titles never contain a newline). */
function iscoStructure(): Map<string, { level: string; titleEn: string }> {
  const lines = readFileSync(fromRoot('data/isco08_structure_en.csv'), 'utf8').trim().split('\n').slice(1);
  const out = new Map<string, { level: string; titleEn: string }>();
  for (const line of lines) {
    const match = /^(\d+),(\d),[^,]*,(\d*),("(?:[^"]|"")*"|[^,]*),/.exec(line);
    if (!match) throw new Error(`unexpected structure line: ${line}`);
    const [, code = '', level = '', , rawTitle = ''] = match;
    const titleEn = rawTitle.startsWith('"') ? rawTitle.slice(1, -1).replaceAll('""', '"') : rawTitle;
    out.set(code, { level, titleEn });
  }
  return out;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function main(): void {
  const structure = iscoStructure();
  const titleFiles = readdirSync(SOURCE).filter((f) => f.startsWith('isco08_titles_')).sort();
  const titles = new Map<string, { id: string; ms: string; th: string }>();
  for (const file of titleFiles) {
    for (const [code = '', id = '', ms = '', th = ''] of readPsv(file, 4)) {
      if (!structure.has(code)) throw new Error(`${file}: ${code} is not an ISCO-08 code`);
      titles.set(code, { id, ms, th });
    }
  }
  const codes = [...titles.keys()].sort();
  for (const lang of ['id', 'ms', 'th'] as const) {
    writeCsv(fromRoot(`data/labels/isco08_${lang}.csv`), ['code', 'title'], codes.map((c) => [c, titles.get(c)![lang]]));
  }

  // KBJI 2014 and MASCO 2020: the unit group itself is occupation 01, common jobs follow in order.
  const units = [...structure].filter(([, s]) => s.level === '4').map(([code]) => code).sort();
  const extras = new Map<string, Array<{ en: string; id: string; ms: string }>>();
  for (const [isco = '', en = '', id = '', ms = ''] of readPsv('common_occupations.psv', 4)) {
    if (structure.get(isco)?.level !== '4') throw new Error(`common_occupations: ${isco} is not a unit group`);
    extras.set(isco, [...(extras.get(isco) ?? []), { en, id, ms }]);
  }
  const kbji: string[][] = [];
  const masco: string[][] = [];
  for (const unit of units) {
    const t = titles.get(unit);
    if (!t) throw new Error(`no titles for unit ${unit}`);
    kbji.push([`${unit}.01`, t.id, '', unit, '']);
    masco.push([`${unit}-01`, t.ms, structure.get(unit)!.titleEn, unit, '']);
    (extras.get(unit) ?? []).forEach((job, i) => {
      kbji.push([`${unit}.${pad2(i + 2)}`, job.id, '', unit, '']);
      masco.push([`${unit}-${pad2(i + 2)}`, job.ms, job.en, unit, '']);
    });
  }
  writeCsv(fromRoot(OCCUPATIONS.indonesia), OCCUPATION_COLUMNS, kbji);
  writeCsv(fromRoot(OCCUPATIONS.malaysia), OCCUPATION_COLUMNS, masco);

  writeThaiDoe(structure);
  writeSkillLabels();
}

/**
 * The ISCO-88 → ISCO-08 correspondence, then the Thai DOE list built on it. A DOE group line
 * (`<isco88>10`) must sit where the correspondence puts its ISCO-88 unit: on its target when that
 * is a unit group, under it when the ILO splits the unit (then the authored unit says which part),
 * or on a listed override — so the taxonomy and the Thai simulator cannot disagree with the table.
 */
function writeThaiDoe(structure: Map<string, { level: string; titleEn: string }>): void {
  const table = readPsv('isco88_isco08.psv', 2);
  writeCsv(fromRoot('data/national/isco88_isco08_correspondence.csv'), ['isco88', 'isco08'], table);
  const target = new Map(table.map(([a = '', b = '']) => [a, b]));
  const overrides = new Map(readPsv('isco88_isco08_overrides.psv', 3).map(([a = '', b = '', why = '']) => [a, { isco08: b, why }]));
  const crosswalk: string[][] = [];
  const doe: string[][] = [];
  for (const [code = '', isco08 = '', title = ''] of readPsv('th_doe.psv', 3)) {
    if (structure.get(isco08)?.level !== '4') throw new Error(`th_doe: ${isco08} is not an ISCO-08 unit`);
    if (/^\d{4}$/.test(code)) {
      crosswalk.push([code, isco08, primaryBasis(code, isco08, target.get(code), overrides.get(code), structure)]);
      doe.push([`${code}10`, title, '', isco08, code]);
    } else if (/^\d{6}$/.test(code)) {
      const isco88 = code.slice(0, 4);
      if (!crosswalk.some(([c]) => c === isco88)) throw new Error(`th_doe: ${code} precedes its group ${isco88}`);
      doe.push([code, title, '', isco08, isco88]);
    } else {
      throw new Error(`th_doe: bad code ${code}`);
    }
  }
  writeCsv(fromRoot('data/national/isco88_to_isco08.csv'), ['isco88', 'isco08', 'basis'], crosswalk);
  writeCsv(fromRoot(OCCUPATIONS.thailand), OCCUPATION_COLUMNS, doe.sort((a, b) => a[0]!.localeCompare(b[0]!)));
}

/** Why a DOE group's primary ISCO-08 unit is what it is; throws when the correspondence disagrees. */
function primaryBasis(
  isco88: string,
  isco08: string,
  target: string | undefined,
  override: { isco08: string; why: string } | undefined,
  structure: Map<string, { level: string; titleEn: string }>,
): string {
  if (override) {
    if (override.isco08 !== isco08) throw new Error(`th_doe: ${isco88} is ${isco08}, its override says ${override.isco08}`);
    return `override: ${override.why}`;
  }
  if (!target) throw new Error(`th_doe: ${isco88} is not in the ISCO-88 correspondence`);
  if (structure.get(target)?.level === '4') {
    if (target !== isco08) throw new Error(`th_doe: ${isco88} is ${isco08}, the correspondence says ${target}`);
    return 'correspondence';
  }
  const group = target.replace(/0+$/, '');
  if (!isco08.startsWith(group)) throw new Error(`th_doe: ${isco88} is ${isco08}, outside the correspondence's group ${target}`);
  return `split within ${target}`;
}

/** Skill labels per language; each English label must match the ESCO sample (catches a wrong id). */
function writeSkillLabels(): void {
  const sample = readFileSync(fromRoot('data/esco_occupation_skill_sample.csv'), 'utf8');
  const rows = readPsv('skills.psv', 5);
  for (const [uuid = '', en = ''] of rows) {
    if (!sample.includes(`/skill/${uuid},${en.includes(',') ? '"' + en + '"' : en},`)) {
      throw new Error(`skills.psv: ${uuid} is not "${en}" in the ESCO sample`);
    }
  }
  const langs = ['id', 'ms', 'th'] as const;
  langs.forEach((lang, i) => {
    writeCsv(fromRoot(`data/labels/skills_${lang}.csv`), ['id', 'label'], rows.map((r) => [r[0]!, r[i + 2]!]));
  });
}

main();
