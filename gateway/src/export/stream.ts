import type { ServerResponse } from 'node:http';
import { sendJson } from '../../../core/http.js';
import type { Logger } from '../../../core/log.js';
import { csvRecord, metadataLine } from './csv.js';
import { ExportRefused } from './graph.js';
import type { Metadata, Page } from './table.js';

/**
 * Writes an export as it is produced: the first page decides the status (a refused or failed
 * first operation is a JSON error with its status, like /graphql's), then the metadata lines,
 * the header and each page's rows, waiting for the socket to drain before asking for the next
 * page. A failure after the first row cannot change the status any more: a `# error:` line is
 * written and the connection is cut without the final chunk, so a client (curl exits 18) sees
 * a broken transfer, never a short file that looks whole.
 */
export interface CsvDocument {
  filename: string;
  columns: string[];
  /** Leading metadata first (the answer's own follows); off with ?metadata=false. */
  metadata: Metadata | false;
  /** A UTF-8 byte order mark, for spreadsheets that otherwise guess a legacy encoding. */
  bom: boolean;
  pages: AsyncGenerator<Page>;
}

export async function streamCsv(res: ServerResponse, doc: CsvDocument, logger: Logger): Promise<void> {
  let step: IteratorResult<Page>;
  try {
    step = await doc.pages.next();
  } catch (error) {
    if (!(error instanceof ExportRefused)) throw error;
    return sendJson(res, error.status, { errors: error.errors }, error.headers);
  }
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${doc.filename}"`,
    'cache-control': 'no-store',
  });
  const head =
    (doc.bom ? '\ufeff' : '') + (doc.metadata && !step.done ? lines([...doc.metadata, ...(step.value.metadata ?? [])]) : '') + csvRecord(doc.columns);
  const trailer: Metadata = [];
  try {
    await write(res, head);
    while (!step.done && !res.destroyed) {
      await write(res, step.value.rows.map(csvRecord).join(''));
      trailer.push(...(step.value.trailer ?? []));
      if (res.destroyed) break;
      step = await doc.pages.next();
    }
  } catch (error) {
    if (!(error instanceof ExportRefused)) logger.error({ err: error, file: doc.filename }, 'export failed part way');
    return cut(res, error);
  } finally {
    // A client gone mid-walk: the generator stops, no further page is asked for.
    await doc.pages.return(undefined);
  }
  if (!res.destroyed) res.end(lines(trailer));
}

function lines(metadata: Metadata): string {
  return metadata.map(([key, value]) => metadataLine(key, value)).join('');
}

/**
 * A client that stops reading would hold its admission slot for ever; one that takes in nothing
 * for this long is cut off.
 */
const STALL_MS = 30_000;

/** Resolves once the chunk is handed on, or the socket has room again, or is gone (or stalled: then cut). */
function write(res: ServerResponse, text: string): Promise<void> {
  if (!text || res.destroyed || res.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const stalled = setTimeout(() => res.destroy(), STALL_MS);
    const done = () => {
      clearTimeout(stalled);
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function cut(res: ServerResponse, error: unknown): void {
  const code = error instanceof ExportRefused ? error.code : 'INTERNAL_SERVER_ERROR';
  const message = error instanceof ExportRefused ? error.message : 'The export failed part way.';
  res.write(metadataLine('error', `${code}: ${message}`), () => res.destroy());
}
