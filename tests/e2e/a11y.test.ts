/** axe-core in Chromium: no WCAG 2.2 AA violations on every page type, in English and Arabic. */
import { describe, expect, inject, test } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { useBrowser } from '../helpers/browser.ts';

const base = inject('publicUrl');
const browser = useBrowser();

const pages = {
  home: '/{lang}/',
  category: '/{lang}/help/returns/',
  article: '/{lang}/help/returns/start-a-return/',
  policy: '/{lang}/policies/sa/returns/',
  search: '/{lang}/search/?q=return',
  market: '/{lang}/markets/sa/',
  notFound: '/{lang}/no-such-page/',
};

describe.each(['en', 'ar'])('accessibility in %s', (lang) => {
  test.each(Object.entries(pages))('%s page has no WCAG 2.2 AA violations', async (_, path) => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser().newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(base + path.replace('{lang}', lang));
      if (path.includes('search')) await page.waitForTimeout(1500);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const violations = result.violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      expect(violations).toEqual([]);
      await context.close();
    }
  });
});
