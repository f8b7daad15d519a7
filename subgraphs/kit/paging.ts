/** Walking a national system's paged lists, done once. */

/** One page of a national list: its records and, when the API says, how many match in all. */
export interface NativePage<R> {
  items: R[];
  total?: number;
}

/**
 * Every record of a paged list: page after page until a short (or empty) page or the total.
 * `fetchPage(n, last)` asks for page n (from 0) of `pageSize` records; `last` is the previous
 * page's last record, for APIs that page by a keyset rather than by number.
 */
export async function everyPage<R>(pageSize: number, fetchPage: (n: number, last: R | undefined) => Promise<NativePage<R>>): Promise<R[]> {
  const all: R[] = [];
  for (let n = 0; ; n++) {
    const page = await fetchPage(n, all.at(-1));
    all.push(...page.items);
    if (page.items.length < pageSize || (page.total !== undefined && all.length >= page.total)) return all;
  }
}
