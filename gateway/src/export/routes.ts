import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../../core/http.js';
import type { Logger } from '../../../core/log.js';
import { requestIdFrom } from '../../../core/request.js';
import { inServerSpan } from '../../../core/tracing.js';
import { REQUEST_ID_HEADER } from '../../../core/trust.js';
import type { ClientAddress } from '../clientAddress.js';
import type { Admission } from '../front/admission.js';
import { changesExport } from './changes.js';
import { operationRunner, type GraphDeps } from './graph.js';
import { parseParams } from './params.js';
import { statsExport } from './stats.js';
import { streamCsv } from './stream.js';
import type { ExportKind } from './table.js';
import { trendExport } from './trend.js';
import { vacanciesExport } from './vacancies.js';

/**
 * GET /export/{stats,trend,vacancies,changes}.csv: the graph's analyst answers as CSV files.
 * Each runs the matching GraphQL operation through the gateway's own Apollo server with a context
 * built as for /graphql (src/export/graph.ts), under the same admission control.
 */
export const EXPORT_PREFIX = '/export/';

const KINDS = new Map<string, ExportKind>([statsExport, trendExport, vacanciesExport, changesExport].map((kind) => [`${EXPORT_PREFIX}${kind.name}.csv`, kind]));

export interface ExportDeps extends GraphDeps {
  logger: Logger;
  admission: Admission;
}

export function exportRoutes(deps: ExportDeps, clientAddress: ClientAddress) {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const kind = KINDS.get(path);
    if (!kind) return sendJson(res, 404, { error: 'not found', exports: [...KINDS.keys()] });
    if (req.method !== 'GET') {
      return sendJson(
        res,
        405,
        { errors: [{ message: `Method ${req.method ?? ''} not allowed`, extensions: { code: 'METHOD_NOT_ALLOWED' } }] },
        { allow: 'GET' },
      );
    }
    return deps.admission.run(res, () =>
      inServerSpan(`GET ${path}`, req.headers, { 'lmis.service': 'gateway' }, () => answer(deps, clientAddress, kind, req, res)),
    );
  };
}

async function answer(deps: ExportDeps, clientAddress: ClientAddress, kind: ExportKind, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = requestIdFrom(req.headers);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const parsed = parseParams(kind.params, new URL(req.url ?? '/', 'http://gateway').searchParams);
  if (!parsed.ok) {
    const { reason, argument, message } = parsed.problem;
    return sendJson(res, 400, { errors: [{ message, extensions: { code: 'BAD_USER_INPUT', reason, argument } }] });
  }
  const params = parsed.value as { metadata: boolean; bom: boolean };
  const run = operationRunner(deps, req, { ip: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for']), requestId });
  const generatedAt = new Date().toISOString();
  await streamCsv(
    res,
    {
      filename: `lmis-${kind.name}-${generatedAt.slice(0, 10)}.csv`,
      columns: kind.columns(parsed.value),
      metadata: params.metadata && [
        ['export', kind.name],
        ['generatedAt', generatedAt],
        ['requestId', requestId],
      ],
      bom: params.bom,
      pages: kind.pages(parsed.value, run),
    },
    deps.logger,
  );
}
