/**
 * The search layer's interface in Chromium on the built sample site: typo correction and its
 * "search instead" link, questions and customers' own words, the zero-results block, instant
 * answers in the home and header boxes (the ARIA combobox), and bad input, all with no console
 * error and no uncaught exception. Queries and the pages that answer them come from
 * tests/fixtures/search/sample-queries.yaml.
 */
import { describe, expect, inject, test } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { useBrowser } from '../helpers/browser.ts';

const base = inject('publicUrl');
const browser = useBrowser();

interface Opened {
  page: Page;
  /** Console errors, uncaught exceptions and dialogs (an `alert` that ran), as they happen. */
  errors: string[];
  /** Every request the page made under /pagefind/. */
  pagefind: string[];
}

/**
 * Opens `path` in a fresh context, recording errors and Pagefind requests from the start. The
 * sample site has no favicon: Chromium's own request for it is not the page's error.
 */
async function open(path: string, options: { market?: { id: string; region: string }; width?: number } = {}): Promise<Opened> {
  const context = await browser().newContext(options.width ? { viewport: { width: options.width, height: 800 } } : {});
  if (options.market) await context.addInitScript((m) => localStorage.setItem('signpost.market', m), JSON.stringify(options.market));
  const page = await context.newPage();
  const errors: string[] = [];
  const pagefind: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r: Request) => {
    if (new URL(r.url()).pathname.startsWith('/pagefind/')) pagefind.push(new URL(r.url()).pathname);
  });
  await page.goto(base + path);
  return { page, errors, pagefind };
}

/** The home page's search box. */
const home = (page: Page) => ({
  input: page.locator('#home-q'),
  list: page.locator('#home-q-list'),
  options: page.locator('#home-q-list [role="option"]'),
});

const status = (page: Page) => page.locator('[data-search-status]');

/** Waits until the search page's query has run: its status shows a count or "no results". */
async function settled(page: Page): Promise<string> {
  const loading = await page.evaluate(
    () => (JSON.parse(document.getElementById('search-data')!.textContent!) as { strings: { loading: string } }).strings.loading,
  );
  let text = '';
  await expect
    .poll(
      async () => {
        text = (await status(page).textContent()) ?? '';
        return text !== '' && text !== loading;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return text;
}

/** The results' links, best first; each result must be a list item holding one. */
async function resultUrls(page: Page): Promise<string[]> {
  const urls = await page
    .locator('[data-search-results] > li')
    .evaluateAll((items) => items.map((li) => li.querySelector('h2 a[href]')?.getAttribute('href') ?? '(no link)'));
  expect(urls).not.toContain('(no link)');
  return urls;
}

async function search(path: string) {
  const opened = await open(path);
  const text = await settled(opened.page);
  return { ...opened, text, urls: await resultUrls(opened.page) };
}

describe('typo correction on the search page', () => {
  test('a misspelt word is corrected, announced, and can be searched as typed', async () => {
    const { page, errors, text, urls } = await search('/en/search/?q=refnud');
    expect(text).toMatch(/^\d+ results$/);
    expect(urls[0]).toBe('/en/help/returns/refund-timing/');
    for (const u of urls) expect(u).toMatch(/^\/en\/(help|policies)\//);
    const correction = page.locator('[data-search-correction]');
    // Announced, not only shown: the count alone would claim these are results for "refnud".
    expect(await correction.getAttribute('aria-live')).toBe('polite');
    expect(await correction.locator('p').first().textContent()).toBe('Showing results for refund.');
    expect(await correction.locator('em').textContent()).toBe('refund');
    const instead = correction.getByRole('link', { name: 'refnud', exact: true });
    expect(await correction.locator('p').nth(1).textContent()).toBe('Search instead for refnud');
    const href = new URL((await instead.getAttribute('href'))!, base);
    expect(href.pathname).toBe('/en/search/');
    expect(Object.fromEntries(href.searchParams)).toEqual({ q: 'refnud', literal: '1' });

    // As typed: nothing has "refnud", and nothing claims otherwise.
    await instead.click();
    await page.waitForURL((u) => u.searchParams.get('literal') === '1');
    expect(await settled(page)).toMatch(/^No results/);
    expect(await correction.textContent()).toBe('');
    expect(await page.locator('#q').inputValue()).toBe('refnud');
    expect(await page.locator('[data-search-results] li').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('literal')).toBe('1');

    // Typing again is a new query: corrected again, and the URL no longer asks for the literal words.
    await page.fill('#q', 'refnud');
    await expect
      .poll(
        () =>
          correction
            .locator('em')
            .textContent()
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toBe('refund');
    expect(new URL(page.url()).searchParams.has('literal')).toBe(false);
    expect(errors).toEqual([]);
  });

  test('each misspelt word of a query is corrected in place', async () => {
    const { page, errors, urls } = await search('/en/search/?q=forgot%20pasword');
    expect(await page.locator('[data-search-correction] em').textContent()).toBe('forgot password');
    expect(urls[0]).toBe('/en/help/account/reset-password/');
    expect(errors).toEqual([]);
  });

  test('in Arabic too', async () => {
    const { page, errors, urls } = await search(`/ar/search/?q=${encodeURIComponent('استرجاغ')}`);
    expect(await page.locator('[data-search-correction] em').textContent()).toBe('استرجاع');
    const href = new URL((await page.locator('[data-search-correction] a').getAttribute('href'))!, base);
    expect(Object.fromEntries(href.searchParams)).toEqual({ q: 'استرجاغ', literal: '1' });
    expect(urls[0]).toBe('/ar/help/returns/start-a-return/');
    expect(errors).toEqual([]);
  });

  test('"search instead" keeps the filters of the search', async () => {
    const { page, urls } = await search('/en/search/?q=retrun&type=policy&market=de');
    expect(urls[0]).toBe('/en/policies/de/returns/');
    for (const u of urls) expect(u).toMatch(/^\/en\/policies\/de\//);
    const href = new URL((await page.locator('[data-search-correction] a').getAttribute('href'))!, base);
    expect(Object.fromEntries(href.searchParams)).toEqual({ q: 'retrun', literal: '1', type: 'policy', market: 'de' });
  });
});

describe('questions and customers’ own words', () => {
  // A page that answers the question is among the first five results.
  test.each([
    ['en', 'where is my stuff', ['/en/help/shipping/late-or-lost-parcel/', '/en/help/orders/track-your-order/']],
    ['en', 'how do I return something I bought?', ['/en/help/returns/start-a-return/']],
    ['zh-cn', '快递没收到', ['/zh-cn/help/shipping/late-or-lost-parcel/', '/zh-cn/help/orders/track-your-order/']],
    ['ja', '荷物が壊れていた', ['/ja/help/shipping/damaged-parcel/']],
    ['ar', 'كيف أرجع المنتج', ['/ar/help/returns/start-a-return/', '/ar/policies/sa/returns/']],
  ])('%s: %s', async (lang, q, answers) => {
    const { urls, errors } = await search(`/${lang}/search/?q=${encodeURIComponent(q)}`);
    expect(urls.slice(0, 5).filter((u) => answers.includes(u))).not.toEqual([]);
    for (const u of urls) expect(u.startsWith(`/${lang}/`)).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('zero results', () => {
  const nonsense = '/en/search/?q=xqzzvplk';

  /** The visible contact blocks' markets. */
  const contactMarkets = (page: Page) =>
    page
      .locator('[data-search-empty] [data-contact-market]')
      .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent).map((e) => (e as HTMLElement).dataset.contactMarket));

  test('a query nothing matches shows popular articles, topics and the contact options of the page language’s markets', async () => {
    const { page, errors } = await open(nonsense);
    expect(await settled(page)).toBe('No results. Try other words or remove a filter.');
    const empty = page.locator('[data-search-empty]');
    expect(await empty.isVisible()).toBe(true);
    expect(await page.locator('[data-search-results] li').count()).toBe(0);
    expect(await page.locator('[data-search-more]').isHidden()).toBe(true);

    const popular = await empty.locator('h3:text-is("Popular articles") + * a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const topics = await empty.locator('h3:text-is("Browse by topic") + * a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(popular.length).toBeGreaterThanOrEqual(3);
    expect(topics.length).toBeGreaterThanOrEqual(3);
    for (const u of popular) expect(u).toMatch(/^\/en\/help\/[\w-]+\/[\w-]+\/$/);
    for (const u of topics) expect(u).toMatch(/^\/en\/help\/[\w-]+\/$/);
    // Not a dead end: every way out leads to a page.
    for (const u of [...popular, ...topics]) expect((await page.request.get(base + u)).status(), u).toBe(200);

    // No market saved: those whose first language is English.
    expect(await contactMarkets(page)).toEqual(['gb', 'us']);
    const contact = empty.locator('[data-contact-market="gb"]');
    expect(await contact.getByRole('heading').textContent()).toBe('Contact support in United Kingdom');
    expect(await contact.locator('a[href^="mailto:"]').count()).toBeGreaterThan(0);
    expect(await contact.locator('.hours li').first().textContent()).toMatch(/^Monday – Friday: \d\d:\d\d–\d\d:\d\d$/);
    // Open now or closed now, worked out in the browser.
    await expect.poll(() => contact.locator('[data-open-now]').first().textContent()).toMatch(/^(Open now|Closed now( · opens .+)?)$/);

    // A query with results hides the block again.
    await page.fill('#q', 'refund');
    await expect.poll(() => empty.isHidden(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('with a saved market, only that market’s contact options are shown', async () => {
    const { page, errors } = await open(nonsense, { market: { id: 'de', region: 'DE' } });
    await settled(page);
    expect(await contactMarkets(page)).toEqual(['de']);
    expect(await page.locator('[data-contact-market="de"]').getByRole('heading').textContent()).toBe('Contact support in Germany');
    expect(await page.locator('[data-contact-market="de"] .hours li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('in Arabic, the Saudi market’s contact options', async () => {
    const { page, errors } = await open('/ar/search/?q=xqzzvplk');
    await settled(page);
    expect(await page.locator('[data-search-empty]').isVisible()).toBe(true);
    expect(await contactMarkets(page)).toEqual(['sa']);
    expect(errors).toEqual([]);
  });
});

describe('instant answers in the search boxes', () => {
  const ids = (page: Page, sel: string) => page.locator(sel).evaluateAll((os) => os.map((o) => o.id));
  const selected = (page: Page, sel: string) => page.locator(`${sel}[aria-selected="true"]`).evaluateAll((os) => os.map((o) => o.id));

  test('nothing is loaded before the first keystroke; then a listbox of articles opens and the keys move through it', async () => {
    const { page, errors, pagefind } = await open('/en/');
    const { input, list, options } = home(page);
    await page.waitForLoadState('networkidle');
    await input.focus();
    expect(pagefind).toEqual([]);
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.getAttribute('aria-controls')).toBe('home-q-list');
    expect(await list.isHidden()).toBe(true);

    await input.pressSequentially('refund');
    await options.first().waitFor();
    expect(pagefind).toContain('/pagefind/pagefind.js');
    expect(pagefind).toContain('/pagefind/lexicon/en.json');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await list.isVisible()).toBe(true);
    expect(await list.getAttribute('role')).toBe('listbox');
    await expect.poll(() => options.last().textContent()).toBe('All results for “refund”');
    const all = await ids(page, '#home-q-list [role="option"]');
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all).size).toBe(all.length);
    expect(await options.first().textContent()).toBe('When you get your refund');
    expect(await page.locator('[data-suggest-status]').textContent()).toBe(`${all.length - 1} suggestions`);
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    expect(await selected(page, '#home-q-list [role="option"]')).toEqual([]);

    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(all[0]);
    expect(await selected(page, '#home-q-list [role="option"]')).toEqual([all[0]]);
    await page.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(all.at(-1));
    expect(await selected(page, '#home-q-list [role="option"]')).toEqual([all.at(-1)]);
    await page.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(all.at(-2));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(all[0]);
    // The focus never leaves the box.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('home-q');

    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await list.isHidden()).toBe(true);
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    expect(await input.inputValue()).toBe('refund');
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    expect(await list.isHidden()).toBe(true);

    // Tab leaves the box and closes the list.
    await input.pressSequentially('return');
    await expect.poll(() => options.last().textContent()).toBe('All results for “return”');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await list.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
    expect(errors).toEqual([]);
  });

  test('Enter opens the highlighted article', async () => {
    const { page, errors } = await open('/en/');
    const { input, options } = home(page);
    await input.fill('refund');
    await options.first().waitFor();
    const url = (await options.first().getAttribute('data-url'))!;
    expect(url).toBe('/en/help/returns/refund-timing/');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(base + url);
    expect(await page.locator('h1').textContent()).toBe('When you get your refund');
    expect(errors).toEqual([]);
  });

  test('Enter with nothing highlighted submits to the search page', async () => {
    const { page, errors } = await open('/en/');
    const { input, options } = home(page);
    await input.fill('refund');
    await options.first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/en/search/?q=refund`);
    await settled(page);
    expect((await resultUrls(page))[0]).toBe('/en/help/returns/refund-timing/');
    expect(errors).toEqual([]);
  });

  test('a click on an option opens it, and the last option leads to every result', async () => {
    const { page, errors } = await open('/en/');
    const { input, options } = home(page);
    await input.fill('exchange');
    await options.first().waitFor();
    const second = (await options.nth(1).getAttribute('data-url'))!;
    await options.nth(1).click();
    await page.waitForURL(base + second);
    await page.goBack();
    await page.locator('#home-q').fill('exchange');
    await options.last().waitFor();
    await options.last().click();
    await page.waitForURL(`${base}/en/search/?q=exchange`);
    expect(await settled(page)).toMatch(/^\d+ results?$/);
    expect(errors).toEqual([]);
  });

  test('the header box on an article page works the same', async () => {
    const { page, errors, pagefind } = await open('/en/help/returns/start-a-return/');
    const input = page.locator('#header-q');
    const options = page.locator('#header-q-list [role="option"]');
    expect(await input.getAttribute('role')).toBe('combobox');
    await page.waitForLoadState('networkidle');
    expect(pagefind).toEqual([]);
    await input.fill('damaged');
    await options.first().waitFor();
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const all = await ids(page, '#header-q-list [role="option"]');
    expect(all.every((id) => id.startsWith('header-q-'))).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(all.at(-1));
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(all[0]);
    const url = (await options.first().getAttribute('data-url'))!;
    expect(url).toBe('/en/help/shipping/damaged-parcel/');
    await page.keyboard.press('Enter');
    await page.waitForURL(base + url);
    expect(errors).toEqual([]);
  });

  test('in Arabic the suggestions are right-aligned and inside the viewport, on a wide and a narrow screen', async () => {
    for (const [width, path, box] of [
      [1280, '/ar/', 'home-q'],
      [375, '/ar/help/returns/start-a-return/', 'header-q'],
    ] as const) {
      const { page, errors } = await open(path, { width });
      await page.locator(`#${box}`).fill('إرجاع');
      await page.locator(`#${box}-list [role="option"]`).first().waitFor();
      expect(await page.locator(`#${box}-list [role="option"]`).first().getAttribute('data-url')).toBe('/ar/help/returns/start-a-return/');
      const layout = await page.evaluate((id) => {
        const rect = (el: Element) => el.getBoundingClientRect();
        const text = (el: Element) => {
          const r = document.createRange();
          r.selectNodeContents(el);
          return r.getBoundingClientRect();
        };
        const list = document.getElementById(`${id}-list`)!;
        return {
          width: document.documentElement.clientWidth,
          scrollWidth: document.documentElement.scrollWidth,
          input: rect(document.getElementById(id)!).toJSON() as DOMRect,
          list: rect(list).toJSON() as DOMRect,
          options: [...list.querySelectorAll('[role="option"]')].map((o) => ({
            dir: getComputedStyle(o).direction,
            box: rect(o).toJSON() as DOMRect,
            text: text(o).toJSON() as DOMRect,
          })),
        };
      }, box);
      expect(layout.scrollWidth).toBe(layout.width);
      expect(layout.list.left).toBeGreaterThanOrEqual(0);
      expect(layout.list.right).toBeLessThanOrEqual(layout.width);
      // Under the box, from its right edge.
      expect(Math.abs(layout.list.right - layout.input.right)).toBeLessThan(1);
      expect(layout.list.top).toBeGreaterThanOrEqual(layout.input.bottom);
      for (const o of layout.options) {
        expect(o.dir).toBe('rtl');
        expect(o.box.left).toBeGreaterThanOrEqual(0);
        expect(o.box.right).toBeLessThanOrEqual(layout.width);
        // The text starts at the right, within the option's padding.
        expect(o.box.right - o.text.right).toBeLessThanOrEqual(16);
        expect(o.box.right - o.text.right).toBeLessThanOrEqual(o.text.left - o.box.left);
      }
      expect(errors).toEqual([]);
    }
  });

  test('Escape before the suggestions arrive: they do not open afterwards', async () => {
    const { page, errors } = await open('/en/');
    const { input, list } = home(page);
    // Pagefind's script is held until the box has been cleared, so the suggestions are on their way.
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route(`${base}/pagefind/pagefind.js`, async (route) => {
      await held;
      await route.continue();
    });
    await page.evaluate(() => {
      const box = document.getElementById('home-q')!;
      new MutationObserver(() => {
        if (box.getAttribute('aria-expanded') === 'true') (window as { opened?: boolean }).opened = true;
      }).observe(box, { attributes: true });
    });
    await input.fill('refund');
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    const searched = page.waitForResponse((r) => r.url().includes('/pagefind/fragment/') || r.url().includes('/pagefind/index/'));
    release();
    await searched;
    // The suggestions come within milliseconds of Pagefind's answer; they must not come at all.
    const opened = await page
      .waitForFunction(() => (window as { opened?: boolean }).opened, null, { timeout: 1500 })
      .then(
        () => true,
        () => false,
      );
    expect(opened).toBe(false);
    expect(await list.isHidden()).toBe(true);
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(errors).toEqual([]);
  });

  test('keys that belong to an input method composing text are left to it', async () => {
    const { page, errors } = await open('/ja/');
    const { input, options } = home(page);
    await input.fill('返品');
    await options.first().waitFor();
    await page.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    expect(active).toBe('home-q-opt-0');
    // What Firefox sends (isComposing) and what Safari sends (keyCode 229) while a conversion is chosen and confirmed.
    const handled = await input.evaluate((el) =>
      ['ArrowDown', 'Enter', 'Escape'].flatMap((key) => [
        !el.dispatchEvent(new KeyboardEvent('keydown', { key, isComposing: true, bubbles: true, cancelable: true })),
        !el.dispatchEvent(new KeyboardEvent('keydown', { key, keyCode: 229, bubbles: true, cancelable: true })),
      ]),
    );
    expect(handled).toEqual([false, false, false, false, false, false]);
    expect(await input.getAttribute('aria-activedescendant')).toBe(active);
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(page.url()).toBe(`${base}/ja/`);
    expect(errors).toEqual([]);
  });
});

describe('bad input is handled quietly', () => {
  const NONE = 'No results. Try other words or remove a filter.';
  /** Name, query, and what the search page says: nothing (no query), no results, a count, or either. */
  const inputs: [string, string, '' | 'none' | 'some' | 'any'][] = [
    ['empty', '', ''],
    ['2,000 characters', 'x'.repeat(2000), 'none'],
    ['punctuation only', '?!…', 'none'],
    ['bidi marks only', '\u200f\u200e', 'none'],
    ['emoji only', '📦🙂', 'none'],
    ['a script tag', '<script>alert(1)</script>', 'any'],
    ['replacement patterns', "refund $& $' $`", 'some'],
  ];
  /** A query without a letter or digit: nothing to search for. */
  const wordless = (q: string) => /^[^\p{L}\p{N}]*$/u.test(q);

  test.each(inputs)('in the search page URL: %s', async (_, q, outcome) => {
    const { page, errors, pagefind } = await open(`/en/search/?q=${encodeURIComponent(q)}`);
    expect(await page.locator('#q').inputValue()).toBe(q);
    if (outcome === '') {
      await page.waitForLoadState('networkidle');
      expect(await status(page).textContent()).toBe('');
      expect(pagefind).toEqual([]);
      expect(await page.locator('[data-search-empty]').isHidden()).toBe(true);
    } else {
      const text = await settled(page);
      if (outcome === 'none') {
        // Not a dead end: the ways on are shown.
        expect(text).toBe(NONE);
        expect(await page.locator('[data-search-empty]').isVisible()).toBe(true);
      } else expect(text).toMatch(outcome === 'some' ? /^\d+ results?$/ : /^\d+ results?$|^No results/);
    }
    expect(await page.locator('[data-search-results] :is(script, img, iframe), [data-search-correction] :is(script, img, iframe)').count()).toBe(0);
    // Nothing overflows sideways, not even 2,000 characters without a space.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(errors).toEqual([]);
  });

  test('typed into the home box', async () => {
    const { page, errors } = await open('/en/');
    const { input, list, options } = home(page);
    const prefix = 'All results for “';
    for (const [name, q] of inputs) {
      await input.fill(q);
      if (wordless(q)) {
        // No word to suggest for: the list stays closed and says nothing.
        expect(await list.isHidden(), name).toBe(true);
        expect(await input.getAttribute('aria-expanded'), name).toBe('false');
        expect(await page.locator('[data-suggest-status]').textContent(), name).toBe('');
        continue;
      }
      const all = options.last();
      // The suggestions for this query (those of the last one stay in the closed list until then).
      await expect.poll(async () => new URL((await all.getAttribute('data-url'))!, base).searchParams.get('q'), { timeout: 15_000 }).toBe(q);
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      // The query is text (the option holds no element), cut short when long; the link has all of it.
      expect(await all.evaluate((o) => o.childElementCount), name).toBe(0);
      const shown = (await all.textContent())!.slice(prefix.length, -1);
      expect(shown === q || (shown.length <= 61 && shown.endsWith('…') && q.startsWith(shown.slice(0, -1))), `${name}: ${shown}`).toBe(true);
      expect(await list.evaluate((l) => l.scrollWidth - l.clientWidth), name).toBe(0);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
    }
    expect(errors).toEqual([]);
  });

  test('typed into the home box, a query with no word loads nothing and still submits', async () => {
    const { page, errors, pagefind } = await open('/en/');
    const { input, list } = home(page);
    await page.waitForLoadState('networkidle');
    for (const [, q] of inputs.filter(([, q]) => wordless(q))) {
      await input.fill(q);
      await page.keyboard.press('ArrowDown');
      expect(await list.isHidden()).toBe(true);
    }
    expect(pagefind).toEqual([]);
    await input.fill('📦🙂');
    await input.press('Enter');
    await page.waitForURL((u) => u.pathname === '/en/search/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('📦🙂');
    expect(await settled(page)).toBe(NONE);
    expect(errors).toEqual([]);
  });
});
