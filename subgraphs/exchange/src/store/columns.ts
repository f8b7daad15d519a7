/**
 * The column image of the store: every vacancy's statistical facts in typed arrays, one array per
 * fact, indexed by the vacancy's slot (its fixed small number, migrations/003). The database stays
 * the record; this is what statistics read. A statistics question touches every posting of its
 * countries — 800,000 rows at 200,000 per country — and a row-at-a-time SQL engine spends about a
 * microsecond a row on it (more in PGlite's WebAssembly), while a loop over typed arrays spends a
 * few nanoseconds. Texts are dictionary codes (0 is null); instants are epoch milliseconds (NaN is
 * null). Titles are not kept: a text filter asks the database for its slots (store/selection.ts).
 */

/** One vacancy as the image keeps it (what store/columnImage.ts reads from the database). */
export interface ColumnRow {
  slot: number;
  country: string;
  region: string | null;
  isco: string | null;
  month: string;
  employmentType: string | null;
  currency: string;
  state: 'OPEN' | 'CLOSED' | 'WITHDRAWN';
  duplicate: boolean;
  positions: number;
  recordKey: number;
  monthlyWage: number | null;
  postedAt: number;
  /** The instant it closed, whichever way (closedAt, or its last change when closed without one). */
  closedAt: number | null;
  validThrough: number | null;
}

export const STATES = ['OPEN', 'CLOSED', 'WITHDRAWN'] as const;
export const [OPEN, CLOSED, WITHDRAWN] = [0, 1, 2] as const;

/** Texts as small codes, 0 for null, in order of first sight. */
export class Dictionary {
  readonly values: Array<string | null> = [null];
  private readonly codes = new Map<string, number>();

  code(value: string | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of a value, or undefined when the image has never seen it. */
  find(value: string): number | undefined {
    return this.codes.get(value);
  }

  get size(): number {
    return this.values.length;
  }
}

const INITIAL_CAPACITY = 1024;

export class VacancyColumns {
  /** One past the highest slot seen: loops run over [0, size). A slot never seen has country 0. */
  size = 0;
  rows = 0;
  readonly dictionaries = { country: new Dictionary(), region: new Dictionary(), isco: new Dictionary(), month: new Dictionary(), employmentType: new Dictionary(), currency: new Dictionary() };
  country = new Uint16Array(INITIAL_CAPACITY);
  region = new Uint32Array(INITIAL_CAPACITY);
  isco = new Uint32Array(INITIAL_CAPACITY);
  month = new Uint32Array(INITIAL_CAPACITY);
  employmentType = new Uint16Array(INITIAL_CAPACITY);
  currency = new Uint16Array(INITIAL_CAPACITY);
  state = new Uint8Array(INITIAL_CAPACITY);
  duplicate = new Uint8Array(INITIAL_CAPACITY);
  positions = new Int32Array(INITIAL_CAPACITY);
  recordKey = new Float64Array(INITIAL_CAPACITY);
  monthlyWage = new Float64Array(INITIAL_CAPACITY);
  postedAt = new Float64Array(INITIAL_CAPACITY);
  closedAt = new Float64Array(INITIAL_CAPACITY);
  validThrough = new Float64Array(INITIAL_CAPACITY);

  /** Writes a vacancy's current facts into its slot (a second put of the same slot replaces the first). */
  put(r: ColumnRow): void {
    const i = r.slot;
    if (!Number.isInteger(i) || i < 0) throw new RangeError(`not a slot: ${i}`);
    if (i >= this.country.length) this.grow(i + 1);
    if (this.country[i] === 0) this.rows += 1;
    const d = this.dictionaries;
    this.country[i] = d.country.code(r.country);
    this.region[i] = d.region.code(r.region);
    this.isco[i] = d.isco.code(r.isco);
    this.month[i] = d.month.code(r.month);
    this.employmentType[i] = d.employmentType.code(r.employmentType);
    this.currency[i] = d.currency.code(r.currency);
    this.state[i] = STATES.indexOf(r.state);
    this.duplicate[i] = r.duplicate ? 1 : 0;
    this.positions[i] = r.positions;
    this.recordKey[i] = r.recordKey;
    this.monthlyWage[i] = r.monthlyWage ?? NaN;
    this.postedAt[i] = r.postedAt;
    this.closedAt[i] = r.closedAt ?? NaN;
    this.validThrough[i] = r.validThrough ?? NaN;
    this.size = Math.max(this.size, i + 1);
  }

  /** Bytes held by the arrays (for /ready and the benchmark). */
  get bytes(): number {
    return ARRAYS.reduce((sum, name) => sum + this[name].byteLength, 0);
  }

  private grow(needed: number): void {
    let capacity = this.country.length;
    while (capacity < needed) capacity *= 2;
    for (const name of ARRAYS) {
      const old = this[name];
      const next = new (old.constructor as new (n: number) => typeof old)(capacity);
      next.set(old as never);
      (this as Record<string, unknown>)[name] = next;
    }
  }
}

const ARRAYS = ['country', 'region', 'isco', 'month', 'employmentType', 'currency', 'state', 'duplicate', 'positions', 'recordKey', 'monthlyWage', 'postedAt', 'closedAt', 'validThrough'] as const;
