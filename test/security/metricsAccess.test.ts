import { describe, expect, it } from 'vitest';
import { startStack } from '../harness/stack.js';

/** Issue 14.9: with METRICS_TOKEN set, /metrics on the gateway port answers only the scraper holding it. */
describe('/metrics behind METRICS_TOKEN', () => {
  it('refuses readers without the token and serves the one presenting it', async () => {
    const token = 'scraper-token-7f3a9c2e41d8b605';
    const stack = await startStack({ subgraphs: ['taxonomy'], env: { METRICS_TOKEN: token } });
    const metricsUrl = stack.gatewayUrl.replace(/\/graphql$/, '/metrics');
    try {
      const anonymous = await fetch(metricsUrl);
      expect([anonymous.status, anonymous.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
      expect(await anonymous.text()).not.toContain('lmis_gateway_');
      expect((await fetch(metricsUrl, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
      const scraper = await fetch(metricsUrl, { headers: { authorization: `Bearer ${token}` } });
      expect(scraper.status).toBe(200);
      expect(await scraper.text()).toContain('lmis_gateway_requests_total');
    } finally {
      await stack.stop();
    }
  });
});
