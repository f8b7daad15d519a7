/**
 * The definitions every store statistic states in its answer (and, in short, in the schema's
 * descriptions). One place, so the answer, the schema and the docs cannot drift apart.
 */
export const STATS_DEFINITIONS = [
  { term: 'reference date', text: 'The instant the stock is counted at: at as given (a date means the end of that day, UTC); without at, the end of the period\'s last day; without either, the store\'s as-of — the earliest asOf of the countries counted, when the store holds all of them complete.' },
  { term: 'open vacancy stock', text: 'Postings open at the reference instant (the end of the reference day, UTC): posted before it, not filled or withdrawn by then, and not past their validThrough date.' },
  { term: 'new postings (flow)', text: 'Postings first published within the period, from the first day 00:00 to the end of the last day (UTC).' },
  { term: 'positions', text: 'The openings a posting offers (one posting may hire several people); postings count each posting once.' },
  { term: 'duplicates', text: 'A posting marked by its country as a copy of another (syndicated, republished) is left out unless includeDuplicates is true.' },
  { term: 'vacancy duration', text: 'Days from posting to filling, over postings filled within the period (withdrawn postings are not filled); mean and median.' },
  { term: 'monthly wage', text: 'Quartiles of the open stock\'s offered monthly wages, converted with the rate table of the reference date, rounded to whole units; published only from at least the disclosure threshold of distinct wages.' },
  { term: 'posting month', text: 'MONTH groups vacancies by their local month of posting; training offers by their own start month.' },
  { term: 'training supply', text: 'trainingOffers and trainingSeats come live from the countries\' training systems (not from the store), for the same occupations and places.' },
  { term: 'disclosure control', text: 'Every count is perturbed by the cell key method (noise -2..2 fixed per set of vacancies), then suppressed below the disclosure threshold; see docs/SECURITY.md.' },
  { term: 'as of', text: 'Each country\'s data is complete up to its asOf instant (its last successful sync); a country never synced is left out and listed as NOT_SYNCED.' },
] as const;
