import autocannon from 'autocannon';

/**
 * One load run with autocannon against this machine, bounded by its duration: requests per
 * second, exact latency percentiles from every response, and errors of three kinds — HTTP (non-2xx,
 * socket errors, timeouts), GraphQL (`errors` in the body) and partial answers (a source FAILED
 * or TIMEOUT: a fast answer that left a country out is not a success). Every body is checked.
 */
export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** httpErrors + graphqlErrors + partial */
  errors: number;
  httpErrors: number;
  graphqlErrors: number;
  partial: number;
  /** Refused at once by admission control (503 OVERLOADED): not run, not partial — counted apart. */
  shed: number;
  /** The first erroneous answer, shortened, to say what went wrong. */
  sampleError?: string;
}

export interface LoadOptions {
  url: string;
  seconds: number;
  connections: number;
  /** A body per request number, or none (GET). */
  body?: (n: number) => string;
  headers?: Record<string, string>;
  /** Headers per request from its body (subgraph signatures are single-use, kit/trust.ts). */
  sign?: (body: string | undefined) => Record<string, string>;
}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost)[:/]/;
const PARTIAL = /"status":"(FAILED|TIMEOUT)"(,"message":"([^"]{0,200}))?/;

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (!LOOPBACK.test(options.url)) return Promise.reject(new Error(`load only targets this machine, not ${options.url}`));
  const seen = { graphqlErrors: 0, partial: 0, shed: 0, sampleError: undefined as string | undefined };
  const latencies: number[] = [];
  let n = 0;
  const { body } = options;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        method: body ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json', ...options.headers },
        requests: [
          {
            ...(body
              ? {
                  setupRequest: (req: autocannon.Request) => {
                    const text = body(n++);
                    return { ...req, body: text, headers: { ...req.headers, ...options.sign?.(text) } };
                  },
                }
              : {}),
            onResponse: (_status: number, text: string) => inspect(text, seen),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const httpErrors = result.non2xx - seen.shed + result.errors + result.timeouts;
        resolve({
          requests: latencies.length,
          rps: round(latencies.length / options.seconds),
          ...percentiles(latencies),
          errors: httpErrors + seen.graphqlErrors + seen.partial + seen.shed,
          httpErrors,
          graphqlErrors: seen.graphqlErrors,
          partial: seen.partial,
          shed: seen.shed,
          ...(seen.sampleError ? { sampleError: seen.sampleError } : {}),
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => latencies.push(time));
  });
}

function inspect(text: string, seen: { graphqlErrors: number; partial: number; shed: number; sampleError?: string | undefined }): void {
  if (text.includes('"code":"OVERLOADED"')) {
    seen.shed += 1;
    return;
  }
  if (text.includes('"errors":')) {
    seen.graphqlErrors += 1;
    seen.sampleError ??= `GraphQL error: ${text.slice(text.indexOf('"errors":'), text.indexOf('"errors":') + 300)}`;
    return;
  }
  const partial = PARTIAL.exec(text);
  if (!partial) return;
  seen.partial += 1;
  seen.sampleError ??= `partial answer: ${partial[1]}${partial[3] ? ` — ${partial[3]}` : ''}`;
}

function percentiles(latencies: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
