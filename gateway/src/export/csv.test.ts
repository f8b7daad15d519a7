import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../reference/csv.js';
import { csvField, csvRecord, metadataLine } from './csv.js';

describe('CSV encoding (RFC 4180)', () => {
  it('quotes exactly the fields that need it and doubles their quotes', () => {
    expect(csvField('Welder')).toBe('Welder');
    expect(csvField('Welder, TIG')).toBe('"Welder, TIG"');
    expect(csvField('the "best" job')).toBe('"the ""best"" job"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('#1 employer')).toBe('"#1 employer"');
    expect(csvField('ช่างเชื่อม กรุงเทพมหานคร')).toBe('ช่างเชื่อม กรุงเทพมหานคร');
  });

  it('writes numbers, booleans and missing values plainly', () => {
    expect(csvRecord([1, 0.25, -3, null, undefined, true, false, Number.NaN])).toBe('1,0.25,-3,,,true,false,\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, never a number', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+62 812')).toBe("'+62 812");
    expect(csvField('-')).toBe("'-");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-5)).toBe('-5');
  });

  it('reads back field for field through an RFC 4180 parser', () => {
    const rows = [
      ['id', 'title', 'employer'],
      ['TH:1', 'ช่างเชื่อม, "อาวุโส"', 'บริษัท\r\nสยาม'],
      ['ID:2', '', 'PT "Maju", Tbk'],
    ];
    expect(parseCsv(rows.map(csvRecord).join(''))).toEqual(rows);
  });

  it('writes metadata as one "# key: value" line, line breaks folded', () => {
    expect(metadataLine('definition[open vacancy stock]', 'Postings open\nat the instant')).toBe(
      '# definition[open vacancy stock]: Postings open at the instant\r\n',
    );
    expect(metadataLine('partial', false)).toBe('# partial: false\r\n');
    expect(metadataLine('asOf[TH]', null)).toBe('# asOf[TH]: \r\n');
  });
});
