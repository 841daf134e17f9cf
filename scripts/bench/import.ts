/**
 * Sources for `npm run bench -- --import`: a generated help center (generate.ts) saved the way the
 * two importers find one in the wild, so the import is measured at the size of a real migration.
 *
 * - A Zendesk Guide export: the corpus rendered to HTML by Signpost's own renderer, one Zendesk
 *   article per page with its translations, two sections per category, links between articles
 *   as Help Center URLs, in response files of 100 articles as the API pages them.
 * - A Starlight docs site: the corpus as Starlight keeps it (`src/content/docs/<lang>/…`, with an
 *   astro.config.mjs naming the locales), with every 37th page moved to the top of its language,
 *   which also leaves the links to it broken, as a real migration has some.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collectContent } from '../../src/content/load.ts';
import { convertCorpus } from './starlight.ts';
import { benchLanguages } from './generate.ts';

const zendeskLocale = (lang: string) => (lang === 'en' ? 'en-us' : lang);
const host = 'https://help.bench.example';

/** Writes a Zendesk export of the corpus's help articles into `dir`; returns how many articles and translations. */
export function zendeskExport(corpus: string, dir: string): { articles: number; translations: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const { content } = collectContent(corpus, 'public');
  const routes = [...content.byRoute.keys()].filter((r) => r.startsWith('help/')).sort();
  const idOf = new Map(routes.map((r, i) => [r, 360000000001 + i]));
  const categoryIds = new Map<string, number>();
  const sections: { id: number; category_id: number; name: string; locale: string; source_locale: string; position: number }[] = [];
  const sectionOf = (route: string) => {
    const category = route.split('/')[1]!;
    if (!categoryIds.has(category)) categoryIds.set(category, 360100000001 + categoryIds.size);
    const half = Number(/(\d+)$/.exec(route)?.[1] ?? 0) % 2;
    const id = categoryIds.get(category)! * 10 + half;
    if (!sections.some((s) => s.id === id))
      sections.push({
        id,
        category_id: categoryIds.get(category)!,
        name: `${category} ${half ? 'advanced' : 'basics'}`,
        locale: 'en-us',
        source_locale: 'en-us',
        position: half,
      });
    return id;
  };
  // Links as the old help center wrote them: absolute Help Center URLs.
  const zendeskLinks = (html: string, lang: string, route: string) =>
    html.replace(/href="([^"]+)"/g, (whole, href: string) => {
      const target = new URL(href, `${host}/${lang}/${route}/`).pathname.replace(/^\/[^/]+\/|\/$/g, '');
      const id = idOf.get(target);
      return id ? `href="${host}/hc/${zendeskLocale(lang)}/articles/${id}"` : whole;
    });
  const articles: object[] = [];
  const translations: object[] = [];
  for (const route of routes) {
    const langs = content.byRoute.get(route)!;
    const source = langs.get('en') ?? langs.values().next().value!;
    const id = idOf.get(route)!;
    const common = { section_id: sectionOf(route), author_id: 381000000001, draft: false, user_segment_id: null, label_names: source.data.tags, position: 0 };
    const stamp = '2026-10-01T09:00:00Z';
    articles.push({
      id,
      html_url: `${host}/hc/en-us/articles/${id}`,
      title: source.data.title,
      body: zendeskLinks(source.html, source.lang, route),
      locale: zendeskLocale(source.lang),
      source_locale: zendeskLocale(source.lang),
      created_at: stamp,
      updated_at: stamp,
      edited_at: stamp,
      ...common,
    });
    for (const [lang, entry] of langs) {
      if (entry === source) continue;
      translations.push({
        id: id * 100 + benchLanguages.indexOf(lang as (typeof benchLanguages)[number]),
        source_id: id,
        source_type: 'Article',
        locale: zendeskLocale(lang),
        title: entry.data.title,
        body: zendeskLinks(entry.html, lang, route),
        draft: false,
        outdated: false,
        html_url: `${host}/hc/${zendeskLocale(lang)}/articles/${id}`,
        updated_at: stamp,
      });
    }
  }
  const categories = [...categoryIds].map(([name, id], position) => ({ id, name, locale: 'en-us', source_locale: 'en-us', position }));
  fs.writeFileSync(path.join(dir, 'categories.json'), JSON.stringify({ categories }));
  fs.writeFileSync(path.join(dir, 'sections.json'), JSON.stringify({ sections }));
  for (let page = 0; page * 100 < articles.length; page++) {
    const mine = articles.slice(page * 100, page * 100 + 100) as { id: number }[];
    const ids = new Set(mine.map((a) => a.id));
    const theirs = translations.filter((t) => ids.has((t as { source_id: number }).source_id));
    fs.writeFileSync(path.join(dir, `articles-${page + 1}.json`), JSON.stringify({ articles: mine, translations: theirs, page: page + 1, per_page: 100 }));
  }
  fs.writeFileSync(path.join(dir, 'users.json'), JSON.stringify({ users: [{ id: 381000000001, name: 'Bench Author', email: 'author@bench.example' }] }));
  return { articles: articles.length, translations: translations.length };
}

/** Writes the corpus as a Starlight docs site into `dir`; returns how many pages and how many were moved to the top. */
export function starlightSite(corpus: string, dir: string): { pages: number; topLevel: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  const pages = convertCorpus(corpus, dir);
  const locales = benchLanguages.map((l) => `${JSON.stringify(l)}: { label: ${JSON.stringify(l)} }`).join(', ');
  fs.writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `export default { integrations: [starlight({ title: 'Bench', defaultLocale: 'en', locales: { ${locales} } })] };\n`,
  );
  let topLevel = 0;
  for (const lang of benchLanguages) {
    const docs = path.join(dir, 'src/content/docs', lang);
    if (!fs.existsSync(docs)) continue;
    for (const rel of fs.readdirSync(docs, { recursive: true, encoding: 'utf8' })) {
      const m = /^[^/]+\/(article-(\d+))\.md$/.exec(rel);
      if (!m || Number(m[2]) % 37 !== 0) continue;
      fs.renameSync(path.join(docs, rel), path.join(docs, `${m[1]}.md`));
      topLevel++;
    }
  }
  return { pages, topLevel };
}
