import { unavailable } from '../upstream/cache.js';
import type { CountryRuntime } from './runtime.js';
import { afterChangeKeyset } from './keyset.js';
import type { VacancyRecord } from './translate.js';
import { MAX_CHANGES_FIRST, checkChangeKeyset, checkFirst } from './validate.js';

/**
 * The contract's change feed the regional store harvests: one page of the national system's own
 * "changed since" feed per call, in (updatedAt asc, id asc) order, every state included. Never
 * cached: a harvester asks for what changed since it last looked, and a cached answer would hide
 * exactly that. An upstream failure is this country's UPSTREAM_* error and nothing else's.
 */

interface ChangesArgs {
  after?: { updatedAt: string; id: string } | null;
  first: number;
}

export interface ChangePage {
  records: VacancyRecord[];
  hasMore: boolean;
  asOf: string;
}

export function changeResolvers<NV, NT>(rt: CountryRuntime<NV, NT>) {
  const { adapter, upstream, translator } = rt;
  const order = {
    instantMsOf: (n: NV) => {
      try {
        return Date.parse(adapter.toLifecycle(n).updatedAt);
      } catch {
        return NaN;
      }
    },
    nativeIdOf: (n: NV) => adapter.vacancyId(n),
  };

  return {
    exchangeVacancyChanges: async (_: unknown, args: ChangesArgs): Promise<ChangePage> => {
      const first = checkFirst(args.first, MAX_CHANGES_FIRST);
      const after = checkChangeKeyset(args.after, adapter.manifest.country);
      const page = await upstream.changes(after, first).catch((error: unknown) => {
        throw unavailable(adapter.manifest.name, error);
      });
      translator.noteFetchedVacancies(page.items);
      const fresh = afterChangeKeyset(page.items, after, order);
      return { records: translator.vacancyRecords(fresh.slice(0, first)), hasMore: page.hasMore || fresh.length > first, asOf: page.asOf };
    },
  };
}
