import { Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startStack } from '../harness/stack.js';

/**
 * Issue 14.7: the gateway never phones home. Every TCP connection this process opens while a
 * gateway starts and answers is recorded; all of them must go to this machine.
 */
describe('no outbound call from the gateway', () => {
  const connect = Socket.prototype.connect;
  const hosts: string[] = [];
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    const [first] = args;
    const host = typeof first === 'object' && first !== null && 'host' in first ? String((first as { host?: unknown }).host ?? 'localhost') : typeof args[1] === 'string' ? args[1] : 'localhost';
    hosts.push(host);
    return (connect as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof Socket.prototype.connect;
  afterAll(() => {
    Socket.prototype.connect = connect;
  });

  it('connects only to loopback while starting and answering, even with telemetry not disabled in the environment', async () => {
    delete process.env.APOLLO_TELEMETRY_DISABLED;
    const stack = await startStack({ subgraphs: ['taxonomy'] });
    try {
      expect((await stack.query('{ countries { code } }')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 500)); // give a telemetry exporter its chance
      expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');
    } finally {
      await stack.stop();
    }
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.filter((h) => !['127.0.0.1', 'localhost', '::1'].includes(h))).toEqual([]);
  });
});
