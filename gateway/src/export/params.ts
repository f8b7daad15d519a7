import { z } from 'zod';

/**
 * The query string of an export, checked with zod before anything runs. Parameters mirror the
 * graph's arguments by name; lists are comma separated (or the parameter repeated). Only the shape
 * is checked here — whether a date parses, a country or currency is known, a period is too long —
 * is left to the graph, so the export answers with the graph's own reasons. An unknown parameter
 * is refused (a misspelt `grupBy` must not silently export the default grouping).
 */
export interface ParamProblem {
  reason: 'UNKNOWN_PARAMETER' | 'INVALID_VALUE';
  argument: string;
  message: string;
}

const MAX_TEXT = 200;
const MAX_LIST = 50;

export const text = (max = MAX_TEXT) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
export const upper = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.enum(values, { error: `one of ${values.join(', ')}` }));
export const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, 'at least one value').max(MAX_LIST, `at most ${MAX_LIST} values`));
export const flag = z.enum(['true', 'false'], { error: 'true or false' }).transform((v) => v === 'true');
export const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `at least ${min}`).max(max, `at most ${max}`));

export const STATS_DIMENSIONS = ['COUNTRY', 'REGION', 'ISCO_MAJOR', 'ISCO_SUB_MAJOR', 'ISCO_MINOR', 'ISCO_UNIT', 'MONTH'] as const;
const EMPLOYMENT_TYPES = ['FULL_TIME', 'PART_TIME', 'CONTRACT', 'TEMPORARY', 'INTERNSHIP', 'DAILY', 'GIG', 'OTHER'] as const;

/** What every export takes: metadata lines on or off, a byte order mark for Excel, the label language. */
export const commonParams = {
  metadata: flag.default(true),
  bom: flag.default(false),
  lang: z.enum(['en', 'id', 'ms', 'th'], { error: 'one of en, id, ms, th' }).optional(),
};

/** VacancyFilter, flattened into parameters of the same names. */
export const filterParams = {
  countries: list(text(2)).optional(),
  iscoCode: text(4).optional(),
  regions: list(text(10)).optional(),
  skills: list(text()).optional(),
  text: text().optional(),
  minMonthlyWage: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'a non-negative number')
    .transform(Number)
    .optional(),
  minMonthlyWageCurrency: text(3).optional(),
  postedSince: text(40).optional(),
  employmentTypes: list(upper(EMPLOYMENT_TYPES)).optional(),
  educationLevels: list(integer(0, 8)).optional(),
};

export const statsOptions = {
  groupBy: list(upper(STATS_DIMENSIONS)).optional(),
  currency: text(3).optional(),
  includeDuplicates: flag.optional(),
};

/** The graph's VacancyFilter from the flattened parameters; undefined when none is given. */
export function vacancyFilter(p: Partial<z.infer<z.ZodObject<typeof filterParams>>>): Record<string, unknown> | undefined {
  const filter: Record<string, unknown> = {};
  for (const name of FILTER_FIELDS) if (p[name] !== undefined) filter[name] = p[name];
  if (p.minMonthlyWage !== undefined) filter.minMonthlyWage = { amount: p.minMonthlyWage, currency: p.minMonthlyWageCurrency ?? 'USD' };
  return Object.keys(filter).length ? filter : undefined;
}

const FILTER_FIELDS = ['countries', 'iscoCode', 'regions', 'skills', 'text', 'postedSince', 'employmentTypes', 'educationLevels'] as const;

/** The query string as one string per name (a repeated name joined with commas), then checked. */
export function parseParams<S extends z.ZodObject>(schema: S, search: URLSearchParams): { ok: true; value: z.infer<S> } | { ok: false; problem: ParamProblem } {
  const raw: Record<string, string> = {};
  for (const name of new Set(search.keys())) raw[name] = search.getAll(name).join(',');
  const parsed = schema.strict().safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data as z.infer<S> };
  return { ok: false, problem: problemOf(parsed.error.issues[0]) };
}

function problemOf(issue: z.core.$ZodIssue | undefined): ParamProblem {
  if (issue?.code === 'unrecognized_keys') {
    return { reason: 'UNKNOWN_PARAMETER', argument: issue.keys.join(','), message: `Unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}.` };
  }
  const argument = String(issue?.path[0] ?? '');
  const message = issue?.code === 'invalid_type' ? 'is required' : (issue?.message ?? 'is invalid');
  return { reason: 'INVALID_VALUE', argument, message: `${argument}: ${message}.` };
}
