import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from './log.js';

/** Languages the labels exist in; everything else answers in English. */
export type Lang = 'en' | 'id' | 'ms' | 'th';
const LANGS: readonly Lang[] = ['en', 'id', 'ms', 'th'];

/** What every resolver context starts from; a subgraph's own context extends it. */
export interface RequestBase {
  /** Forwarded by the gateway as `x-request-id`, generated when missing. */
  requestId: string;
  lang: Lang;
  /** A child logger carrying `requestId`. */
  logger: Logger;
  headers: IncomingHttpHeaders;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's request id when it is sane, else a new one (never log an attacker's megabyte). */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = headers['x-request-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

/** The first tag of Accept-Language (by order, then q) that we have labels for; else 'en'. */
export function langFrom(header: string | undefined): Lang {
  if (!header) return 'en';
  const tags = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (tags.map((t) => t.primary).find((p): p is Lang => (LANGS as readonly string[]).includes(p)) ?? 'en');
}

export function requestBase(headers: IncomingHttpHeaders, logger: Logger): RequestBase {
  const requestId = requestIdFrom(headers);
  const acceptLanguage = headers['accept-language'];
  return { requestId, lang: langFrom(acceptLanguage), logger: logger.child({ requestId }), headers };
}
