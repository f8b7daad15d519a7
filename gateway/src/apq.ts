import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { PrefixingKeyValueCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { keyValueCache, type Cache } from '../../core/cache/index.js';
import type { Config } from '../../core/config.js';
import type { Logger } from '../../core/log.js';
import { documentHash, type Safelist } from '../../core/safelist.js';
import type { GatewayContext } from './context.js';
import { registrationBudget } from './plugins/apqBudget.js';

/**
 * Automatic persisted queries, bounded (issue 14.4), in one of three `APQ_MODE`s:
 * - `open` (default): anyone may register a document (`query` + `extensions.persistedQuery`), so
 *   a registration past `APQ_MAX_DOCUMENT_KB` is refused (400 PERSISTED_QUERY_TOO_LARGE) before
 *   Apollo sees it, stored documents live `APQ_TTL_SECONDS`, and each caller may register
 *   `APQ_REGISTRATIONS_PER_HOUR` new ones (plugins/apqBudget.ts);
 * - `safelist`: only the committed manifest's operations run (core/safelist.ts), by hash or exact
 *   text, and nothing is ever stored;
 * - `off`: Apollo answers PERSISTED_QUERY_NOT_SUPPORTED; ordinary queries run.
 * The protocol itself stays Apollo's; this module gives it a store and a gate in front.
 */
export function persistedQueries(
  config: Config,
  deps: { cache: Cache; logger: Logger; onRefused: (reason: ApqRefusalReason) => void },
): { option: ApolloServerOptions<GatewayContext>['persistedQueries']; plugins: Array<ApolloServerPlugin<GatewayContext>> } {
  const { mode, safelist, ttlSeconds, registrationsPerHour } = config.apq;
  if (mode === 'off') return { option: false, plugins: [] };
  if (mode === 'safelist') {
    if (!safelist) throw new Error('APQ_MODE=safelist without a loaded safelist');
    return { option: { cache: unprefixed(readOnly(safelist)) }, plugins: [] };
  }
  const documents = unprefixed(keyValueCache(deps.cache, { prefix: 'apq:' }));
  const budget = registrationBudget({ documents, cache: deps.cache, perHour: registrationsPerHour, logger: deps.logger, onLimited: () => deps.onRefused('registration_limit') });
  return { option: { cache: documents, ttl: ttlSeconds }, plugins: [budget] };
}

export type ApqRefusalReason = 'too_large' | 'registration_limit' | 'not_in_safelist';

export interface ApqRefusal {
  status: number;
  error: { message: string; extensions: Record<string, unknown> };
}

/**
 * The check the HTTP layer makes before Apollo parses anything: in `open` mode the size of a
 * registration; in `safelist` mode whether the document (its text, else the hash it names) is
 * listed — refused with 403 PERSISTED_QUERY_NOT_IN_SAFELIST before parsing, so an unlisted
 * client learns nothing about the schema from validation errors, and an unknown hash gets this
 * answer rather than PERSISTED_QUERY_NOT_FOUND, which would invite a registration. A request with
 * neither text nor hash passes: Apollo says what is missing. (GET registrations are bounded by
 * Node's URL and header limit, 16 KiB.)
 */
export function persistedQueryGate(apq: Config['apq'], onRefused: (reason: ApqRefusalReason) => void): (request: { body: unknown; search: string }) => ApqRefusal | undefined {
  const { mode, safelist, maxDocumentBytes } = apq;
  return (request) => {
    const { query, hash } = operationOf(request);
    if (mode === 'safelist') {
      const id = query !== undefined ? documentHash(query) : hash;
      if (id === undefined || safelist?.has(id)) return undefined;
      onRefused('not_in_safelist');
      return { status: 403, error: { message: 'This gateway runs only the operations in its persisted-query safelist.', extensions: { code: 'PERSISTED_QUERY_NOT_IN_SAFELIST' } } };
    }
    if (mode === 'off' || query === undefined || hash === undefined || Buffer.byteLength(query) <= maxDocumentBytes) return undefined;
    onRefused('too_large');
    const maxKilobytes = Math.floor(maxDocumentBytes / 1024);
    return { status: 400, error: { message: `A persisted query may be at most ${maxKilobytes} KB.`, extensions: { code: 'PERSISTED_QUERY_TOO_LARGE', maxKilobytes } } };
  };
}

/** The document text and the persisted-query hash of a POST body or GET search, as far as they are well-formed. */
function operationOf({ body, search }: { body: unknown; search: string }): { query?: string; hash?: string } {
  const params = body === undefined ? Object.fromEntries(new URLSearchParams(search)) : body;
  if (typeof params !== 'object' || params === null) return {};
  const { query, extensions } = params as { query?: unknown; extensions?: unknown };
  const hash = (jsonObject(extensions)?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
  return { ...(typeof query === 'string' ? { query } : {}), ...(typeof hash === 'string' ? { hash } : {}) };
}

/** GET carries `extensions` as JSON text; POST as an object. */
function jsonObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'string') {
    try {
      return jsonObject(JSON.parse(value));
    } catch {
      return undefined;
    }
  }
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** Apollo's persisted-query store in safelist mode: the manifest — nothing is ever registered. */
function readOnly(safelist: Safelist): KeyValueCache<string> {
  return { get: async (hash) => safelist.get(hash), set: async () => undefined, delete: async () => undefined };
}

/**
 * Only persisted queries live in these stores, so Apollo needs no key prefix of its own: the
 * budget then finds a stored document, and the safelist a listed one, under the bare hash.
 */
function unprefixed(store: KeyValueCache<string>): KeyValueCache<string> {
  return PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(store);
}
