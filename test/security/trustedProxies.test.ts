import { describe, expect, it } from 'vitest';
import { startStack } from '../harness/stack.js';

/**
 * Issue 14.9: the anonymous rate limit keys on the client behind a trusted proxy (X-Forwarded-For
 * honoured only from TRUSTED_PROXIES), and on the socket address for everyone else.
 */
const query = '{ countries { code } }';
const from = (address: string) => ({ 'x-forwarded-for': `${address}, 10.1.2.3` });

describe('trusted proxies', () => {
  it('gives each client behind a trusted proxy its own anonymous budget', async () => {
    const stack = await startStack({ subgraphs: ['taxonomy'], env: { RATE_LIMIT_PER_MINUTE: '2', TRUSTED_PROXIES: '127.0.0.1,10.0.0.0/8' } });
    try {
      expect((await stack.query(query, {}, from('203.0.113.1'))).status).toBe(200);
      expect((await stack.query(query, {}, from('203.0.113.1'))).status).toBe(200);
      expect((await stack.query(query, {}, from('203.0.113.1'))).status).toBe(429);
      expect((await stack.query(query, {}, from('203.0.113.2'))).status).toBe(200);
    } finally {
      await stack.stop();
    }
  });

  it('ignores X-Forwarded-For from a socket that is not a trusted proxy', async () => {
    const stack = await startStack({ subgraphs: ['taxonomy'], env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      expect((await stack.query(query, {}, from('203.0.113.1'))).status).toBe(200);
      expect((await stack.query(query, {}, from('203.0.113.2'))).status).toBe(200);
      const third = await stack.query(query, {}, from('203.0.113.3'));
      expect([third.status, third.errors?.[0]?.extensions?.code]).toEqual([429, 'RATE_LIMITED']);
    } finally {
      await stack.stop();
    }
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address or CIDR', async () => {
    await expect(startStack({ subgraphs: ['taxonomy'], env: { TRUSTED_PROXIES: '10.0.0.0/33' } })).rejects.toThrow(/TRUSTED_PROXIES/);
  });
});
