import type { SearchResult, TrainingFilter } from './country/adapter.js';
import type { TrainingOfferModel } from './model.js';

/**
 * Training catalogues pulled whole, done once: national course services are small and filter one
 * province or one code at a time, if at all, so an adapter pulls the catalogue and the kit filters,
 * orders and pages it.
 */

/**
 * The records of a catalogue that match a filter, judged on their own translation — the ISCO-08
 * units, region and start date the answers show, so a filter finds exactly what the same records
 * say — in the contract's order: soonest start first, undated last, ties by native id. `text` is
 * what a free-text filter searches (default: the title and the provider). A record that cannot be
 * translated is left out, as from every hit list. Skills are not filtered: the catalogues name none.
 */
export function trainingsMatching<N>(all: readonly N[], filter: TrainingFilter, toModel: (native: N) => TrainingOfferModel<N>, text?: (native: N) => string): N[] {
  const prefixes = filter.iscoCodes ?? [];
  const regions = new Set(filter.regions ?? []);
  const words = filter.text?.toLowerCase();
  // Courses are dated, not timed: one starting on the day of `startsAfter` counts.
  const from = filter.startsAfter?.slice(0, 10);
  const keep = (t: TrainingOfferModel<N>) =>
    (prefixes.length === 0 || t.iscoCodes.some((code) => prefixes.some((prefix) => code.startsWith(prefix)))) &&
    (regions.size === 0 || (t.regionCode !== null && regions.has(t.regionCode))) &&
    (!words || (text ? text(t.native) : `${t.title} ${t.provider.name}`).toLowerCase().includes(words)) &&
    (!from || (t.startDate !== null && t.startDate >= from));
  const kept = all.flatMap((native) => {
    try {
      const offer = toModel(native);
      return keep(offer) ? [offer] : [];
    } catch {
      return [];
    }
  });
  return kept.sort(soonestFirst).map((t) => t.native);
}

function soonestFirst(a: TrainingOfferModel<unknown>, b: TrainingOfferModel<unknown>): number {
  const [x, y] = [a.startDate ?? '9999', b.startDate ?? '9999'];
  return x < y ? -1 : x > y ? 1 : a.nativeId < b.nativeId ? -1 : a.nativeId > b.nativeId ? 1 : 0;
}

/** A search over a catalogue pulled whole, filtered and ordered: each page is a slice of the pull. */
export function slicesOf<F, N>(all: (filter: F) => Promise<N[]>): (filter: F, first: number, offset: number) => Promise<SearchResult<N>> {
  return async (filter, first, offset) => {
    const items = await all(filter);
    return { total: items.length, items: items.slice(offset, offset + first) };
  };
}
