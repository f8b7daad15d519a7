import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, needChromium } from '../harness/requirements.js';
import { startStack, type TestStack } from '../harness/stack.js';

/**
 * The IDE in a real headless Chromium with every request off this machine blocked: it must load
 * from the gateway alone (no CDN), run a query, and show the result.
 */
const hasChromium = needChromium();

describe.skipIf(!hasChromium)('GraphQL IDE, offline', () => {
  let stack: TestStack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: ['taxonomy'] });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('loads GraphiQL from the gateway, runs the example query and shows the title in the language it asks for (th)', async () => {
    const page = await browser.newPage();
    const offMachine: string[] = [];
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1' || host === 'localhost') return route.continue();
      offMachine.push(route.request().url());
      return route.abort();
    });
    await page.goto(stack.gatewayUrl.replace(/\/graphql$/, '/ide'));
    await page.locator('.graphiql-execute-button').click({ timeout: 30_000 });
    await expect.poll(async () => page.locator('.result-window').innerText(), { timeout: 20_000 }).toContain('ช่างเชื่อมและช่างตัดโลหะด้วยแก๊ส');
    expect(offMachine).toEqual([]);
  }, 60_000);
});
