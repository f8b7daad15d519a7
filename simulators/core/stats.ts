import type { SimStats } from './types.js';

/** Counts requests served per route name; `/__sim/*` calls are never counted. */
export class RequestCounter {
  private counts = new Map<string, number>();

  count(route: string): void {
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  snapshot(): SimStats {
    const byRoute = Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    return { total: [...this.counts.values()].reduce((a, b) => a + b, 0), byRoute };
  }

  reset(): void {
    this.counts.clear();
  }
}
