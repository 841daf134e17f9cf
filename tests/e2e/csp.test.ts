/**
 * Every page type of both sites with the Content-Security-Policy in force (meta tag and the
 * headers from _headers): zero violations while search, feedback, copy buttons and open-now run.
 */
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser.ts';

const browser = useBrowser();

/** Opens a page recording CSP violations (events and console reports). */
async function open(url: string): Promise<{ page: Page; violations: string[] }> {
  const context = await browser().newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const response = await page.goto(url);
  expect(response?.headers()['content-security-policy'] ?? '').toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
  return { page, violations };
}

describe('the CSP', () => {
  test('an inline script is refused and recorded as a violation (control for the tests below)', async () => {
    const { page, violations } = await open(`${inject('publicUrl')}/en/`);
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.__ran = 1' })));
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations.join('\n')).toMatch(/script-src/);
    expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();
  });

  test('the policy never allows inline script or eval', async () => {
    const { page } = await open(`${inject('publicUrl')}/en/`);
    const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content'))!;
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });

  test.each([
    ['public', '/'],
    ['public', '/en/'],
    ['public', '/ar/help/returns/start-a-return/'],
    ['public', '/en/help/orders/'],
    ['public', '/de/policies/de/returns/'],
    ['public', '/en/markets/'],
    ['public', '/en/nope/'],
    ['internal', '/en/sop/'],
    ['internal', '/en/culture/jp/'],
    ['internal', '/en/health/'],
  ])('%s %s loads with no violation', async (site, path) => {
    const { page, violations } = await open(`${inject(site === 'public' ? 'publicUrl' : 'internalUrl')}${path}`);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });

  test('search runs Pagefind (WebAssembly and worker) with no violation', async () => {
    const { page, violations } = await open(`${inject('publicUrl')}/ja/search/?q=${encodeURIComponent('返品')}`);
    await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });

  test('open-now runs on a market page with no violation', async () => {
    const { page, violations } = await open(`${inject('publicUrl')}/en/markets/gb/`);
    await expect.poll(() => page.locator('[data-open-now]').first().isVisible()).toBe(true);
    expect(violations).toEqual([]);
  });

  test('copy buttons work on an SOP with no violation', async () => {
    const { page, violations } = await open(`${inject('internalUrl')}/en/sop/customs/parcel-held-at-customs/`);
    await page.locator('[data-reply] .copy').first().click();
    await expect.poll(() => page.locator('[data-reply] .copy').first().textContent()).toBe('Copied');
    expect(violations).toEqual([]);
  });

  test('feedback posts to the configured endpoint with no violation', async () => {
    const { page, violations } = await open(`${inject('fixtureUrl')}/en/help/orders/track-your-order/`);
    const posted: string[] = [];
    await page.route('https://feedback.fixture.example/**', async (route) => {
      posted.push(route.request().postData() ?? '');
      await route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*' } });
    });
    await page.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => page.locator('.feedback-status').textContent()).toBe('Thank you for your feedback.');
    expect(posted[0]).toContain('helpful=yes');
    expect(posted[0]).toContain('page=help%2Forders%2Ftrack-your-order');
    expect(violations).toEqual([]);
  });
});
