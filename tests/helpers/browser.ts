/** Debian's Chromium driven by playwright-core (no browser download). */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import fs from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}. Install it with: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * One browser for the test file: launched before its tests, closed after. The contexts (and
 * pages) a test opens are closed when it ends, so no page keeps running behind the next tests.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((c) => c.close()) ?? []);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
