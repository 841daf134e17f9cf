import { beforeAll, describe, expect, test } from 'vitest';
import { loadContent, type Content } from '../../src/content/load.ts';
import { buildRoutes, type EntryRoute, type Route } from '../../src/content/routes.ts';
import { relativeUrl } from '../../src/content/paths.ts';
import { fixture } from '../helpers/build.ts';

let content: Content;
let routes: Route[];
const find = (path: string) => routes.find((r) => r.path === path) as EntryRoute;

beforeAll(() => {
  content = loadContent(fixture('basic'), 'public');
  routes = buildRoutes(content);
});

describe('routes', () => {
  test('every page exists in every language, translated or not', () => {
    for (const lang of ['en', 'de', 'ar', 'ja', 'zh-cn']) expect(find(`${lang}/help/returns/start-a-return`)).toBeDefined();
  });

  test('a translated page is its own source and lists its translations both ways', () => {
    const de = find('de/help/orders/track-your-order');
    expect(de).toMatchObject({ isFallback: false, canonical: '/de/help/orders/track-your-order/' });
    expect(de.source.code).toBe('de');
    expect(de.alternates.map((a) => a.hreflang).sort()).toEqual(['ar', 'de', 'en', 'ja', 'x-default', 'zh-CN']);
    expect(find('en/help/orders/track-your-order').alternates.map((a) => a.href)).toContain('/de/help/orders/track-your-order/');
  });

  test('an untranslated page is a fallback with the original language, no alternates, canonical to the original', () => {
    const ar = find('ar/help/returns/start-a-return');
    expect(ar).toMatchObject({ isFallback: true, alternates: [], canonical: '/en/help/returns/start-a-return/' });
    expect(ar.lang).toMatchObject({ code: 'ar', dir: 'rtl' });
    expect(ar.source).toMatchObject({ code: 'en', dir: 'ltr' });
  });

  test('a policy page belongs to its market; a language the market lacks falls back to its text', () => {
    const ja = find('ja/policies/de/returns');
    expect(ja.market?.id).toBe('de');
    expect(ja.isFallback).toBe(true);
    expect(ja.breadcrumbs.map((b) => b.url)).toEqual(['/ja/', '/ja/markets/', '/ja/markets/de/']);
  });

  test('the public routes contain no internal pages', () => {
    expect(routes.filter((r) => /sop|culture/.test(r.route))).toEqual([]);
  });

  test('related articles come from frontmatter', () => {
    expect(find('en/help/orders/track-your-order').related.map((l) => l.url)).toEqual(['/en/help/returns/start-a-return/']);
  });

  test('relative URLs between routes resolve like a browser does', () => {
    const from = 'https://x.example/en/help/orders/track-your-order/';
    expect(new URL(relativeUrl('help/orders/track-your-order', 'help/returns/start-a-return'), from).pathname).toBe('/en/help/returns/start-a-return/');
    expect(new URL(relativeUrl('help/orders/track-your-order', 'policies/de/returns'), from).pathname).toBe('/en/policies/de/returns/');
  });

  test('the internal site has the SOPs and culture guides as routes', () => {
    const internal = buildRoutes(loadContent(fixture('basic'), 'internal'));
    expect(internal.map((r) => r.path)).toEqual(expect.arrayContaining(['en/sop/orders/where-is-my-order', 'de/culture/de', 'en/sop']));
  });
});

describe('anchors across translations', () => {
  test('a translation with the same outline answers to its source heading ids', async () => {
    const { tempContent } = await import('../helpers/content.ts');
    const root = tempContent('basic', {
      'help/en/orders/linker.md': '---\ntitle: L\ndescription: D\n---\n\n[see](./track-your-order.md#find-your-tracking-number)\n',
      'help/de/orders/linker.md': '---\ntitle: L\ndescription: D\n---\n\n[siehe](./track-your-order.md#find-your-tracking-number)\n',
      'help/de/orders/track-your-order.md':
        '---\ntitle: Bestellung verfolgen\ndescription: D\n---\n\n## Sendungsnummer finden\n\nText.\n\n## Wenn die Verfolgung stockt\n\nText.\n',
    });
    const c = loadContent(root, 'public');
    const de = c.byRoute.get('help/orders/track-your-order')!.get('de')!;
    expect(de.headings.map((h) => h.id)).toEqual(['sendungsnummer-finden', 'wenn-die-verfolgung-stockt']);
    expect(de.anchorAliases).toEqual(['find-your-tracking-number', 'when-tracking-stops']);
    expect(de.html).toContain('<span id="find-your-tracking-number" class="anchor-alias"></span><h2 id="sendungsnummer-finden">');
  });
});

test('a translation with another outline gets no aliases, and a link to a missing anchor there is an error', async () => {
  const { tempContent } = await import('../helpers/content.ts');
  const { ContentError } = await import('../../src/content/errors.ts');
  const root = tempContent('basic', {
    'help/de/orders/linker.md': '---\ntitle: L\ndescription: D\n---\n\n[siehe](./track-your-order.md#find-your-tracking-number)\n',
  });
  expect(() => loadContent(root, 'public')).toThrow(ContentError);
});

test('the pages besides content entries are exactly the ones links may name (paths.ts)', async () => {
  const { pageRoutes } = await import('../../src/content/paths.ts');
  for (const target of ['public', 'internal'] as const) {
    const c = loadContent(fixture('basic'), target);
    const built = new Set(
      buildRoutes(c)
        .filter((r) => !('entry' in r))
        .map((r) => r.route),
    );
    expect(built).toEqual(new Set(pageRoutes(c.site, target)));
  }
});
