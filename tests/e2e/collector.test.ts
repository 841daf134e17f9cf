/**
 * The knowledge loop in Chromium: the basic fixture built with SIGNPOST_COLLECTOR pointing at a
 * real collector process, served like a static host; searches and feedback made in the browser
 * are found as rows in the collector's SQLite file, redacted, and nothing at all is sent when the
 * browser asks not to be tracked. Every page runs under its CSP, which must allow exactly this.
 */
import net from 'node:net';
import type { Server } from 'node:http';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { useBrowser } from '../helpers/browser.ts';
import { buildSite, fixture } from '../helpers/build.ts';
import { startCollector, type RunningCollector } from '../helpers/collector.ts';
import { tempDir } from '../helpers/temp.ts';
import { serve } from '../../scripts/serve.ts';

const browser = useBrowser();
let collector: RunningCollector;
let server: Server;
let site: string;

/** A free loopback port, so the site's origin is known before it is built and served. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  const port = await freePort();
  site = `http://127.0.0.1:${port}`;
  collector = await startCollector(['--origin', site, '--rate', '0']);
  const built = await buildSite(fixture('basic'), 'public', tempDir('collector-site'), { SIGNPOST_COLLECTOR: collector.url });
  expect(built.status, built.output).toBe(0);
  server = await serve(built.outDir, port);
}, 240_000);
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await collector?.stop();
});

const rows = (sql: string) => {
  const d = new DatabaseSync(collector.db, { readOnly: true });
  try {
    return d.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    d.close();
  }
};

/** A page that records CSP violations and every request to the collector. */
async function open(url: string, opts: { js?: boolean; gpc?: boolean } = {}): Promise<{ page: Page; violations: string[]; sent: string[] }> {
  const context = await browser().newContext({ javaScriptEnabled: opts.js ?? true });
  const page = await context.newPage();
  const violations: string[] = [];
  const sent: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('request', (r) => {
    if (r.url().startsWith(collector.url)) sent.push(r.url());
  });
  if (opts.gpc) await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  await page.goto(url);
  return { page, violations, sent };
}

test('the final query of a search, the result opened and its rank reach the collector, redacted', async () => {
  const { page, violations } = await open(`${site}/en/search/`);
  const box = page.locator('form[data-search] input[name="q"]');
  await box.fill('qqzzxx 123456');
  await expect.poll(() => page.locator('[data-search-empty]').isVisible(), { timeout: 15_000 }).toBe(true);
  // The reader reads "nothing found" for a moment (the query counts), then tries other words.
  await page.waitForTimeout(2500);
  await box.fill('');
  await box.pressSequentially('track order', { delay: 40 });
  await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.locator('[data-search-results] li h2 a').first().click();
  await page.waitForURL(/track-your-order/);
  await expect
    .poll(() => rows("SELECT query, lang, results > 0 AS found, opened_page, opened_rank, previous FROM searches WHERE query = 'track order'"), {
      timeout: 10_000,
    })
    .toEqual([{ query: 'track order', lang: 'en', found: 1, opened_page: 'help/orders/track-your-order', opened_rank: 1, previous: 'qqzzxx [number]' }]);
  // The typed-ahead prefixes ("t", "tr", …) were never a search of their own.
  expect(rows("SELECT count(*) AS n FROM searches WHERE query LIKE 'tr%' AND query != 'track order'")).toEqual([{ n: 0 }]);
  expect(violations).toEqual([]);
});

test('a suggestion opened from the home page’s box is a search too, with the page and its rank', async () => {
  const { page, violations } = await open(`${site}/en/`);
  await page.locator('#home-q').pressSequentially('start a return', { delay: 30 });
  await expect.poll(() => page.locator('#home-q-list [role="option"]').count(), { timeout: 15_000 }).toBeGreaterThan(1);
  await page.locator('#home-q-list [role="option"]').first().click();
  await page.waitForURL(/start-a-return/);
  await expect
    .poll(() => rows("SELECT query, opened_page, opened_rank FROM searches WHERE query = 'start a return'"), { timeout: 10_000 })
    .toEqual([{ query: 'start a return', opened_page: 'help/returns/start-a-return', opened_rank: 1 }]);
  expect(violations).toEqual([]);
});

test('feedback with a reason and a comment is sent in the background, the comment redacted', async () => {
  const { page, violations } = await open(`${site}/en/help/returns/start-a-return/`);
  await page.getByText('Tell us more (optional)').click();
  await page.getByLabel('It is out of date').check();
  await page.getByLabel('Comment').fill('Wrong address, write me at jane@example.com');
  await page.getByRole('button', { name: 'No' }).click();
  await expect.poll(() => page.locator('.feedback-status').textContent()).toBe('Thank you for your feedback.');
  expect(rows("SELECT page, lang, helpful, reason, comment FROM feedback WHERE page = 'help/returns/start-a-return'")).toEqual([
    { page: 'help/returns/start-a-return', lang: 'en', helpful: 0, reason: 'outdated', comment: 'Wrong address, write me at [email]' },
  ]);
  expect(violations).toEqual([]);
});

test('without JavaScript the form posts, and the reader lands back on the page with a thank-you', async () => {
  const { page } = await open(`${site}/de/help/orders/track-your-order/`, { js: false });
  await page.getByRole('button', { name: 'Ja' }).click();
  await page.waitForURL(`${site}/de/help/orders/track-your-order/#feedback-thanks`);
  expect(await page.locator('#feedback-thanks').isVisible()).toBe(true);
  expect(rows("SELECT helpful FROM feedback WHERE lang = 'de' AND page = 'help/orders/track-your-order'")).toEqual([{ helpful: 1 }]);
});

test('with Global Privacy Control nothing is sent: no search event, and no feedback widget', async () => {
  const { page, sent } = await open(`${site}/en/search/?q=track`, { gpc: true });
  await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.locator('[data-search-results] li h2 a').first().click();
  await page.waitForLoadState();
  expect(await page.locator('form[data-feedback]').count()).toBe(0);
  expect(sent).toEqual([]);
  expect(rows("SELECT count(*) AS n FROM searches WHERE query = 'track'")).toEqual([{ n: 0 }]);
});

test('the agents’ Content health page built with the collector’s database shows what readers searched for and what did not help', async () => {
  const built = await buildSite(fixture('basic'), 'internal', tempDir('collector-health'), {
    SIGNPOST_COLLECTOR_DB: collector.db,
    SIGNPOST_TODAY: new Date().toISOString().slice(0, 10),
  });
  expect(built.status, built.output).toBe(0);
  const page = await browser().newPage();
  await page.goto(`file://${built.outDir}/en/health/index.html`);
  const section = page.locator('section[aria-labelledby="searches-title"]');
  expect(await section.locator('h2').textContent()).toBe('What readers searched for, last 30 days');
  expect(await section.locator('ol').first().textContent()).toContain('qqzzxx [number]');
  expect(await section.locator('ol').last().textContent()).toContain('en/help/returns/start-a-return');
  expect(await section.locator('figure svg desc').textContent()).toMatch(/English: found something \d+, found nothing \d+/);
  // The trend: this week's share of searches that found nothing, per language.
  expect(await section.locator('table caption').textContent()).toBe('Searches that found nothing, per week and language');
  expect(await section.locator('table tbody tr').first().locator('td').first().textContent()).toMatch(/^\d+% of \d+ search(es)?$/);
  // The new section meets WCAG 2.2 AA like the rest of the page.
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode(true)
    .include('section[aria-labelledby="searches-title"]')
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}, 240_000);
