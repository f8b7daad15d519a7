import { createRng, dirty, type GeneratedCourse, type GeneratedJob } from '../../core/index.js';
import { cityOf } from './profile.js';

/** A Karirhub search hit, exactly as the portal's Algolia index returns it. */
export interface KarirhubHit {
  objectID: string;
  id: string;
  job_id: number;
  /** Null only for a record a partner feed delivered broken. */
  title: string | null;
  company_name: string;
  city_name: string;
  province_name: string;
  industry_name: string;
  kbli_code: string;
  job_function_name: string;
  kbji_code: string | null;
  kbji_hierarchy: { lvl0: string; lvl1: string; lvl2: string; lvl3: string } | null;
  skills: string[];
  platform_link: string | null;
  published_at: number;
  expired_at: number;
  job_type: string;
  education_min: string;
  experience_min_years: number;
  age_range: string | null;
  inclusive_workplace: boolean;
  salary_min: number | null;
  salary_max: number | null;
  salary_text: string;
  description: string;
  vacancy_count: number;
  /** Karirhub's own link from a syndicated copy to the posting it re-lists (its dedup hint). */
  original_object_id: string | null;
  /** aktif (listed) | terisi (filled) | ditarik (withdrawn by the employer). */
  status: KarirhubStatus;
  /** Unix seconds of the last change (publication, edit, closing): the sync index's order. */
  updated_at_timestamp: number;
  /** Unix seconds the posting was filled or withdrawn; null while aktif. */
  closed_at: number | null;
}

export type KarirhubStatus = 'aktif' | 'terisi' | 'ditarik';

const STATUS: Record<GeneratedJob['state'], KarirhubStatus> = { open: 'aktif', filled: 'terisi', withdrawn: 'ditarik' };

const INDUSTRIES: Record<string, [string, string]> = {
  '1': ['Jasa Profesional', '70209'], '2': ['Informasi dan Komunikasi', '62019'], '3': ['Industri Pengolahan', '28299'],
  '4': ['Jasa Keuangan', '64190'], '5': ['Perdagangan Eceran', '47111'], '6': ['Pertanian', '01135'],
  '7': ['Konstruksi', '43221'], '8': ['Industri Pengolahan', '25110'], '9': ['Jasa Kebersihan', '81210'], '0': ['Administrasi Pemerintahan', '84220'],
};

/** Stable, opaque ids derived from the seed and position, like an index's objectIDs. */
export function objectIdOf(seed: number, seq: number): string {
  return (((seed * 7919) ^ Math.imul(seq + 1, 2654435761)) >>> 0).toString(16).padStart(8, '0') + seq.toString(16).padStart(6, '0');
}

export function toHit(job: GeneratedJob, seed: number): KarirhubHit {
  const rng = createRng(seed ^ Math.imul(job.seq + 1, 374761393));
  const [industry, kbli] = INDUSTRIES[job.occupation.iscoCode[0] ?? '9'] ?? ['Lainnya', '00000'];
  const code = job.nationalCode;
  const objectID = objectIdOf(seed, job.seq);
  return {
    objectID,
    id: objectID,
    job_id: 100_000 + job.seq,
    title: dirty(rng, job.title),
    company_name: dirty(rng, job.employer),
    city_name: cityOf(rng, job.region),
    province_name: dirty(rng, job.region.name),
    industry_name: industry,
    kbli_code: kbli,
    job_function_name: job.occupation.title,
    kbji_code: code,
    kbji_hierarchy: code ? { lvl0: code.slice(0, 1), lvl1: code.slice(0, 2), lvl2: code.slice(0, 3), lvl3: code.slice(0, 4) } : null,
    skills: [...job.skills.map((s) => s.label), ...(job.freeTextSkill ? [job.freeTextSkill] : [])],
    platform_link: job.partner ? `https://${job.partner.toLowerCase()}.co.id/lowongan/${objectID}` : null,
    published_at: job.postedAtMs / 1000,
    expired_at: job.expiresAtMs / 1000,
    job_type: job.employmentType,
    education_min: job.education,
    experience_min_years: rng.pick([0, 0, 1, 1, 2, 3, 5]),
    age_range: rng.chance(0.6) ? `${rng.pick([18, 20, 21])}-${rng.pick([30, 35, 40, 45])} tahun` : null,
    inclusive_workplace: rng.chance(0.12),
    salary_min: job.wage?.min ?? null,
    salary_max: job.wage?.max ?? null,
    salary_text: job.wage ? `Rp ${formatIdr(job.wage.min)} - Rp ${formatIdr(job.wage.max)} per bulan` : rng.pick(['Gaji nego', 'Gaji Kompetitif']),
    description: `Dibutuhkan ${job.occupation.title} untuk penempatan di ${job.region.name}. Pendidikan minimal ${job.education}.`,
    vacancy_count: job.openings,
    original_object_id: job.duplicateOf === null ? null : objectIdOf(seed, job.duplicateOf),
    status: STATUS[job.state],
    updated_at_timestamp: job.updatedAtMs / 1000,
    closed_at: job.closedAtMs === null ? null : job.closedAtMs / 1000,
  };
}

/** A Skillhub (BLK) training programme. */
export interface Pelatihan {
  id: string;
  nama_pelatihan: string;
  lembaga: string;
  jenis_lembaga: string;
  kejuruan: string;
  kbji_code: string;
  provinsi: string;
  tanggal_mulai: string;
  durasi_jam: number;
  kuota: number;
  biaya: number;
  metode: string;
  sertifikasi: string;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

export function toPelatihan(course: GeneratedCourse): Pelatihan {
  return {
    id: `PLT-${String(course.seq + 1).padStart(6, '0')}`,
    nama_pelatihan: course.title,
    lembaga: course.provider.name,
    jenis_lembaga: course.provider.kind,
    kejuruan: course.occupation.title,
    kbji_code: course.occupation.code,
    provinsi: course.region.name,
    tanggal_mulai: indonesianDate(course.startMs),
    durasi_jam: course.hours,
    kuota: course.seats,
    biaya: course.fee,
    metode: course.mode,
    sertifikasi: course.certification,
  };
}

/** "11 Februari 2026": how Indonesian government sites write dates (WIB calendar day). */
export function indonesianDate(ms: number): string {
  const d = new Date(ms + 7 * 3_600_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "3.500.000": Indonesian digit grouping (written out: Intl formatting costs seconds at 200k postings). */
function formatIdr(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
