import { describe, expect, it } from 'vitest';
import type { CountrySyncStatus } from '../store/syncState.js';
import { decodeFeedCursor, encodeFeedCursor } from './changeFeed.js';
import { storeAsOf, storeSource } from './storeStatistics.js';
import { codedSyncError } from './syncStatus.js';
import { intervals } from './trend.js';
import { storeWindow } from './window.js';

/** The pure parts of the store's answers: window, intervals, sources, coded errors, feed cursors. */

const reason = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { extensions?: { reason?: string } }).extensions?.reason;
  }
  return undefined;
};

describe('store window', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  it('defaults to the stock at the store`s as-of instant, and the reference month up to that day', () => {
    expect(storeWindow({}, now)).toEqual({
      referenceDate: '2026-11-20T10:00:00.000Z', stockAt: now, from: '2026-11-01', to: '2026-11-20', fromAt: new Date('2026-11-01T00:00:00Z'), toAt: new Date('2026-11-21T00:00:00Z'),
    });
  });
  it('takes as the store`s as-of the earliest asOf of the synced countries (a lagging one holds it back), else now', () => {
    const status = (asOf: string | null, fullSyncDone = true) => ({ asOf, fullSyncDone }) as CountrySyncStatus;
    expect(storeAsOf([status('2026-11-21T12:41:40Z'), status('2026-11-20T00:00:00+08:00'), status(null, false)], now)).toEqual(new Date('2026-11-19T16:00:00Z'));
    expect(storeAsOf([status('2026-11-21T00:00:00Z', false)], now)).toBe(now);
    expect(storeAsOf([], now)).toBe(now);
  });
  it('reads a date as its end and an instant as itself; the period defaults its reference date', () => {
    expect(storeWindow({ at: '2026-10-05' }, now).stockAt).toEqual(new Date('2026-10-06T00:00:00Z'));
    expect(storeWindow({ at: '2026-10-05T08:00:00+07:00' }, now).stockAt).toEqual(new Date('2026-10-05T01:00:00Z'));
    expect(storeWindow({ from: '2026-01-01', to: '2026-03-31' }, now)).toMatchObject({ referenceDate: '2026-03-31', toAt: new Date('2026-04-01T00:00:00Z') });
  });
  it('refuses a bad date, a reversed period and one over ten years, with reasons', () => {
    expect(reason(() => storeWindow({ at: 'yesterday' }, now))).toBe('MALFORMED_DATE');
    expect(reason(() => storeWindow({ from: '2026-02-01', to: '2026-01-31' }, now))).toBe('INVALID_PERIOD');
    expect(reason(() => storeWindow({ from: '2010-01-01', to: '2026-01-01' }, now))).toBe('PERIOD_TOO_LONG');
  });
});

describe('trend intervals', () => {
  it('cuts months and ISO weeks, clipped to the period', () => {
    expect(intervals('MONTH', '2026-01-15', '2026-03-10')).toEqual([
      { label: '2026-01', from: '2026-01-15', to: '2026-01-31' },
      { label: '2026-02', from: '2026-02-01', to: '2026-02-28' },
      { label: '2026-03', from: '2026-03-01', to: '2026-03-10' },
    ]);
    expect(intervals('WEEK', '2026-01-01', '2026-01-05').map((i) => [i.label, i.from, i.to])).toEqual([
      ['2026-W01', '2026-01-01', '2026-01-04'],
      ['2026-W02', '2026-01-05', '2026-01-05'],
    ]);
  });
  it('refuses more than 260 points', () => {
    expect(reason(() => intervals('WEEK', '2016-01-01', '2026-01-01'))).toBe('PERIOD_TOO_LONG');
  });
});

describe('store sources', () => {
  const status = (over: Partial<CountrySyncStatus>): CountrySyncStatus => ({
    country: 'TH', subgraph: 'thailand', state: 'OK', asOf: '2026-11-20T00:00:00.000Z', lastStartedAt: null, lastSuccessAt: null,
    lagSeconds: 60, records: 300, lastChanges: 0, failures: 0, lastError: null, fullSyncDone: true, dataVersion: 'v', ...over,
  });
  it('lists a never-synced country as NOT_SYNCED without a total, a failed one with data as STALE', () => {
    expect(storeSource(status({ state: 'FAILED', fullSyncDone: false, records: 0, lastError: 'thailand: fetch failed' }))).toMatchObject({ status: 'NOT_SYNCED', total: null });
    expect(storeSource(status({ state: 'FAILED', lastError: 'thailand: UPSTREAM_TIMEOUT: slow' }))).toMatchObject({ status: 'STALE', total: 300 });
    expect(storeSource(status({}))).toMatchObject({ status: 'OK', message: null });
  });
  it('publishes sync errors as fixed coded messages, never the raw text', () => {
    expect(codedSyncError('thailand: connect ECONNREFUSED 10.0.0.7:4005')).toBe('UNREACHABLE: the country subgraph could not be reached');
    expect(codedSyncError('indonesia: UPSTREAM_TIMEOUT: took too long')).toMatch(/^TIMEOUT: /);
    expect(codedSyncError('malaysia: INTERNAL: stack trace at /srv/app')).toMatch(/^UPSTREAM_ERROR: /);
    expect(codedSyncError(null)).toBeNull();
  });
});

describe('feed cursors', () => {
  it('round-trip and refuse anything else as MALFORMED_CURSOR', () => {
    expect(decodeFeedCursor(encodeFeedCursor('42'))).toBe('42');
    for (const bad of ['x', Buffer.from('{"v":1,"kind":"vacancies","seq":"1"}').toString('base64url'), Buffer.from('{"v":1,"kind":"changes","seq":"-1"}').toString('base64url')]) {
      expect(reason(() => decodeFeedCursor(bad))).toBe('MALFORMED_CURSOR');
    }
  });
});
