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
 * Resolves when `closing` does or after `ms`, whichever is first. Chromium now and then never
 * answers a close (seen in CI on a dev-server page reloading at that moment: the hook waited its
 * full 300 s); what is left open is ended with the browser, or with the test process.
 */
async function bounded(closing: Promise<unknown>, what: string, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    if ((await Promise.race([closing.catch(() => undefined), late])) === 'late') console.warn(`[browser] ${what} did not close within ${ms} ms; going on.`);
  } finally {
    clearTimeout(timer);
  }
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
    await bounded(Promise.all(browser?.contexts().map((c) => c.close()) ?? []), 'a test’s browser context');
  });
  afterAll(async () => {
    await bounded(browser?.close() ?? Promise.resolve(), 'the browser');
  });
  return () => browser!;
}
