/** The agents' site in Chromium, and the wall checked on the real sample content. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { useBrowser } from '../helpers/browser.ts';
import { projectRoot, walk } from '../helpers/build.ts';
import { readMaybeGzip } from '../helpers/pagefind.ts';

const base = inject('internalUrl');
let context: BrowserContext;
const browser = useBrowser();

async function open(p: string, setup?: (c: BrowserContext) => Promise<void>) {
  context = await browser().newContext({ viewport: { width: 1200, height: 900 } });
  await setup?.(context);
  const page = await context.newPage();
  await page.goto(base + p);
  return page;
}

const sop = '/en/sop/customs/parcel-held-at-customs/';

describe('agent tools', () => {
  test('every page is marked internal', async () => {
    const page = await open(sop);
    expect(await page.locator('.internal-banner').textContent()).toContain('INTERNAL');
  });

  test('the copy button copies a canned reply as plain text', async () => {
    const page = await open(sop, (c) => c.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base }));
    const reply = page.locator('[data-reply][data-reply-lang="en"]').first();
    await reply.getByRole('button', { name: 'Copy reply' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // biome-ignore lint/performance/useDomNodeTextContent: the copy button copies what is seen (innerText).
    expect(copied).toBe((await reply.locator('.reply-body').innerText()).trim());
    expect(copied).toMatch(/^Hello/);
    expect(await reply.getByRole('button').textContent()).toBe('Copied');
  });

  test('the reply-language choice shows only that language and is remembered', async () => {
    const page = await open(sop);
    await page.selectOption('[data-reply-lang-select]', 'ja');
    expect(await page.locator('[data-reply]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-reply-lang')))).toEqual(['ja']);
    await page.reload();
    expect(await page.locator('[data-reply]:visible').count()).toBe(1);
  });

  test('a procedure read in Chinese shows the replies in the customers’ languages; the working language is kept apart from the reply language', async () => {
    const page = await open(sop);
    await page.selectOption('[data-reply-lang-select]', 'ja');
    await page.locator('.lang-switch summary').click();
    await page.locator('.lang-switch a[data-lang="zh-cn"]').click();
    await page.waitForURL(`${base}/zh-cn/sop/customs/parcel-held-at-customs/`);
    expect(await page.locator('article').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h2#replies').textContent()).toBe('回复模板');
    // The reply language chosen on the English page still holds: the Japanese reply, ready to copy.
    expect(await page.locator('[data-reply-lang-select]').inputValue()).toBe('ja');
    expect(await page.locator('[data-reply]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-reply-lang')))).toEqual(['ja']);
    expect(await page.locator('[data-reply]:visible .reply-body').getAttribute('lang')).toBe('ja');
    // The site root opens in the working language, whatever the browser's languages.
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/zh-cn/`);
  });

  test('the market context set once shows that market and filters search', async () => {
    const page = await open('/en/markets/jp/');
    await page.goto(base + sop);
    expect(await page.locator('[data-market-panel]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-market-panel')))).toEqual(['jp']);
    await page.goto(`${base}/en/search/?q=refund`);
    expect(await page.locator('select[name="market"]').inputValue()).toBe('jp');
    await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  test('search filters by content type find SOPs', async () => {
    const page = await open('/en/search/?q=customs&type=sop');
    await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const meta = await page.locator('.result-meta').allTextContents();
    for (const m of meta) expect(m).toContain('Procedure');
  });

  test('"/" focuses the search box', async () => {
    const page = await open(sop);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  });
});

describe.each(['en', 'ar'])('accessibility of agent pages in %s', (lang) => {
  test.each([
    ['SOP', '/{lang}/sop/customs/parcel-held-at-customs/'],
    ['culture guide', '/{lang}/culture/jp/'],
    ['procedures index', '/{lang}/sop/'],
  ])('%s page has no WCAG 2.2 AA violations', async (_, p) => {
    const page = await open(p.replace('{lang}', lang));
    // Legacy mode: axe.run in the page itself, much faster, the same for a page without frames.
    expect(page.frames()).toHaveLength(1);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).setLegacyMode(true).analyze();
    expect(result.passes.length).toBeGreaterThan(0);
    expect(
      result.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
    ).toEqual([]);
  });
});

describe('the wall on the sample content', () => {
  test('no SOP or culture guide title, and no <Internal> text, appears anywhere in the public build', () => {
    const content = path.join(projectRoot, 'content');
    const titles = walk(path.join(content, 'sop'))
      .concat(walk(path.join(content, 'culture')))
      .map((f) => /^title:\s*["']?(.+?)["']?\s*$/m.exec(fs.readFileSync(f, 'utf8'))?.[1])
      .filter((t): t is string => !!t && t.length > 12);
    const notes = walk(path.join(content, 'help'))
      .concat(walk(path.join(content, 'policies')))
      .flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/<Internal>\s*([^\n<]{24,})/g)].map((m) => m[1]!.trim().slice(0, 40)));
    expect(titles.length).toBeGreaterThan(10);
    expect(notes.length).toBeGreaterThan(5);
    const publicText = walk(inject('publicDir')).map((f) => readMaybeGzip(f));
    const leaks = [...titles, ...notes].filter((needle) => publicText.some((text) => text.includes(needle)));
    expect(leaks).toEqual([]);
    const internalText = walk(inject('internalDir'))
      .map((f) => readMaybeGzip(f))
      .join('\n');
    expect(titles.filter((t) => !internalText.includes(t))).toEqual([]);
  });
});

describe('the wall, searched for real', () => {
  const find = async (site: string, q: string) => {
    const page = await browser().newPage();
    await page.goto(`${site}/en/search/?q=${encodeURIComponent(q)}`);
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).not.toBe('Searching…');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).not.toBe('');
    return {
      titles: await page.locator('[data-search-results] h2').allTextContents(),
      excerpts: await page.locator('[data-search-results] .excerpt').allTextContents(),
    };
  };

  test.each([
    ['an SOP body', 'qwzquokka'],
    ['a culture guide', 'qwztapir'],
    ['an <Internal> block', 'qwzibis'],
  ])("the agents' search finds the canary in %s; the customers' search does not", async (_, word) => {
    const agents = await find(inject('fixtureInternalUrl'), word);
    expect(agents.excerpts.join(' ')).toContain(word);
    const customers = await find(inject('fixtureUrl'), word);
    expect(customers.excerpts.join(' ')).not.toContain(word);
    expect(customers.titles).toEqual([]);
  });

  test("the customers' search finds an ordinary word of the same public article (control)", async () => {
    // "carrier" is in the <Internal> block of track-your-order; "confirmation" in its public text.
    const customers = await find(inject('fixtureUrl'), 'confirmation');
    expect(customers.titles).toContain('Track your order');
    expect(customers.excerpts.join(' ')).toMatch(/confirmation/i);
  });
});
