import { describe, expect, it } from 'vitest';
import { isoInOffset, localDateTime, localToEpochMs, occupationOf, tidy } from './translation.js';

describe('translation helpers', () => {
  it('reads local wall-clock text in a fixed offset, and writes it back', () => {
    const ms = localToEpochMs('2026-03-01 10:00:00', 7);
    expect(new Date(ms).toISOString()).toBe('2026-03-01T03:00:00.000Z');
    expect(localToEpochMs('2026-03-01T10:00', 7)).toBe(ms);
    expect(isoInOffset(localToEpochMs('2026-03-01', 8), 8)).toBe('2026-03-01T00:00:00+08:00');
    expect(localDateTime(ms, 7)).toBe('2026-03-01T10:00:00');
    expect(isoInOffset(ms, 5.5)).toBe('2026-03-01T08:30:00+05:30');
  });

  it('refuses what is not a local date or not a calendar date', () => {
    expect(() => localToEpochMs('01/03/2026', 7)).toThrow(/not a local date or time/);
    expect(() => localToEpochMs('2026-02-29', 7)).toThrow(/not a calendar date/);
    expect(() => localToEpochMs('2026-03-01 24:00:00', 7)).toThrow(/not a calendar date/);
    expect(() => localDateTime(Number.NaN, 7)).toThrow(/not a valid instant/);
  });

  it('maps a system that stores ISCO-08 units itself, keeping other codes unmapped', () => {
    expect(occupationOf('ISCO-08', ' 7212 ')).toEqual({ iscoCode: '7212', nationalCode: { system: 'ISCO-08', code: '7212', mapped: true, mappedFromOutdated: false, edition: 'ISCO-08' } });
    expect(occupationOf('ISCO-08', '72').nationalCode).toMatchObject({ mapped: false, edition: null });
    expect(occupationOf('ISCO-08', '9998').iscoCode).toBeNull();
    expect(occupationOf('ISCO-08', '')).toEqual({ nationalCode: null, iscoCode: null });
  });

  it('tidies white space', () => {
    expect(tidy('  Welder\n  (night   shift) ')).toBe('Welder (night shift)');
  });
});
