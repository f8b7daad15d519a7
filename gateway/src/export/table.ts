import type { z } from 'zod';
import type { CsvValue } from './csv.js';
import type { GraphAnswer, RunOperation } from './graph.js';

/**
 * One kind of export: its parameters, its columns, and the pages of rows it produces by running
 * GraphQL operations. The first page carries the answer's metadata (written before the header);
 * `trailer` lines are written after the last row (an export stopped by its row cap says so).
 */
export type Metadata = Array<[string, CsvValue]>;

export interface Page {
  rows: CsvValue[][];
  metadata?: Metadata;
  /** Said after the last row: a cap reached, a country missing from a later page. */
  trailer?: Metadata;
}

export interface ExportKind<S extends z.ZodObject = z.ZodObject> {
  /** The path segment: /export/<name>.csv */
  name: string;
  params: S;
  columns(params: z.infer<S>): string[];
  pages(params: z.infer<S>, run: RunOperation): AsyncGenerator<Page>;
}

export function exportKind<S extends z.ZodObject>(kind: ExportKind<S>): ExportKind {
  return kind as unknown as ExportKind;
}

interface SourceStatus {
  country: { code: string };
  status: string;
  message?: string | null;
}

/** Per country: its sync or answer status (and why); `partial` when any is not OK. */
export function sourceLines(sources: readonly SourceStatus[], answer: GraphAnswer<unknown>): Metadata {
  const lines: Metadata = sources.map((s) => [`source[${s.country.code}]`, s.message ? `${s.status} (${s.message})` : s.status]);
  const partial = sources.some((s) => s.status !== 'OK') || answer.partial.length > 0 || answer.errors.length > 0;
  return [...lines, ['partial', partial], ...errorLines(answer)];
}

/** Errors beside data, one line each (the rows they touch have empty fields). */
export function errorLines(answer: GraphAnswer<unknown>): Metadata {
  return answer.errors.map((e) => [`error[${(e.path ?? []).join('.')}]`, `${String(e.extensions?.code ?? '')}: ${e.message}`]);
}

export interface StoreAnswer {
  perturbed: boolean;
  disclosureThreshold: number;
  asOf: ReadonlyArray<{ country: { code: string }; asOf: string | null }>;
  definitions: ReadonlyArray<{ term: string; text: string }>;
  sources: readonly SourceStatus[];
}

/** What every store answer states: disclosure control, how recent each country is, the definitions. */
export function storeLines(store: StoreAnswer, answer: GraphAnswer<unknown>): Metadata {
  return [
    ['perturbed', store.perturbed],
    ['disclosureThreshold', store.disclosureThreshold],
    ...store.asOf.map((a): [string, CsvValue] => [`asOf[${a.country.code}]`, a.asOf ?? 'never synced']),
    ...sourceLines(store.sources, answer),
    ...store.definitions.map((d): [string, CsvValue] => [`definition[${d.term}]`, d.text]),
  ];
}

/** The selections every store answer's metadata needs (storeLines reads them). */
export const STORE_METADATA =
  'perturbed disclosureThreshold asOf { country { code } asOf } definitions { term text } sources { country { code } status message }';
