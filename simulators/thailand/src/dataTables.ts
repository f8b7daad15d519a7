import { BadRequest, type SimResponse } from '../../core/index.js';
import { firstChangedSince, matchJobs, type Criterion, type DoeData, type JobQuery } from './jobIndex.js';
import { beDateTimeSeconds, parseBeDateTime, WAGE_TYPES, type DoeJob } from './native.js';

/**
 * DataTables server-side processing as the platform's job list speaks it: `draw`, `start`,
 * `length` (at most 100; -1 = every match, as DataTables allows), `search[value]`,
 * `order[0][column]` / `order[0][dir]` over `columns[n][data]`, and the platform's own
 * `criteria[...]` filters.
 */

export const MAX_LENGTH = 100;
/** The update feed pages larger: provincial offices and partners mirror the platform through it. */
export const MAX_UPDATE_LENGTH = 1000;
/** The list page's columns when the request does not name them (`columns[n][data]`). */
const DEFAULT_COLUMNS = ['job_id', 'position', 'employer_name', 'province_name', 'wage_min', 'anounce_date', 'expire_date'];
const SORTABLE = new Set(['anounce_date', 'job_id', 'wage_min', 'expire_date']);
const LISTED: Record<Criterion, string> = {
  province_id: 'criteria[province_id]',
  occupation_code: 'criteria[occupation_code]',
  job_type: 'criteria[job_type]',
  degree_name: 'criteria[degree_name]',
};
const NUMERIC: ReadonlySet<Criterion> = new Set(['province_id', 'job_type']);

export function listJobs(data: DoeData, form: URLSearchParams): SimResponse {
  const draw = integer(form.get('draw') ?? '1', 'draw');
  const start = integer(form.get('start') ?? '0', 'start');
  const length = integer(form.get('length') ?? '10', 'length');
  if (start < 0) throw new BadRequest('start ต้องไม่ติดลบ');
  if (length !== -1 && (length < 1 || length > MAX_LENGTH)) throw new BadRequest(`length ต้องอยู่ระหว่าง 1-${MAX_LENGTH} หรือ -1`);
  const positions = ordered(data, matchJobs(data, jobQuery(form)), form);
  const page = length === -1 ? positions.subarray(start) : positions.subarray(start, start + length);
  return { json: { draw, recordsTotal: data.jobs.length, recordsFiltered: positions.length, data: Array.from(page, (p) => data.jobs[p]!) } };
}

/**
 * The update feed (ajax_list_job_update), DataTables-shaped like the job list: every posting in
 * every status updated at or after `criteria[update_since]` (BE "dd/mm/yyyy HH:MM[:SS]", local
 * time; every posting without it), oldest update first (update_date asc, job_id asc), with
 * `server_time`, the platform's clock, in the same BE form.
 */
export function listUpdates(data: DoeData, form: URLSearchParams): SimResponse {
  const draw = integer(form.get('draw') ?? '1', 'draw');
  const start = integer(form.get('start') ?? '0', 'start');
  const length = integer(form.get('length') ?? '100', 'length');
  if (start < 0) throw new BadRequest('start ต้องไม่ติดลบ');
  if (length < 1 || length > MAX_UPDATE_LENGTH) throw new BadRequest(`length ต้องอยู่ระหว่าง 1-${MAX_UPDATE_LENGTH}`);
  const since = beCriterion(form.get('criteria[update_since]'), 'update_since');
  const from = since === undefined ? 0 : firstChangedSince(data, since);
  const page = data.changes.slice(from + start, from + start + length);
  return { json: { draw, recordsTotal: data.changes.length, recordsFiltered: data.changes.length - from, data: page, server_time: beDateTimeSeconds(data.now()) } };
}

function jobQuery(form: URLSearchParams): JobQuery {
  const criteria = new Map<Criterion, string[]>();
  for (const [criterion, key] of Object.entries(LISTED) as Array<[Criterion, string]>) {
    const values = list(form, key);
    if (values.length === 0) continue;
    if (NUMERIC.has(criterion)) values.forEach((v) => integer(v, key));
    criteria.set(criterion, values);
  }
  const before = beCriterion(form.get('criteria[announce_before]'), 'announce_before');
  const since = beCriterion(form.get('criteria[announce_since]'), 'announce_since');
  const wageMin = form.get('criteria[wage_min]') ? integer(form.get('criteria[wage_min]') ?? '', 'wage_min') : undefined;
  const skills = list(form, 'criteria[skill]').map((s) => s.toLowerCase());
  const text = (form.get('search[value]') ?? '').trim().toLowerCase();
  const residual = (job: DoeJob) =>
    (wageMin === undefined || monthlyEquivalent(job) >= wageMin) &&
    (skills.length === 0 || (job.skills ?? []).some((s) => skills.includes(s.toLowerCase()))) &&
    (!text || `${job.position} ${job.employer_name}`.toLowerCase().includes(text));
  return {
    criteria,
    ...(before === undefined ? {} : { before }),
    ...(since === undefined ? {} : { since }),
    ...(wageMin !== undefined || skills.length > 0 || text ? { residual } : {}),
  };
}

/** criteria[wage_min] compares what a month of the job pays: daily × 26, hourly × 208; hidden pay never matches. */
function monthlyEquivalent(job: DoeJob): number {
  if (!job.wage_min) return -1;
  return job.wage_min * (job.wage_type === WAGE_TYPES.DAY ? 26 : job.wage_type === WAGE_TYPES.HOUR ? 208 : 1);
}

/** Newest first unless `order[0]` says otherwise; ties keep the newest-first order. */
function ordered(data: DoeData, positions: Int32Array, form: URLSearchParams): Int32Array {
  const index = form.get('order[0][column]');
  if (index === null) return positions;
  const n = integer(index, 'order[0][column]');
  const column = form.get(`columns[${n}][data]`) ?? DEFAULT_COLUMNS[n];
  const dir = form.get('order[0][dir]') ?? 'asc';
  if (!column || !SORTABLE.has(column)) throw new BadRequest(`ไม่สามารถเรียงลำดับตามคอลัมน์ ${column ?? n} ได้`);
  if (dir !== 'asc' && dir !== 'desc') throw new BadRequest('order[0][dir] ต้องเป็น asc หรือ desc');
  if (column === 'anounce_date') return dir === 'desc' ? positions : positions.slice().reverse();
  const key = sortKey(data, column);
  const sign = dir === 'asc' ? 1 : -1;
  return positions.slice().sort((a, b) => sign * (key(a) - key(b)) || a - b);
}

function sortKey(data: DoeData, column: string): (position: number) => number {
  const job = (p: number) => data.jobs[p]!;
  if (column === 'job_id') return (p) => job(p).job_id;
  if (column === 'wage_min') return (p) => monthlyEquivalent(job(p));
  return (p) => parseBeDateTime(job(p).expire_date) ?? 0;
}

function list(form: URLSearchParams, key: string): string[] {
  return (form.get(key) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function beCriterion(value: string | null, name: string): number | undefined {
  if (!value) return undefined;
  const ms = parseBeDateTime(value);
  if (ms === undefined) throw new BadRequest(`${name} ต้องเป็นวันที่ พ.ศ. รูปแบบ dd/mm/yyyy HH:MM`);
  return ms;
}

export function integer(text: string, name: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n)) throw new BadRequest(`${name} ไม่ถูกต้อง`);
  return n;
}
