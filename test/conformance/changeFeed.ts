import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveMarket, generateJobs, type AdvanceReport, type CountryProfile, type GeneratedJob, type RunningSimulator, type SimulatorOptions } from '../../simulators/core/index.js';
import { startAdapterForTest, dataOf, type AdapterForTest } from '../harness/country.js';
import type { ChangePage, ChangeRecord } from './checks.js';

/**
 * A country's change feed against its simulator's own data, over HTTP: the simulator runs a
 * LiveMarket, and the test keeps a replica of it (the same profile, seed and advances give the
 * same jobs), so every posting's expected state and positions come from the generator, not from
 * the feed under test. A full walk must equal the replica; after `POST /__sim/advance` a walk
 * from the last keyset must return exactly the postings that changed, each once, as it is now.
 */

export interface ChangeFeedSubject {
  /** The country subgraph's name (subgraphs/<name>). */
  name: string;
  /** Global id prefix. */
  country: string;
  profile: CountryProfile;
  startSimulator(options: SimulatorOptions): Promise<RunningSimulator>;
  /** The native id the simulator gives the job with this seq. */
  nativeIdOf(seed: number, seq: number): string;
}

type Keyset = { updatedAt: string; id: string } | null;

const CHANGES = `query($after: ExchangeChangeKeyset, $first: Int!) { exchangeVacancyChanges(after: $after, first: $first) {
  hasMore asOf records { id typename updatedAt postedAt state closedAt positions } } }`;
const SEARCH = `query($first: Int!) { exchangeVacancySearch(filter: {}, first: $first) { total hits { id } } }`;
const STATE: Record<GeneratedJob['state'], ChangeRecord['state']> = { open: 'OPEN', filled: 'CLOSED', withdrawn: 'WITHDRAWN' };
const SEED = 17;
const SIZE = 3000;

export function runChangeFeedChecks(subject: ChangeFeedSubject): void {
  describe(`change feed of ${subject.name} against its simulator`, () => {
    let adapter: AdapterForTest;
    const replica = new LiveMarket(generateJobs(subject.profile, SEED, SIZE), subject.profile, SEED);
    const globalId = (seq: number) => `${subject.country}:${subject.nativeIdOf(SEED, seq)}`;
    const expected = (jobs: readonly GeneratedJob[]) => jobs.map((j) => ({ id: globalId(j.seq), state: STATE[j.state], positions: j.openings }));
    const seen = (records: readonly ChangeRecord[]) => records.map((r) => ({ id: r.id, state: r.state, positions: r.positions }));
    const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

    /** Every change after `from`, 1000 at a time, and the keyset after the last one. */
    const walk = async (from: Keyset): Promise<{ records: ChangeRecord[]; last: Keyset; asOf: string }> => {
      const records: ChangeRecord[] = [];
      let after = from;
      for (;;) {
        const page = dataOf(await adapter.gql<{ exchangeVacancyChanges: ChangePage }>(CHANGES, { after, first: 1000 })).exchangeVacancyChanges;
        records.push(...page.records);
        const tail = page.records.at(-1);
        if (tail) after = { updatedAt: tail.updatedAt, id: tail.id };
        if (!page.hasMore) return { records, last: after, asOf: page.asOf };
      }
    };
    /** The simulator over HTTP and the replica in step. */
    const advance = async (changes: number): Promise<AdvanceReport> => {
      const answer = await fetch(`${adapter.sim.url}/__sim/advance`, { method: 'POST', body: JSON.stringify({ changes }) });
      expect(answer.status).toBe(200);
      const report = replica.advance({ changes });
      expect(await answer.json()).toMatchObject({ ...report, changed: expect.any(Array) });
      return report;
    };

    let keyset: Keyset = null;

    beforeAll(async () => {
      adapter = await startAdapterForTest(subject.name, await subject.startSimulator({ port: 0, seed: SEED, size: SIZE, latencyMs: [0, 0], errorRate: 0 }));
    });
    afterAll(() => adapter?.stop());

    it('walks every posting once, in every state, with the positions the simulator generated', async () => {
      const { records, last, asOf } = await walk(null);
      expect(records).toHaveLength(SIZE);
      expect(byId(seen(records))).toEqual(byId(expected(replica.jobs)));
      for (const r of records) if (r.state !== 'OPEN') expect(Date.parse(r.closedAt ?? '')).toBe(Date.parse(r.updatedAt));
      expect(Date.parse(asOf)).toBe(replica.nowMs);
      keyset = last;
    });

    it('after 1000 changes returns from the last keyset exactly the changed postings, as they are now', async () => {
      const report = await advance(1000);
      const { records, last, asOf } = await walk(keyset);
      expect(byId(seen(records))).toEqual(byId(expected(report.changed.map((seq) => replica.jobs[seq]!))));
      expect(Date.parse(asOf)).toBe(report.nowMs);
      keyset = last;
      const again = await walk(keyset);
      expect(again.records).toEqual([]);
    });

    it('shows a posting changed twice once, at its latest state', async () => {
      const from = keyset;
      const first = await advance(600);
      const second = await advance(600);
      const twice = first.changed.filter((seq) => second.changed.includes(seq));
      expect(twice.length).toBeGreaterThan(0);
      const { records } = await walk(from);
      const union = [...new Set([...first.changed, ...second.changed])];
      expect(byId(seen(records))).toEqual(byId(expected(union.map((seq) => replica.jobs[seq]!))));
      const latest = new Map(records.map((r) => [r.id, r]));
      for (const seq of twice) expect(Date.parse(latest.get(globalId(seq))!.updatedAt)).toBeGreaterThan(first.nowMs);
    });

    it('lists the new postings in the native search, and no longer the filled or withdrawn ones', async () => {
      const open = new Set(replica.jobs.filter((j) => j.state === 'open').map((j) => globalId(j.seq)));
      const page = dataOf(await adapter.gql<{ exchangeVacancySearch: { total: number; hits: Array<{ id: string }> } }>(SEARCH, { first: 50 })).exchangeVacancySearch;
      expect(page.total).toBe(open.size);
      const newest = replica.jobs.filter((j) => j.seq >= SIZE && j.state === 'open').sort((a, b) => b.postedAtMs - a.postedAtMs || b.seq - a.seq);
      expect(page.hits.filter((h) => !open.has(h.id))).toEqual([]);
      expect(page.hits.map((h) => h.id)).toContain(globalId(newest[0]!.seq));
    });
  });
}
