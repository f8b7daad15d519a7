import { describe, expect, it } from 'vitest';
import { everyPage } from './paging.js';

const records = Array.from({ length: 7 }, (_, i) => i + 1);

describe('paging', () => {
  it('walks numbered pages until a short page', async () => {
    const asked: number[] = [];
    const all = await everyPage(3, async (n) => {
      asked.push(n);
      return { items: records.slice(n * 3, n * 3 + 3) };
    });
    expect(all).toEqual(records);
    expect(asked).toEqual([0, 1, 2]);
  });

  it('walks a keyset by the last record, stopping at the total without an empty call', async () => {
    const asked: Array<number | undefined> = [];
    const six = records.slice(0, 6);
    const all = await everyPage<number>(3, async (_, last) => {
      asked.push(last);
      const from = last === undefined ? 0 : six.indexOf(last) + 1;
      return { items: six.slice(from, from + 3), total: six.length };
    });
    expect(all).toEqual(six);
    expect(asked).toEqual([undefined, 3]);
  });
});
