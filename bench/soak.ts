import { request } from 'node:http';
import { parseArgs } from 'node:util';
import { launch, peakRssMb, stopAll } from './stack.js';
import { OUR_NODE_FLAGS, startStack } from './topology.js';

/**
 * `npm run soak [-- --requests N] [--seconds S] [--concurrency C]`: malformed and hostile requests
 * against our gateway (deployed heap flags), bounded in count and time, loopback only, and the
 * gateway's peak RSS against the deployed 300 MB budget. What is sent, round robin: bodies far
 * over the limit (declared, and chunked without a length), batches of a thousand operations,
 * queries past the token limit, deep and wide documents, variables of every wrong shape, invalid
 * JSON, wrong content types, mutations, unknown operation names. Exit code 1 over budget or when
 * any answer was a 5xx.
 */
const { values: args } = parseArgs({
  options: { requests: { type: 'string', default: '6000' }, seconds: { type: 'string', default: '90' }, concurrency: { type: 'string', default: '50' } },
});
const BUDGET_MB = 300;
const MB = 1024 * 1024;
const limit = { requests: Number(args.requests), ms: Number(args.seconds) * 1000, concurrency: Number(args.concurrency) };

interface Shot {
  name: string;
  contentType: string;
  /** The body in pieces; `declared` sends a content-length, otherwise it is chunked. */
  chunks: () => Iterable<string>;
  declared: boolean;
}
const json = (name: string, value: () => unknown): Shot => ({ name, contentType: 'application/json', declared: true, chunks: () => [JSON.stringify(value())] });
const repeat = (piece: string, times: number) => ({ *[Symbol.iterator]() { for (let i = 0; i < times; i++) yield piece; } });
const SHOTS: Shot[] = [
  { name: 'declared 16 MB body', contentType: 'application/json', declared: true, chunks: () => repeat('x'.repeat(MB), 16) },
  { name: 'chunked 8 MB body', contentType: 'application/json', declared: false, chunks: () => repeat('x'.repeat(64 * 1024), 128) },
  json('batch of 1000', () => Array.from({ length: 1000 }, () => ({ query: '{ countries { code } }' }))),
  json('past the token limit', () => ({ query: `{ ${'countries { code } '.repeat(2_000)} }` })),
  json('deep document', () => ({ query: `${'{ a '.repeat(2_000)}${'}'.repeat(2_000)}` })),
  json('many aliases', () => ({ query: `{ ${Array.from({ length: 1_500 }, (_, i) => `a${i}: countries { code }`).join(' ')} }` })),
  json('huge variables', () => ({ query: 'query ($x: String) { countries { code } }', variables: { x: 'y'.repeat(60_000) } })),
  { name: 'nested variables', contentType: 'application/json', declared: true, chunks: () => [`{"query":"{ countries { code } }","variables":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_001)}`] },
  json('non-object variables', () => ({ query: '{ countries { code } }', variables: [1, 2, 3] })),
  json('mutation', () => ({ query: 'mutation { x }' })),
  json('unknown operationName', () => ({ query: 'query A { countries { code } }', operationName: 'B' })),
  json('two anonymous operations', () => ({ query: '{ countries { code } } { countries { code } }' })),
  { name: 'invalid JSON', contentType: 'application/json', declared: true, chunks: () => ['{"query": "{ countries'] },
  { name: 'wrong content type', contentType: 'text/plain', declared: true, chunks: () => ['{ countries { code } }'] },
];

const stack = await startStack({ size: 3_000, latencyMs: [20, 80], gateways: [] });
const gateway = await launch('gateway', 'ours', { supergraphPath: stack.supergraphPath }, { core: 1, nodeFlags: OUR_NODE_FLAGS });
const url = new URL(gateway.url);
if (url.hostname !== '127.0.0.1') throw new Error('the soak only targets this machine');
const startRss = peakRssMb(gateway.pid);
const started = Date.now();
const statuses = new Map<string, Map<number, number>>();
let sent = 0;

function fire(shot: Shot): Promise<number> {
  return new Promise((resolve) => {
    const pieces = [...shot.chunks()];
    const length = pieces.reduce((n, p) => n + Buffer.byteLength(p), 0);
    const headers: Record<string, string | number> = { 'content-type': shot.contentType, ...(shot.declared ? { 'content-length': length } : { 'transfer-encoding': 'chunked' }) };
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    // A refused body closes the connection while it is still being written: that is the point.
    req.once('error', () => resolve(0));
    const writeAll = async () => {
      for (const piece of pieces) if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
      req.end();
    };
    void writeAll().catch(() => resolve(0));
  });
}

async function worker(): Promise<void> {
  while (sent < limit.requests && Date.now() - started < limit.ms) {
    const shot = SHOTS[sent++ % SHOTS.length]!;
    const status = await fire(shot);
    const counts = statuses.get(shot.name) ?? new Map<number, number>();
    counts.set(status, (counts.get(status) ?? 0) + 1);
    statuses.set(shot.name, counts);
  }
}
await Promise.all(Array.from({ length: limit.concurrency }, worker));
const peak = peakRssMb(gateway.pid);
const seconds = ((Date.now() - started) / 1000).toFixed(0);

console.log(`\nsoak: ${sent} malformed requests in ${seconds} s at ${limit.concurrency} at once, gateway heap flags ${OUR_NODE_FLAGS.join(' ')}`);
console.log('| request | answers (HTTP status × count; 0 = connection closed while sending) |\n|---|---|');
for (const [name, counts] of statuses) console.log(`| ${name} | ${[...counts].map(([s, n]) => `${s} × ${n}`).join(', ')} |`);
const fivexx = [...statuses.values()].flatMap((c) => [...c]).filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
console.log(`\ngateway RSS: ${startRss} MB at start, peak ${peak} MB (budget ${BUDGET_MB} MB); 5xx answers: ${fivexx}`);
stopAll();
process.exit(peak < BUDGET_MB && fivexx === 0 ? 0 : 1);
