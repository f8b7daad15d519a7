import { existsSync } from 'node:fs';
import { Socket } from 'node:net';

/**
 * Tests that need Redis or Chromium call these. Outside CI a missing dependency is reported
 * loudly and the test is skipped, so `npm test` passes on a bare machine; with CI=true a missing
 * dependency is a failure, because CI must exercise everything.
 */

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const inCI = process.env.CI === 'true';

function announceMissing(what: string, how: string): void {
  const message = `${what} is not available: ${how}`;
  if (inCI) throw new Error(`CI=true and ${message}`);
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! SKIPPING tests that need ${what}.\n!! ${how}\n${bar}\n`);
}

/**
 * Opens a TCP connection to `url` (default port `fallbackPort`) within a second; `greet`, when
 * given, is written on connect and the first answer must start with `expect`.
 */
function socketAnswers(url: string, fallbackPort: number, probe?: { greet: string; expect: string }): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || fallbackPort), hostname, () => (probe ? socket.write(probe.greet) : done(true)));
    if (probe) socket.once('data', (d) => done(d.toString().startsWith(probe.expect)));
  });
}

/** True when Redis answers PING at REDIS_URL within a second. */
export function redisAnswers(url = REDIS_URL): Promise<boolean> {
  return socketAnswers(url, 6379, { greet: 'PING\r\n', expect: '+PONG' });
}

/** Resolves to true when Redis is there; otherwise warns (or throws in CI) and resolves false. */
export async function needRedis(): Promise<boolean> {
  if (await redisAnswers()) return true;
  announceMissing(
    `Redis at ${REDIS_URL}`,
    'start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
  );
  return false;
}

/** True when a Chromium binary is installed; otherwise warns (or throws in CI). */
export function needChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  announceMissing(`Chromium at ${CHROMIUM_PATH}`, 'install it with: apt-get install -y chromium');
  return false;
}

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when PostgreSQL accepts a TCP connection at POSTGRES_URL within a second. */
export function postgresAnswers(url = POSTGRES_URL): Promise<boolean> {
  return socketAnswers(url, 5432);
}

/** Resolves to true when PostgreSQL is there; otherwise warns (or throws in CI) and resolves false. */
export async function requirePostgres(): Promise<boolean> {
  if (await postgresAnswers()) return true;
  announceMissing(`PostgreSQL at ${POSTGRES_URL}`, 'start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start');
  return false;
}
