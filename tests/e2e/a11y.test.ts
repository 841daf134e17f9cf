/**
 * axe-core in Chromium: no WCAG 2.2 AA violations on every page type, in English and Arabic, in
 * the light and the dark colour scheme. The dark scheme changes only colour variables (checked
 * below), so in it only the rules about colour can come out differently: those run again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/build.ts';

const base = inject('publicUrl');
const browser = useBrowser();
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The rules whose outcome depends on colours alone. */
const colourRules = ['color-contrast', 'link-in-text-block'];

const pages = {
  home: '/{lang}/',
  category: '/{lang}/help/returns/',
  article: '/{lang}/help/returns/start-a-return/',
  policy: '/{lang}/policies/sa/returns/',
  search: '/{lang}/search/?q=return',
  market: '/{lang}/markets/sa/',
  notFound: '/{lang}/no-such-page/',
};

/**
 * Violations as short lines, after checking that axe did look at the page. Legacy mode runs
 * axe.run in the page itself, two to three times faster than the default (a partial run per frame,
 * then a blank page to merge them), and the same for pages without frames, which is checked.
 */
async function violations(page: Page, rules?: string[], region?: string): Promise<string[]> {
  expect(page.frames()).toHaveLength(1);
  const builder = new AxeBuilder({ page }).withTags(tags).setLegacyMode(true);
  if (region) builder.include(region);
  const result = await (rules ? builder.withRules(rules) : builder).analyze();
  expect(result.passes.length + result.violations.length + result.incomplete.length).toBeGreaterThan(0);
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

describe.each(['en', 'ar'])('accessibility in %s', (lang) => {
  test.each(Object.entries(pages))('%s page has no WCAG 2.2 AA violations', async (_, p) => {
    const context = await browser().newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(base + p.replace('{lang}', lang));
    if (p.includes('search')) await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    expect((await violations(page, colourRules)).map((v) => `dark: ${v}`)).toEqual([]);
    await context.close();
  });
});

/**
 * The search layer's states: a correction notice ("Showing results for…", "Search instead
 * for…"), no results (popular articles, topics, contact options), and the home box's suggestions
 * open with one highlighted. The rest of these pages is checked above; axe looks at the region
 * the state adds (and the page's landmarks and headings rules still see the whole document).
 */
const searchStates: Record<string, { path: string; region: string; query: Record<string, string>; ready(page: Page, q: string): Promise<void> }> = {
  correction: {
    path: '/{lang}/search/?q={q}',
    region: 'main',
    query: { en: 'refnud', ar: 'استرجاغ' },
    ready: async (page) => {
      await page.locator('[data-search-correction] a').waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    },
  },
  noResults: {
    path: '/{lang}/search/?q={q}',
    region: 'main',
    query: { en: 'xqzzvplk', ar: 'xqzzvplk' },
    ready: async (page) => {
      await page.locator('[data-search-empty]').waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-search-empty] [data-contact-market]:not([hidden])').count()).toBeGreaterThan(0);
    },
  },
  suggestions: {
    path: '/{lang}/',
    region: '.hero',
    query: { en: 'refund', ar: 'إرجاع' },
    ready: async (page, q) => {
      await page.locator('#home-q').fill(q);
      await page.locator('#home-q-list [role="option"]').nth(1).waitFor({ timeout: 15_000 });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#home-q').getAttribute('aria-activedescendant')).toBe('home-q-opt-1');
    },
  },
};

describe.each(['en', 'ar'])('accessibility of the search layer in %s', (lang) => {
  test.each(Object.entries(searchStates))('%s has no WCAG 2.2 AA violations', async (_, state) => {
    const q = state.query[lang]!;
    const context = await browser().newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(base + state.path.replace('{lang}', lang).replace('{q}', encodeURIComponent(q)));
    await state.ready(page, q);
    expect(await violations(page, undefined, state.region)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    expect((await violations(page, colourRules, state.region)).map((v) => `dark: ${v}`)).toEqual([]);
    await context.close();
  });
});

describe('the checks themselves', () => {
  test('the dark scheme changes colour variables only, so the colour rules are all that can differ', () => {
    const css = fs.readFileSync(path.join(projectRoot, 'src/styles/global.css'), 'utf8');
    const blocks = [...css.matchAll(/@media \(prefers-color-scheme: dark\) \{\s*:root \{([^}]*)\}\s*\}/g)];
    expect(blocks).toHaveLength(1);
    const declarations = blocks[0]![1]!
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean);
    expect(declarations.length).toBeGreaterThan(5);
    expect(declarations.filter((d) => !/^--[\w-]+:\s*#[0-9a-f]{3,8}$/i.test(d))).toEqual([]);
    const sources = fs.readdirSync(path.join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(css|astro|ts)$/.test(f));
    const mentions = sources.filter((f) => fs.readFileSync(path.join(projectRoot, 'src', f), 'utf8').includes('prefers-color-scheme'));
    expect(mentions).toEqual([path.join('styles', 'global.css')]);
  });

  test('axe reports a violation when there is one (control)', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${base}/en/`);
    // Styles set through the CSSOM, which the CSP allows (a style attribute would be refused).
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.append(Object.assign(document.createElement('img'), { src: '/x.png' }));
      const p = Object.assign(document.createElement('p'), { textContent: 'Low contrast' });
      p.style.color = '#777';
      p.style.background = '#888';
      main.append(p);
    });
    expect((await violations(page, ['image-alt', ...colourRules])).map((v) => v.split(':')[0]).sort()).toEqual(['color-contrast', 'image-alt']);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect((await violations(page, colourRules)).map((v) => v.split(':')[0])).toEqual(['color-contrast']);
    await context.close();
  });
});
