/**
 * Reads the real output of the `basic` fixture built as both sites: HTML, sitemap, robots, the
 * Pagefind bundle (decompressed). The two builds are made once per run (tests/helpers/sites.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { read, walk } from '../helpers/build.ts';
import { readMaybeGzip } from '../helpers/pagefind.ts';
import { CANARIES } from '../helpers/sites.ts';

const pub = { outDir: inject('basicPublicDir') };
const internal = { outDir: inject('basicInternalDir'), output: inject('basicInternalOutput') };
const html = (site: { outDir: string }, page: string) => read(site.outDir, path.join(page, 'index.html'));

describe('the wall between the sites', () => {
  test('no canary string from SOPs, culture guides or <Internal> blocks is in any public file, search index decompressed', () => {
    const files = walk(pub.outDir);
    expect(files.some((f) => f.includes(`${path.sep}pagefind${path.sep}fragment`))).toBe(true);
    const leaks = files.flatMap((f) => CANARIES.filter((c) => readMaybeGzip(f).includes(c)).map((c) => `${c} in ${path.relative(pub.outDir, f)}`));
    expect(leaks).toEqual([]);
  });

  test('owners are internal data and never reach the public site', () => {
    const leaks = walk(pub.outDir).filter((f) => /fixture-owner-team|legal-fixture/.test(readMaybeGzip(f)));
    expect(leaks).toEqual([]);
    // Control: the same owners are on the agents' site, so the search above can find them.
    const internalText = walk(internal.outDir)
      .map((f) => readMaybeGzip(f))
      .join('\n');
    expect(internalText).toContain('fixture-owner-team');
    expect(internalText).toContain('legal-fixture');
  });

  test('every canary string is on the internal site and in its search index', () => {
    const all = walk(internal.outDir)
      .map((f) => readMaybeGzip(f))
      .join('\n');
    const index = walk(path.join(internal.outDir, 'pagefind'))
      .map((f) => readMaybeGzip(f))
      .join('\n');
    for (const c of CANARIES) {
      expect(all, c).toContain(c);
      expect(index, c).toContain(c);
    }
  });

  test('the procedures index names each area, in words when the site gives none', () => {
    expect(html(internal, 'en/sop')).toMatch(/<h2 id="group-\d">Orders<\/h2>/);
  });

  test('the internal site is marked noindex, disallows robots and has no sitemap', () => {
    expect(html(internal, 'en/sop/orders/where-is-my-order')).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(read(internal.outDir, 'robots.txt')).toContain('Disallow: /');
    expect(fs.existsSync(path.join(internal.outDir, 'sitemap.xml'))).toBe(false);
  });
});

describe('languages', () => {
  test('pages carry the language and direction of the route', () => {
    expect(html(pub, 'ar/help/orders/track-your-order')).toMatch(/<html lang="ar" dir="rtl"/);
    expect(html(pub, 'zh-cn/help/orders/track-your-order')).toMatch(/<html lang="zh-CN" dir="ltr"/);
  });

  test('an untranslated page shows the original text with its own lang and a notice, and is not indexed', () => {
    const page = html(pub, 'ar/help/returns/start-a-return');
    expect(page).toMatch(/<html lang="ar" dir="rtl"/);
    expect(page).toMatch(/<article class="entry entry-help" lang="en" dir="ltr">/);
    expect(page).toContain('class="fallback-notice"');
    expect(page).not.toContain('data-pagefind-body');
    expect(page).toContain('<link rel="canonical" href="https://help.fixture.example/en/help/returns/start-a-return/">');
    // Control: the original page itself is indexed.
    expect(html(pub, 'en/help/returns/start-a-return')).toContain('data-pagefind-body');
  });

  test('translated pages link to each other with hreflang both ways, plus x-default', () => {
    const en = html(pub, 'en/help/orders/track-your-order');
    const de = html(pub, 'de/help/orders/track-your-order');
    for (const page of [en, de]) {
      expect(page).toContain('<link rel="alternate" hreflang="de" href="https://help.fixture.example/de/help/orders/track-your-order/">');
      expect(page).toContain('<link rel="alternate" hreflang="en" href="https://help.fixture.example/en/help/orders/track-your-order/">');
      expect(page).toContain('<link rel="alternate" hreflang="x-default" href="https://help.fixture.example/en/help/orders/track-your-order/">');
    }
  });

  test('the root language picker and every language home list the same hreflang set, x-default being the root', () => {
    const links = (page: string) => [...page.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`).sort();
    const root = read(pub.outDir, 'index.html');
    const set = links(root);
    expect(set).toEqual(
      ['ar', 'de', 'en', 'ja', 'zh-CN']
        .map((l) => `${l} https://help.fixture.example/${l.toLowerCase()}/`)
        .concat('x-default https://help.fixture.example/')
        .sort(),
    );
    expect(root).toContain('<link rel="canonical" href="https://help.fixture.example/">');
    for (const lang of ['en', 'de', 'ar', 'ja', 'zh-cn']) expect(links(html(pub, lang)), lang).toEqual(set);
    expect(read(pub.outDir, 'sitemap.xml')).toContain(
      '<loc>https://help.fixture.example/</loc>\n    <xhtml:link rel="alternate" hreflang="en" href="https://help.fixture.example/en/"/>',
    );
  });

  test('the root page has a description in the default language', () => {
    expect(read(pub.outDir, 'index.html')).toContain(
      '<meta name="description" content="Help from Fixture Shop support in your language: orders, delivery, returns, payments, duties and more.">',
    );
  });

  test('the language switcher keeps the reader on the same page', () => {
    const page = html(pub, 'de/help/orders/track-your-order');
    for (const l of ['en', 'ar', 'ja', 'zh-cn']) expect(page).toContain(`href="/${l}/help/orders/track-your-order/"`);
  });

  test('the search index has one index per language', () => {
    const entry = JSON.parse(read(pub.outDir, 'pagefind/pagefind-entry.json')) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages).sort()).toEqual(['ar', 'de', 'en', 'ja', 'zh-cn']);
  });
});

describe('pages', () => {
  test('a fact renders from market data in the language of the page', () => {
    expect(html(pub, 'de/policies/de/returns')).toMatch(/14 Tage/);
    expect(html(pub, 'en/policies/de/returns')).toMatch(/14 days/);
    expect(html(pub, 'en/policies/de/returns')).toContain('€150');
  });

  test('policy pages show the effective date and their sources', () => {
    const page = html(pub, 'en/policies/de/returns');
    // English on the German market's pages: dates the German way round, still in English.
    expect(page).toContain('Effective 1 January 2026');
    expect(page).toContain('href="https://www.gesetze-im-internet.de/bgb/__355.html"');
  });

  test('an FAQ article has FAQPage structured data', () => {
    const page = html(pub, 'en/help/returns/start-a-return');
    const ld = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    expect(ld.find((o) => o['@type'] === 'FAQPage')).toMatchObject({ mainEntity: [{ name: 'Before you start?' }, { name: 'How do I send it?' }] });
  });

  test('the sitemap lists canonical pages with alternates and leaves out fallbacks', () => {
    const xml = read(pub.outDir, 'sitemap.xml');
    expect(xml).toContain('<loc>https://help.fixture.example/de/help/orders/track-your-order/</loc>');
    expect(xml).toContain('hreflang="zh-CN" href="https://help.fixture.example/zh-cn/help/orders/track-your-order/"');
    // A fallback's canonical URL is its original's, so a fallback let in would show as the
    // original listed once more (four languages lack this article), not under its own path.
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.filter((l) => l === 'https://help.fixture.example/en/help/returns/start-a-return/')).toHaveLength(1);
    expect(new Set(locs).size).toBe(locs.length);
    expect(xml).not.toContain('/ar/help/returns/start-a-return/');
    expect(fs.existsSync(path.join(pub.outDir, 'ar/help/returns/start-a-return/index.html'))).toBe(true);
  });

  test('the feedback form posts to the configured endpoint', () => {
    expect(html(pub, 'en/help/orders/track-your-order')).toContain('action="https://feedback.fixture.example/helpful"');
  });

  test('there is a 404 page for the host and one per language, wired up in _redirects', () => {
    expect(read(pub.outDir, '404.html')).toMatch(/<html lang="en"/);
    expect(html(pub, 'ar/404')).toMatch(/<html lang="ar" dir="rtl"/);
    expect(read(pub.outDir, '_redirects')).toContain('/ar/*  /ar/404/  404');
  });

  test('market pages list hours in the market time zone', () => {
    const page = html(pub, 'en/markets/de');
    expect(page).toContain('Central European Time');
    expect(page).toMatch(/Monday – Friday: <span dir="ltr">09:00\s?–\s?17:00<\/span>/);
  });
});

describe('the audit in the build', () => {
  test('the internal build prints the audit summary', () => {
    expect(internal.output).toContain('Content audit as of 2027-06-01: errors: 0, warnings: ');
  });

  test('internal pages carry a banner for an overdue review, with the owner', () => {
    expect(html(internal, 'en/policies/de/returns')).toContain('Review overdue by 122 days — owner: legal-fixture');
  });

  test('public pages show only the reviewed date, never audit data or owners', () => {
    const page = html(pub, 'en/policies/de/returns');
    expect(page).toContain('Last reviewed 1 November 2026');
    expect(page).not.toMatch(/overdue|audit-banner|legal-fixture/);
    expect(fs.existsSync(path.join(pub.outDir, 'en/health'))).toBe(false);
  });

  test('the content health page has the translation matrix, charts as inline SVG and reviews by owner', () => {
    const page = html(internal, 'en/health');
    expect(page).toMatch(/<svg role="img"/);
    expect(page).toContain('Reviews overdue, by owner');
    expect(page).toMatch(
      /<th scope="row"><a href="\/en\/help\/returns\/start-a-return\/">Start a return<\/a><\/th><td class="cell-ok">up to date<\/td><td class="cell-missing">missing<\/td>/,
    );
    expect(page).not.toMatch(/<script(?! type="application\/(ld\+)?json")[^>]*src=[^>]*chart/);
  });
});
