import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, needChromium } from '../harness/requirements.js';
import { startStack, type TestStack } from '../harness/stack.js';
import { registeredCountries } from '../harness/countries.js';

/**
 * CORS in a real Chromium: two pages served from two other origins (two ephemeral ports) call
 * the gateway with fetch — a JSON POST, so the browser sends a preflight first. The origin in
 * CORS_ORIGINS gets the answer; the other is blocked by the browser.
 */
const hasChromium = needChromium();

function pageServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>app</title><p>an app on another origin</p>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe.skipIf(!hasChromium)('CORS from a page on another origin', () => {
  let stack: TestStack;
  let browser: Browser;
  let allowed: { server: Server; origin: string };
  let other: { server: Server; origin: string };
  beforeAll(async () => {
    allowed = await pageServer();
    other = await pageServer();
    stack = await startStack({ subgraphs: ['taxonomy'], env: { CORS_ORIGINS: allowed.origin } });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    allowed?.server.close();
    other?.server.close();
  });

  const fetchFrom = async (origin: string): Promise<string> => {
    const page = await browser.newPage();
    await page.goto(origin);
    const result = await page.evaluate(async (url) => {
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ countries { code } }' }) });
        return `${res.status} ${await res.text()}`;
      } catch (error) {
        return `blocked: ${String(error)}`;
      }
    }, stack.gatewayUrl);
    await page.close();
    return result;
  };

  it('lets the allowed origin read the answer (after a preflight)', async () => {
    const answer = await fetchFrom(allowed.origin);
    expect(answer).toMatch(/^200 /);
    expect(JSON.parse(answer.slice(4))).toEqual({ data: { countries: registeredCountries().map((c) => ({ code: c.code })) } });
  }, 30_000);

  it('blocks every other origin', async () => {
    expect(await fetchFrom(other.origin)).toMatch(/^blocked: TypeError: Failed to fetch/);
  }, 30_000);
});
