import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv.js';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'code,label\r\n1,"Welders, flamecutters"\r\n2,"say ""hi""\nand go"\n3,plain\n';
    expect(parseCsv(text)).toEqual([
      ['code', 'label'],
      ['1', 'Welders, flamecutters'],
      ['2', 'say "hi"\nand go'],
      ['3', 'plain'],
    ]);
  });

  it('keeps empty fields and a last line without newline', () => {
    expect(parseCsv('a,,c\n,,')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });

  it('skips a byte order mark and rejects an unterminated quote', () => {
    expect(parseCsv('\ufeffx\n1')).toEqual([['x'], ['1']]);
    expect(() => parseCsv('a\n"open')).toThrow(/quoted field/);
  });

  it('turns rows into records keyed by the header', () => {
    expect(parseCsvRecords('code,title\n7212,"Welders"\n7213\n')).toEqual([
      { code: '7212', title: 'Welders' },
      { code: '7213', title: '' },
    ]);
  });
});
