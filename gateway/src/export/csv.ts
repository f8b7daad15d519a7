/**
 * CSV text per RFC 4180: fields separated by commas, records ended by CRLF, a field quoted with
 * `"` when it holds a comma, a quote, a line break — or starts with `#`, so a reader that skips
 * comment lines never skips a record — with its quotes doubled. UTF-8 throughout (text in any script
 * passes unchanged).
 *
 * Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR)
 * is prefixed with `'`: titles and employer names come from public job portals, and an analyst
 * opening the file must not execute what a stranger typed (OWASP "CSV injection"). Numbers are
 * written as numbers and never prefixed.
 *
 * Metadata goes before the header as `# key: value` lines, one per line (line breaks in a value
 * become spaces).
 */
export type CsvValue = string | number | boolean | null | undefined;

const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]|^#/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + CRLF;
}

export function metadataLine(key: string, value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return `# ${oneLine(key)}: ${oneLine(text)}${CRLF}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
