/**
 * Routes as data: one function returns every page of a site with its language, direction,
 * whether it is a fallback, the language of the text it shows, its alternates and what it lists.
 * Templates only render a route; they decide nothing.
 */
import type { Heading } from './render/headings.ts';
import { pickEntry, type Content, type Entry, type HelpEntry, type PolicyEntry } from './load.ts';
import { markdownUrl, urlFor } from './paths.ts';
import type { Category, Language, Market } from './site.ts';
import { policyKinds } from '../schemas/policy.ts';

export interface PageLink {
  url: string;
  title: string;
  description?: string;
  /** Language of the title when it is not the page's own (an untranslated page). */
  lang?: Language;
}

export interface Alternate {
  /** Value for `hreflang`: a language tag or `x-default`. */
  hreflang: string;
  href: string;
}

interface RouteBase {
  /** URL path without slashes at the ends, e.g. `de/help/returns/start-a-return`. */
  path: string;
  /** Route path without the language (`help/returns/start-a-return`); same in every language. */
  route: string;
  /** Language of the page chrome (`<html lang>`). */
  lang: Language;
  title: string;
  description: string;
  /** Translations that really exist, plus `x-default`; empty on fallback pages. */
  alternates: Alternate[];
  /** URL of the canonical version (the original on a fallback page). */
  canonical: string;
  breadcrumbs: PageLink[];
}

export interface EntryRoute extends RouteBase {
  kind: 'article' | 'policy' | 'sop' | 'culture';
  entry: Entry;
  /** Language of the text shown; differs from `lang` on a fallback page. */
  source: Language;
  /** URL of the page's Markdown twin (exports/twins.ts): the canonical version's, `…/index.md`. */
  markdown: string;
  isFallback: boolean;
  toc: Heading[];
  related: PageLink[];
  category?: Category;
  market?: Market;
}

export type Route =
  | EntryRoute
  | (RouteBase & {
      kind: 'home';
      popular: PageLink[];
      categories: (PageLink & { count: number })[];
      /** Articles directly under the language folder, in no category. */
      general: PageLink[];
    })
  | (RouteBase & {
      kind: 'category';
      category: Category;
      /** Articles directly in the category folder. */
      articles: PageLink[];
      /** Articles in its sub-folders, one group per folder: site.yaml's sections first, in its order. */
      sections: { id: string; title: string; articles: PageLink[] }[];
    })
  | (RouteBase & { kind: 'markets'; markets: (PageLink & { id: string; region: string })[] })
  | (RouteBase & { kind: 'market'; market: Market; policies: PageLink[] })
  | (RouteBase & { kind: 'search'; popular: PageLink[]; categories: PageLink[] })
  | (RouteBase & { kind: 'notFound' })
  | (RouteBase & { kind: 'sopIndex'; groups: { name: string; links: PageLink[] }[] })
  | (RouteBase & { kind: 'health' })
  | (RouteBase & { kind: 'answer' });

/** Builds every route of the site. Pure: same content, same routes, same order. */
export function buildRoutes(content: Content): Route[] {
  const { site } = content;
  const routes: Route[] = [];
  const def = site.defaultLanguage;

  const pick = (route: string, lang: string): Entry | undefined => pickEntry(content, route, lang)?.entry;
  const link = (route: string, lang: Language): PageLink | undefined => {
    const e = pick(route, lang.code);
    if (!e) return undefined;
    return {
      url: urlFor(lang.code, route),
      title: e.data.title,
      description: e.data.description,
      lang: e.lang === lang.code ? undefined : site.langByCode.get(e.lang),
    };
  };
  const allLangAlternates = (route: string): Alternate[] => [
    ...site.languages.map((l) => ({ hreflang: l.htmlLang, href: urlFor(l.code, route) })),
    { hreflang: 'x-default', href: urlFor(def.code, route) },
  ];
  // The language homes' x-default is the root page (src/pages/index.astro), the language picker:
  // x-default is meant for exactly such a page, and search engines ignore hreflang links that are
  // not returned, so the root and every home list this same set and each finds itself in it.
  const homeAlternates: Alternate[] = [...allLangAlternates('').filter((a) => a.hreflang !== 'x-default'), { hreflang: 'x-default', href: '/' }];

  const help = [...content.byRoute.entries()]
    .filter(([route]) => route.startsWith('help/'))
    .map(([route, langs]) => ({ route, entry: (langs.get(def.code) ?? langs.values().next().value) as HelpEntry }))
    .sort((a, b) => a.entry.data.order - b.entry.data.order || a.route.localeCompare(b.route));
  // Routes by category ('' for articles in none), and by sub-folder inside each category.
  const byCategory = new Map<string, string[]>();
  const bySection = new Map<string, Map<string, string[]>>();
  for (const h of help) {
    const category = h.entry.category ?? '';
    (byCategory.get(category) ?? byCategory.set(category, []).get(category)!).push(h.route);
    const folder = category ? h.route.split('/').slice(2, -1).join('/') : '';
    const sections = bySection.get(category) ?? bySection.set(category, new Map()).get(category)!;
    (sections.get(folder) ?? sections.set(folder, []).get(folder)!).push(h.route);
  }
  // Sections named in site.yaml come first, in its order; other sub-folders follow by name.
  const sectionOrder = (c: Category) => {
    const named = c.sections.map((s) => s.id);
    const folders = [...(bySection.get(c.id)?.keys() ?? [])].filter((f) => f !== '');
    return [...named.filter((f) => folders.includes(f)), ...folders.filter((f) => !named.includes(f)).sort()];
  };
  const relatedRoutes = relatedIndex(help.map((h) => h.entry));
  const popular = (site.popular.length ? site.popular.map((p) => `help/${p}`) : help.slice(0, 6).map((h) => h.route)).filter((r) => content.byRoute.has(r));

  for (const lang of site.languages) {
    const t = content.t(lang.code);
    const home: PageLink = { url: urlFor(lang.code, ''), title: t('nav.home') };
    const base = (route: string, title: string, description: string, breadcrumbs: PageLink[] = [home]) => ({
      path: urlFor(lang.code, route).slice(1, -1),
      route,
      lang,
      title,
      description,
      alternates: route === '' ? homeAlternates : allLangAlternates(route),
      canonical: urlFor(lang.code, route),
      breadcrumbs,
    });

    const popularLinks = popular.map((r) => link(r, lang)!);
    routes.push({
      ...base('', site.name, t('home.description', { site: site.name }), []),
      kind: 'home',
      popular: popularLinks,
      categories: site.categories.map((c) => ({
        url: urlFor(lang.code, `help/${c.id}`),
        title: c.name(lang.code),
        description: c.description(lang.code),
        count: byCategory.get(c.id)?.length ?? 0,
      })),
      general: (byCategory.get('') ?? []).map((r) => link(r, lang)!),
    });
    for (const c of site.categories) {
      const route = `help/${c.id}`;
      routes.push({
        ...base(route, c.name(lang.code), c.description(lang.code) ?? c.name(lang.code)),
        kind: 'category',
        category: c,
        articles: (bySection.get(c.id)?.get('') ?? []).map((r) => link(r, lang)!),
        sections: sectionOrder(c).map((id) => ({
          id,
          // A nested folder is named with its parents': "Shipping › Customs".
          title: id
            .split('/')
            .map((_, i, parts) => c.sectionName(parts.slice(0, i + 1).join('/'), lang.code))
            .join(' › '),
          articles: bySection
            .get(c.id)!
            .get(id)!
            .map((r) => link(r, lang)!),
        })),
      });
    }
    const marketsCrumb: PageLink = { url: urlFor(lang.code, 'markets'), title: t('markets.title') };
    routes.push({
      ...base('markets', t('markets.title'), t('markets.description')),
      kind: 'markets',
      markets: site.markets.map((m) => ({ id: m.id, region: m.region, url: urlFor(lang.code, `markets/${m.id}`), title: m.name(lang.code) })),
    });
    for (const m of site.markets) {
      const route = `markets/${m.id}`;
      const policies = policyKinds.map((p) => link(`policies/${m.id}/${p}`, lang)).filter((l): l is PageLink => !!l);
      routes.push({
        ...base(route, m.name(lang.code), t('market.description', { market: m.name(lang.code) }), [home, marketsCrumb]),
        kind: 'market',
        market: m,
        policies,
      });
    }
    // The search page offers the topics and popular articles when nothing is found.
    routes.push({
      ...base('search', t('search.title'), t('search.description', { site: site.name })),
      kind: 'search',
      popular: popularLinks,
      categories: site.categories.map((c) => ({ url: urlFor(lang.code, `help/${c.id}`), title: c.name(lang.code) })),
    });
    routes.push({ ...base('404', t('notFound.title'), t('notFound.description')), kind: 'notFound', alternates: [] });

    for (const [route, langs] of content.byRoute) {
      const { entry, isFallback } = pickEntry(content, route, lang.code)!;
      const source = site.langByCode.get(entry.lang) ?? def;
      const translations: Alternate[] = [...langs.keys()].map((code) => ({ hreflang: site.langByCode.get(code)?.htmlLang ?? code, href: urlFor(code, route) }));
      if (langs.has(def.code)) translations.push({ hreflang: 'x-default', href: urlFor(def.code, route) });
      const common = {
        path: urlFor(lang.code, route).slice(1, -1),
        route,
        lang,
        title: entry.data.title,
        description: entry.data.description,
        alternates: isFallback ? [] : translations,
        canonical: urlFor(entry.lang, route),
        markdown: markdownUrl(entry.lang, route),
        entry,
        source,
        isFallback,
        toc: entry.headings.filter((h) => h.toc),
      };
      if (entry.type === 'help') {
        const category = entry.category === undefined ? undefined : site.categoryById.get(entry.category)!;
        routes.push({
          ...common,
          kind: 'article',
          ...(category ? { category } : {}),
          breadcrumbs: category ? [home, { url: urlFor(lang.code, `help/${category.id}`), title: category.name(lang.code) }] : [home],
          related: (relatedRoutes.get(route) ?? []).map((r) => link(r, lang)!),
        });
      } else if (entry.type === 'policy') {
        const market = site.marketById.get(entry.market!)!;
        routes.push({
          ...common,
          kind: 'policy',
          market,
          breadcrumbs: [home, marketsCrumb, { url: urlFor(lang.code, `markets/${market.id}`), title: market.name(lang.code) }],
          related: policyKinds
            .filter((p) => p !== (entry as PolicyEntry).policy)
            .map((p) => link(`policies/${market.id}/${p}`, lang))
            .filter((l): l is PageLink => !!l),
        });
      } else {
        const crumb: PageLink = { url: urlFor(lang.code, 'sop'), title: t('sop.title') };
        routes.push({
          ...common,
          kind: entry.type,
          market: entry.type === 'culture' ? site.marketById.get(entry.market!) : undefined,
          breadcrumbs: [home, crumb],
          related: [],
        });
      }
    }

    if (content.target === 'internal') {
      const groups = new Map<string, PageLink[]>();
      for (const [route] of content.byRoute) {
        if (!route.startsWith('sop/') && !route.startsWith('culture/')) continue;
        const folder = route.split('/').slice(1, -1).join('/');
        // Area names are site data: a content root names them in locales/<lang>.json ("sop.area.customs").
        const area = route.startsWith('culture/')
          ? t('culture.title')
          : folder
            ? t(`sop.area.${folder}`, { defaultValue: folder.replace(/[-/]/g, ' ').replace(/^./, (c) => c.toUpperCase()) })
            : t('sop.title');
        (groups.get(area) ?? groups.set(area, []).get(area)!).push(link(route, lang)!);
      }
      routes.push({ ...base('sop', t('sop.title'), t('sop.description')), kind: 'sopIndex', groups: [...groups].map(([name, links]) => ({ name, links })) });
      routes.push({ ...base('health', t('health.title'), t('health.description')), kind: 'health' });
      routes.push({ ...base('answer', t('answer.title'), t('answer.description')), kind: 'answer' });
    }
  }
  return routes;
}

/**
 * Related articles per help route: the ones named in `related`, then articles of the same category
 * (or, for one in no category, of no category) sharing the most tags, up to four. Computed once per route, not per page and language.
 */
function relatedIndex(entries: HelpEntry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const byCategory = new Map<string, HelpEntry[]>();
  for (const e of entries) (byCategory.get(e.category ?? '') ?? byCategory.set(e.category ?? '', []).get(e.category ?? '')!).push(e);
  for (const e of entries) {
    const picked = e.data.related.map((r) => `help/${r}`);
    const tags = new Set(e.data.tags);
    const candidates = (byCategory.get(e.category ?? '') ?? [])
      .filter((o) => o.route !== e.route && !picked.includes(o.route))
      .map((o) => ({ route: o.route, score: o.data.tags.filter((t) => tags.has(t)).length }))
      .sort((a, b) => b.score - a.score || a.route.localeCompare(b.route));
    out.set(e.route, [...picked, ...candidates.map((c) => c.route)].slice(0, 4));
  }
  return out;
}
