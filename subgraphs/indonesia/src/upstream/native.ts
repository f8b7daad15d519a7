/** Karirhub's records as its Algolia index and Skillhub return them (see simulators/indonesia). */
export interface KarirhubHit {
  objectID: string;
  job_id: number;
  /** Null in a record a partner feed delivered broken. */
  title: string | null;
  company_name: string | null;
  city_name: string | null;
  province_name: string | null;
  industry_name: string | null;
  kbli_code: string | null;
  job_function_name: string | null;
  kbji_code: string | null;
  skills: string[] | null;
  platform_link: string | null;
  /** Unix seconds. */
  published_at: number;
  expired_at: number | null;
  job_type: string | null;
  education_min: string | null;
  experience_min_years: number | null;
  age_range: string | null;
  inclusive_workplace: boolean | null;
  /** IDR per month; null when hidden. */
  salary_min: number | null;
  salary_max: number | null;
  /** "Rp 3.000.000 - Rp 3.800.000 per bulan", "Gaji nego", "Gaji Kompetitif". */
  salary_text: string | null;
  description: string | null;
  vacancy_count: number | null;
  original_object_id: string | null;
  /** aktif | terisi (filled) | ditarik (withdrawn). */
  status: string | null;
  /** Unix seconds of the last change (publication, edit, closing). */
  updated_at_timestamp: number | null;
  /** Unix seconds it was filled or withdrawn; null while aktif. */
  closed_at: number | null;
}

export interface Pelatihan {
  id: string;
  nama_pelatihan: string;
  lembaga: string;
  jenis_lembaga: string | null;
  kejuruan: string | null;
  kbji_code: string | null;
  provinsi: string | null;
  /** "11 Februari 2026". */
  tanggal_mulai: string | null;
  durasi_jam: number | null;
  kuota: number | null;
  biaya: number | null;
  /** luring | daring | blended */
  metode: string | null;
  sertifikasi: string | null;
}
