import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningService } from '../../../core/service.js';

/**
 * "Testland": a tiny native HTTP upstream for the kit's own tests. It is not a GraphQL server;
 * its records are deliberately shaped unlike the contract so the adapter has to translate.
 */

export interface NativeJob {
  ref: string;
  judul: string;
  /** ISO 8601 with +07:00. */
  posted: string;
  code: string;
  region: string;
  /** open | filled | withdrawn. */
  status: string;
  /** ISO 8601 with +07:00: the last change. */
  changed: string;
  /** ISO 8601 with +07:00 when filled or withdrawn. */
  closed: string | null;
  openings: number;
  /** A record the adapter cannot translate. */
  broken?: boolean;
}

export interface NativeCourse {
  ref: string;
  name: string;
  start: string;
  code: string;
}

export interface FakeUpstream extends RunningService {
  requests(): number;
  /** Requests per path (e.g. "/jobs/batch"). */
  requestsTo(path: string): number;
  setDown(down: boolean): void;
}

export function testlandData(size: number, options: { broken?: string[] } = {}): { jobs: NativeJob[]; courses: NativeCourse[] } {
  const base = Date.parse('2026-01-01T00:00:00+07:00');
  const jobs = Array.from({ length: size }, (_, i): NativeJob => {
    const ref = `J${String(i).padStart(4, '0')}`;
    // Every fifth job shares its posting instant with the one before: ties are ordered by id.
    const hoursAgo = i - Math.floor(i / 5);
    const posted = base - hoursAgo * 3_600_000;
    // Every fourth job was filled and every ninth withdrawn, six hours after posting (so closings
    // share instants with postings too); the rest last changed when posted.
    const status = i % 4 === 1 ? 'filled' : i % 9 === 2 ? 'withdrawn' : 'open';
    const changed = status === 'open' ? posted : posted + 6 * 3_600_000;
    return {
      ref,
      judul: `Job ${i}`,
      posted: plus7(posted),
      code: i % 7 === 0 ? '9999' : ['2512', '7411', '5120'][i % 3]!,
      region: ['north', 'south'][i % 2]!,
      status,
      changed: plus7(changed),
      closed: status === 'open' ? null : plus7(changed),
      openings: i % 10 === 3 ? 12 : 1,
      ...(options.broken?.includes(ref) ? { broken: true } : {}),
    };
  });
  const courses = Array.from({ length: Math.ceil(size / 4) }, (_, i): NativeCourse => ({
    ref: `C${String(i).padStart(3, '0')}`,
    name: `Course ${i}`,
    start: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
    code: '7411',
  }));
  return { jobs, courses };
}

/** ISO 8601 at +07:00. */
function plus7(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
}

const oldestChangeFirst = (a: NativeJob, b: NativeJob) => Date.parse(a.changed) - Date.parse(b.changed) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
const newestFirst = (a: NativeJob, b: NativeJob) => Date.parse(b.posted) - Date.parse(a.posted) || (a.ref < b.ref ? 1 : a.ref > b.ref ? -1 : 0);
const soonestFirst = (a: NativeCourse, b: NativeCourse) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.ref < b.ref ? -1 : 1);

export async function startFakeUpstream(data: { jobs: NativeJob[]; courses: NativeCourse[] }): Promise<FakeUpstream> {
  const jobs = [...data.jobs].sort(newestFirst);
  const changes = [...data.jobs].sort(oldestChangeFirst);
  const courses = [...data.courses].sort(soonestFirst);
  const counts = new Map<string, number>();
  let total = 0;
  let down = false;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    total += 1;
    counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (down) return send(503, { fault: 'maintenance' });
    const q = url.searchParams;
    const first = Number(q.get('first') ?? 20);
    switch (url.pathname) {
      case '/jobs': {
        const afterPosted = q.get('after_posted');
        const afterRef = q.get('after_ref') ?? '';
        const after = afterPosted ? { ref: afterRef, posted: afterPosted } : undefined;
        const rest = after ? jobs.filter((j) => newestFirst(j, after as NativeJob) > 0) : jobs;
        return send(200, { total: jobs.length, items: rest.slice(0, first) });
      }
      case '/jobs/changes': {
        // Inclusive of `since`, oldest change first, every status; `more` when the page was cut.
        const since = q.get('since');
        const rest = since ? changes.filter((j) => Date.parse(j.changed) >= Date.parse(since)) : changes;
        return send(200, { items: rest.slice(0, first), more: rest.length > first, clock: '2026-01-02T00:00:00+07:00' });
      }
      case '/jobs/all':
        return send(200, { items: jobs });
      case '/jobs/batch':
        return send(200, { items: jobs.filter((j) => q.getAll('ref').includes(j.ref)) });
      case '/courses': {
        const offset = Number(q.get('offset') ?? 0);
        return send(200, { total: courses.length, items: courses.slice(offset, offset + first) });
      }
      case '/courses/all':
        return send(200, { items: courses });
      case '/courses/batch':
        return send(200, { items: courses.filter((c) => q.getAll('ref').includes(c.ref)) });
      default:
        return send(404, { fault: 'no such path' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    name: 'sim:testland',
    url: `http://127.0.0.1:${port}`,
    port,
    requests: () => total,
    requestsTo: (path) => counts.get(path) ?? 0,
    setDown: (value) => (down = value),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
