import type { EmploymentType, LifecycleModel, PostingState, TrainingMode, TrainingOfferModel, VacancyModel } from '../../../kit/index.js';
import { educationToIsced, regionByName, utcOffsetOf } from '../../../kit/reference.js';
import { feeOf, globalId, isoInOffset, occupationOf, salaryOf, skillsOf, tidy } from '../../../kit/translation.js';
import type { KarirhubHit, Pelatihan } from './native.js';

/** Karirhub → the shared model. Pure; throws only for a record without id, title or date (that record alone fails). */

/** Jakarta's offset (WIB, UTC+7): Karirhub's own clock (`server_time`) is read in it. */
export const WIB = 7;

export const JOB_TYPES: Record<string, EmploymentType> = {
  'Penuh Waktu': 'FULL_TIME',
  Kontrak: 'CONTRACT',
  'Paruh Waktu': 'PART_TIME',
  Magang: 'INTERNSHIP',
  'Harian Lepas': 'DAILY',
};

const MODES: Record<string, TrainingMode> = { luring: 'IN_PERSON', daring: 'ONLINE', blended: 'BLENDED' };
const MONTHS = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];

export function toVacancy(hit: KarirhubHit): VacancyModel<KarirhubHit> {
  if (!hit.objectID || !hit.title?.trim() || !Number.isFinite(hit.published_at)) throw new Error('Karirhub record without id, title or published_at');
  const { nationalCode, iscoCode } = occupationOf('KBJI-2014', hit.kbji_code);
  const education = hit.education_min?.trim() || null;
  const regionCode = regionOf(hit);
  const offset = offsetOf(hit);
  return {
    id: globalId('ID', hit.objectID),
    nativeId: hit.objectID,
    title: tidy(hit.title),
    description: hit.description,
    employer: hit.company_name ? { name: tidy(hit.company_name), industryCode: hit.kbli_code, industryScheme: hit.kbli_code ? 'KBLI-2020' : null } : null,
    regionCode,
    nativeRegion: [hit.city_name, hit.province_name].filter(Boolean).map((s) => tidy(s as string)).join(', ') || null,
    iscoCode,
    nationalCode,
    ...skillsOf((hit.skills ?? []).map((name) => ({ name })), iscoCode),
    salary: salaryOf({ min: hit.salary_min, max: hit.salary_max, currency: 'IDR', period: 'MONTH', country: 'ID', on: new Date(hit.published_at * 1000).toISOString(), text: hit.salary_text }),
    employmentType: hit.job_type ? (JOB_TYPES[hit.job_type.trim()] ?? 'OTHER') : null,
    education: education ? { iscedLevel: educationToIsced('ID', education) ?? null, nativeLabel: education } : null,
    postedAt: isoInOffset(hit.published_at * 1000, offset),
    validThrough: hit.expired_at ? isoInOffset(hit.expired_at * 1000, offset) : null,
    applyUrl: hit.platform_link ?? `https://karirhub.kemnaker.go.id/lowongan-dalam-negeri/lowongan/${hit.objectID}`,
    duplicateOf: hit.original_object_id ? globalId('ID', hit.original_object_id) : null,
    sourceUrl: `https://karirhub.kemnaker.go.id/lowongan-dalam-negeri/lowongan/${hit.objectID}`,
    native: hit,
  };
}

function regionOf(hit: KarirhubHit): string | null {
  return hit.province_name ? (regionByName('ID', hit.province_name) ?? null) : null;
}

/**
 * Karirhub's timestamps are instants; each posting is shown in its province's legal time
 * (WIB +7, WITA +8, WIT +9), Jakarta's when the province is unknown.
 */
function offsetOf(hit: KarirhubHit): number {
  return utcOffsetOf('ID', regionOf(hit));
}

const STATES: Record<string, PostingState> = { aktif: 'OPEN', terisi: 'CLOSED', ditarik: 'WITHDRAWN' };

/** Karirhub's sync fields → the lifecycle; throws for a record without a change date or with an unknown status. */
export function toLifecycle(hit: KarirhubHit): LifecycleModel {
  const state = STATES[(hit.status ?? '').trim().toLowerCase()];
  if (!state || typeof hit.updated_at_timestamp !== 'number' || !Number.isFinite(hit.updated_at_timestamp)) {
    throw new Error(`Karirhub record with status "${hit.status}" and updated_at_timestamp ${hit.updated_at_timestamp}`);
  }
  return {
    updatedAt: isoInOffset(hit.updated_at_timestamp * 1000, offsetOf(hit)),
    state,
    closedAt: state !== 'OPEN' && hit.closed_at !== null ? isoInOffset(hit.closed_at * 1000, offsetOf(hit)) : null,
    positions: Math.max(1, hit.vacancy_count ?? 1),
  };
}

export function toTrainingOffer(p: Pelatihan): TrainingOfferModel<Pelatihan> {
  if (!p.id) throw new Error('Skillhub record without id');
  const { nationalCode, iscoCode } = occupationOf('KBJI-2014', p.kbji_code);
  return {
    id: globalId('ID', p.id),
    nativeId: p.id,
    title: tidy(p.nama_pelatihan),
    provider: { name: tidy(p.lembaga), kind: p.jenis_lembaga },
    regionCode: p.provinsi ? (regionByName('ID', p.provinsi) ?? null) : null,
    nativeRegion: p.provinsi,
    iscoCodes: iscoCode ? [iscoCode] : [],
    nationalCodes: nationalCode ? [nationalCode] : [],
    skillIds: [],
    startDate: p.tanggal_mulai ? indonesianDateToIso(p.tanggal_mulai) : null,
    duration: p.durasi_jam ? `PT${p.durasi_jam}H` : null,
    fee: feeOf(p.biaya, 'IDR', 'ID'),
    seats: p.kuota,
    mode: p.metode ? (MODES[p.metode.toLowerCase()] ?? null) : null,
    certification: p.sertifikasi,
    sourceUrl: `https://skillhub.kemnaker.go.id/pelatihan/${p.id}`,
    native: p,
  };
}

/** "11 Februari 2026" → "2026-02-11"; undefined month names throw (only that record fails). */
export function indonesianDateToIso(text: string): string {
  const match = /^\s*(\d{1,2})\s+(\p{L}+)\s+(\d{4})\s*$/u.exec(text);
  const month = match ? MONTHS.indexOf((match[2] ?? '').toLowerCase()) : -1;
  if (!match || month < 0) throw new Error(`not an Indonesian date: "${text}"`);
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
}
