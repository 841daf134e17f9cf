/** Search in Chromium on the sample content, in English, Japanese and Chinese. */
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';

const base = inject('publicUrl');
const browser = useBrowser();

async function search(lang: string, q: string, filters = '') {
  const page = await browser().newPage();
  await page.goto(`${base}/${lang}/search/?q=${encodeURIComponent(q)}${filters}`);
  const results = page.locator('[data-search-results] li');
  await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return { page, titles: await page.locator('[data-search-results] h2').allTextContents() };
}

describe('search', () => {
  test('an English query finds English articles with highlighted excerpts', async () => {
    const { page, titles } = await search('en', 'return');
    expect(titles).toContain('Start a return');
    expect(await page.locator('[data-search-results] mark').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^\d+ results?$/);
  });

  test('results come ten at a time, with a button for more that keeps the focus in the list', async () => {
    const { page } = await search('en', 'refund');
    const items = page.locator('[data-search-results] li');
    expect(await items.count()).toBe(10);
    const more = page.getByRole('button', { name: 'Show more results' });
    await more.click();
    await expect.poll(() => items.count()).toBeGreaterThan(10);
    expect(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('[data-search-results] li')[10])).toBe(true);
  });

  test('a Japanese query finds Japanese pages', async () => {
    const { titles } = await search('ja', '返品');
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.join(' ')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  test('a Chinese query finds Chinese pages', async () => {
    const { titles } = await search('zh-cn', '退货');
    expect(titles.join(' ')).toMatch(/退货/);
  });

  test('filters narrow results to one market', async () => {
    const { page, titles } = await search('en', 'withdrawal', '&type=policy&market=de');
    const meta = await page.locator('.result-meta').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const m of meta) expect(m).toContain('Germany');
  });

  test('the query from the URL is shown as text, never as HTML', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/en/search/?q=${encodeURIComponent('<img src=x onerror="window.__xss=1">')}`);
    // The search has run once its status reads a count or "No results".
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/result|No results/);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('#q').inputValue()).toContain('<img');
  });

  test('the home search box submits to the search page', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/en/`);
    await page.fill('#home-q', 'refund');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/en/search/?q=refund');
    await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});

test('a typed query with markup is searched as text and never becomes HTML', async () => {
  const page = await browser().newPage();
  await page.goto(`${base}/en/search/`);
  await page.fill('#q', '<img src=x onerror="window.__typed=1"> return');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/result|No results/);
  expect(await page.evaluate(() => (window as { __typed?: number }).__typed)).toBeUndefined();
  expect(await page.locator('[data-search-results] img').count()).toBe(0);
});
