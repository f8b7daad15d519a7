/** Thai Mee Ngan Tham's records, as its DataTables endpoint and the DSD XML service return them. */
export interface DoeJob {
  job_id: number;
  job_from: string | null;
  detail_path: string | null;
  position: string;
  employer_name: string | null;
  district_name: string | null;
  province_id: number | null;
  province_name: string | null;
  /** DOE occupation code, 6 digits on ISCO-88. */
  occupation_code: string | null;
  tsic_code: string | null;
  /** THB per wage_type; null, or 0 on older postings, when hidden. */
  wage_min: number | null;
  wage_max: number | null;
  /** รายวัน (daily) | รายเดือน (monthly) | รายชั่วโมง (hourly) */
  wage_type: string | null;
  /** Free text; "ตามตกลง" = negotiable. */
  salary_detail: string | null;
  description: string | null;
  contract_type_name: string | null;
  job_type: number | null;
  job_type_name: string | null;
  degree_name: string | null;
  /** Buddhist Era local time "22/11/2569 14:05" (sic). */
  anounce_date: string;
  expire_date: string | null;
  skills: string[] | null;
  vacancy_count: number | null;
  ref_job_id: number | null;
  /** เปิดรับสมัคร (open) | ได้คนแล้ว (filled) | ยกเลิกประกาศ (withdrawn). */
  job_status: string | null;
  /** Buddhist Era local time "20/11/2569 14:05:09": the last change. */
  update_date: string | null;
  /** Buddhist Era local time of the filling or withdrawal; null while open. */
  close_date: string | null;
}

/** A DSD course from the XML service (attribute `id`, child elements for the rest). */
export interface DsdCourse {
  id: string;
  course_name: string;
  institute: string;
  institute_type: string | null;
  province_id: number | null;
  province_name: string | null;
  /** Buddhist Era date "10/03/2570". */
  start_date: string | null;
  hours: number | null;
  seats: number | null;
  fee: number | null;
  mode: string | null;
  certification: string | null;
  occupation_code: string | null;
}
