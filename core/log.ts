import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs, one line per event. Every service names itself with `service`; request-scoped
 * children add `requestId` (forwarded by the gateway as `x-request-id`). Secrets are redacted
 * by path so that an upstream credential never reaches a log line.
 */
export function createLogger(service: string, level: string = 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: {
      paths: ['*.authorization', '*.Authorization', '*.apiKey', '*.clientSecret', '*.password', '*.secret', 'headers.authorization', 'headers["x-api-key"]'],
      censor: '[redacted]',
    },
  });
}
