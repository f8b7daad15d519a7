import { readFileSync } from 'node:fs';
import { fromRoot } from '../core/paths.js';

/**
 * A small RFC 4180 reader: comma separated, fields optionally quoted with `"`, a doubled quote
 * inside quotes is a literal quote, quoted fields may span lines (ESCO's altLabels do). Accepts
 * CRLF or LF line ends and ignores a trailing newline. Written here because the reference data is
 * the only CSV the project reads and a dependency for 40 lines is not worth it.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte order mark

  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };

  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') endRow();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else field += ch;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Rows of a CSV with a header line, as records keyed by column name. */
export function parseCsvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows
    .filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
}

/** Reads `data/<relativePath>` (from the repository root) as records. */
export function readDataCsv(relativePath: string): Array<Record<string, string>> {
  return readCsvFile(fromRoot('data', relativePath));
}

/** Reads a CSV file (absolute path) as records; a malformed file throws naming it. */
export function readCsvFile(file: string): Array<Record<string, string>> {
  try {
    return parseCsvRecords(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}
