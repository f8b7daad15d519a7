import autocannon from 'autocannon';

/**
 * One bounded load run with autocannon against this machine: requests per second, exact latency
 * percentiles from every response, and errors counted as non-2xx answers, as GraphQL `errors`
 * in bodies, and as partial answers (a source FAILED or TIMEOUT) — a fast answer that left a
 * country out is not a success.
 */
export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  sampleError?: string;
}

export interface LoadOptions {
  url: string;
  seconds: number;
  connections: number;
  /** A fixed body, a body per request number, or none (GET). */
  body?: string | ((n: number) => string);
  headers?: Record<string, string>;
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(options.url)) throw new Error(`load only targets this machine, not ${options.url}`);
  let n = 0;
  let graphqlErrors = 0;
  let sampleError: string | undefined;
  const latencies: number[] = [];
  const { body } = options;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        requests: [
          {
            ...(body !== undefined ? { setupRequest: (req: object) => ({ ...req, body: typeof body === 'string' ? body : body(n++) }) } : {}),
            onResponse: (_status: number, text: string) => {
              if (!text.includes('"errors"') && !/"status":"(FAILED|TIMEOUT)"/.test(text)) return;
              graphqlErrors += 1;
              sampleError ??= text.slice(0, 300);
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const q = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
        resolve({
          requests: latencies.length,
          rps: round(latencies.length / options.seconds),
          p50: q(0.5),
          p95: q(0.95),
          p99: q(0.99),
          errors: result.non2xx + result.errors + result.timeouts + graphqlErrors,
          ...(sampleError ? { sampleError } : {}),
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => latencies.push(time));
  });
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
