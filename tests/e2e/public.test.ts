/** The public site in Chromium: languages, markets, open-now, fallback, RTL. */
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser.ts';

const base = inject('publicUrl');
const browser = useBrowser();
let page: Page;

async function open(path: string, opts: { now?: Date } = {}): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  if (opts.now) await page.clock.setFixedTime(opts.now);
  await page.goto(base + path);
  return page;
}

describe('languages', () => {
  test('the site root sends readers to their browser language', async () => {
    const context = await browser().newContext({ locale: 'de-DE' });
    const p = await context.newPage();
    await p.goto(`${base}/`);
    await p.waitForURL('**/de/');
    expect(await p.getAttribute('html', 'lang')).toBe('de');
    await context.close();
  });

  test('an unsupported browser language falls back to the default language', async () => {
    const context = await browser().newContext({ locale: 'pt-BR' });
    const p = await context.newPage();
    await p.goto(`${base}/`);
    await p.waitForURL('**/en/');
    await context.close();
  });

  test('the language switcher keeps the reader on the same article', async () => {
    const p = await open('/en/help/returns/start-a-return/');
    await p.locator('.lang-switch summary').click();
    await p.getByRole('link', { name: 'Deutsch' }).click();
    await p.waitForURL('**/de/help/returns/start-a-return/');
    expect(await p.getAttribute('html', 'lang')).toBe('de');
    expect(await p.locator('h1').textContent()).not.toBe('Start a return');
  });

  test('an untranslated page shows the default-language text with a notice in the reader language', async () => {
    const p = await open('/ja/help/shipping/countries-we-ship-to/');
    await expect.poll(() => p.locator('.fallback-notice').isVisible()).toBe(true);
    expect(await p.locator('article').getAttribute('lang')).toBe('en');
    expect(await p.locator('.fallback-notice').getAttribute('lang')).toBeNull();
    expect(await p.getAttribute('html', 'lang')).toBe('ja');
  });

  test('Arabic pages are laid out right to left', async () => {
    const p = await open('/ar/');
    expect(await p.evaluate(() => document.dir)).toBe('rtl');
    const brand = await p.locator('.brand').boundingBox();
    const nav = await p.locator('.header-nav').boundingBox();
    expect(brand!.x).toBeGreaterThan(nav!.x);
  });
});

describe('markets', () => {
  test('a chosen market is remembered and shown in the header', async () => {
    const p = await open('/en/markets/');
    await p.getByRole('link', { name: /Germany/ }).click();
    await p.waitForURL('**/en/markets/de/');
    await p.goto(`${base}/en/`);
    const link = p.locator('[data-market-link]');
    await expect.poll(() => link.textContent()).toBe('Your market: Germany');
    expect(await link.getAttribute('href')).toBe('/en/markets/de/');
    await p.goto(`${base}/de/`);
    await expect.poll(() => p.locator('[data-market-link]').textContent()).toContain('Deutschland');
  });

  test('open now is computed in the market time zone', async () => {
    // Tuesday 10:00 in Berlin is 09:00 UTC in November.
    const open1 = await open('/en/markets/de/', { now: new Date('2026-11-24T09:00:00Z') });
    await expect.poll(() => open1.locator('[data-open-now]').first().textContent()).toBe('Open now');
    // Sunday 03:00 in Berlin: closed, and it says when it opens.
    const closed = await open('/en/markets/de/', { now: new Date('2026-11-29T02:00:00Z') });
    await expect.poll(() => closed.locator('[data-open-now]').first().textContent()).toBe('Closed now · opens Monday 08:00 AM');
  });

  test('policy pages show the market facts in the reader language', async () => {
    const p = await open('/de/policies/de/returns/');
    expect(await p.locator('.prose').textContent()).toContain('14 Tage');
  });
});
