/**
 * Imports a Zendesk Guide help center from its Help Center API responses, saved as JSON files
 * (`categories.json`, `sections.json`, `articles-1.json`…, `translations/*.json`, `users.json`).
 * Reading and planning are separate: `readZendeskExport` merges the responses and checks that they
 * hold together; `planZendesk` turns them into an `ImportPlan` (plan.ts) that write.ts writes.
 *
 * Zendesk has three levels — categories, sections (which may nest), articles — where Signpost has
 * categories and the folders inside them. A Zendesk category becomes a Signpost category; each
 * section becomes a folder of its category and each nested section a folder inside its parent's, so
 * `help/<lang>/<category>/<section>/<subsection>/<slug>.md` keeps the old grouping visible in the
 * content root and in the URLs, and the section names (per language) go to site.yaml with the
 * category. Every category is imported, so links to an empty one still have a page to land on;
 * only sections that hold an article become folders.
 *
 * An article and its translations share one path (the slug comes from the source-locale title or
 * the mapping file), which is what pairs translations in Signpost. Zendesk locales are mapped to
 * site languages once (`zendeskLocales`, with the rule of locales.ts); a locale that maps to none stops the import, naming the
 * article, rather than writing pages under a language the site does not have.
 *
 * Links to other articles become file links in the page's own language, which Signpost checks and
 * falls back from when that language has no translation; Zendesk heading ids become Signpost's.
 * Everything that could not be carried over is a note of the plan, never a silent loss.
 */
import { firstSentence, htmlToMarkdown, plainText } from '../html.ts';
import { localeMapper } from '../locales.ts';
import { ImportError, slugify, type ImportedCategory, type ImportedPage, type ImportOptions, type ImportPlan, type ReportNote } from '../plan.ts';
import { articleItem, checkSections, resave, type ZendeskArticle, type ZendeskCategory, type ZendeskExport, type ZendeskSection } from './export.ts';
import { ZendeskLinks } from './links.ts';

export { readZendeskExport, type ZendeskExport } from './export.ts';

/** Maps every Zendesk locale of the export to a site language (locales.ts has the rule). */
export function zendeskLocales(exp: ZendeskExport, options: ImportOptions): (locale: string, item: string) => string {
  const all = [...exp.categories, ...exp.sections, ...exp.articles, ...exp.translations].flatMap((r) => [
    r.locale,
    ...('source_locale' in r && r.source_locale ? [r.source_locale] : []),
  ]);
  return localeMapper(all, options, 'Zendesk locale');
}

/** One language of an article, category or section. */
interface Version {
  locale: string;
  title: string;
  /** Article: HTML body; category and section: description. */
  body: string;
  draft: boolean;
  outdated: boolean;
  /** When the text last changed: `edited_at`, else `updated_at`. */
  changed?: string;
  html_url?: string;
}

/** Where a category or section is written: its folder and its texts by site language. */
export interface Folder {
  /** Category: its id; section: its path inside the category folder (`international-delivery/customs`). */
  folder: string;
  /** The Zendesk category it belongs to (for a nested section, its top section's). */
  category: number;
  versions: Map<string, Version>;
}

/** An article that will be written, with its path and its texts by site language. */
export interface Planned {
  article: ZendeskArticle;
  /** Route inside `help/<lang>/`, without extension: `orders/tracking/track-your-order`. */
  route: string;
  versions: Map<string, Version>;
}

/** What every planning step reads and adds to. */
interface Planning {
  exp: ZendeskExport;
  options: ImportOptions;
  notes: ReportNote[];
  mapLocale: (locale: string, item: string) => string;
}

const byPosition = <T extends { position?: number; id: number }>(a: T, b: T) => (a.position ?? 0) - (b.position ?? 0) || a.id - b.id;

const translationsOf = (exp: ZendeskExport, type: string, id: number) =>
  exp.translations.filter((t) => t.source_type.toLowerCase() === type && t.source_id === id);

/**
 * The texts of an item by site language: its own record, then its translations (which the API
 * also gives for the record's own locale). Drafts are left out (noted for articles) unless
 * `drafts`; a locale that maps to no site language throws, naming the item.
 */
function versionsOf(ctx: Planning, type: 'article' | 'section' | 'category', own: Version, id: number, item: string): Map<string, Version> {
  const ownLocale = own.locale.toLowerCase();
  const byLocale = new Map<string, Version>([[ownLocale, own]]);
  for (const t of translationsOf(ctx.exp, type, id)) {
    const locale = t.locale.toLowerCase();
    byLocale.set(locale, {
      locale: t.locale,
      title: t.title,
      body: t.body ?? '',
      draft: t.draft === true,
      outdated: t.outdated === true,
      // A translation has no edited_at; the record's own is the better date for its own locale.
      changed: (locale === ownLocale && own.changed) || t.updated_at,
      html_url: t.html_url ?? byLocale.get(locale)?.html_url,
    });
  }
  const out = new Map<string, Version>();
  for (const v of byLocale.values()) {
    const where = v.locale.toLowerCase() === ownLocale ? item : `${type} ${id} translation "${v.locale}"`;
    if (v.draft && !ctx.options.drafts) {
      if (type === 'article') ctx.notes.push({ kind: 'skipped', item: where, detail: draftDetail });
      continue;
    }
    const lang = ctx.mapLocale(v.locale, where);
    if (!out.has(lang)) out.set(lang, v);
  }
  return out;
}

const draftDetail = 'is a draft in Zendesk: left out (pass --drafts to import drafts).';
const renameHint = 'Rename one of them in Zendesk before saving the export again.';

/** The title of an item in its source locale, which names its folder or file in every language. */
const sourceTitle = (exp: ZendeskExport, type: string, id: number, own: { locale: string; source_locale?: string }, title: string) =>
  own.source_locale && own.source_locale !== own.locale ? (translationsOf(exp, type, id).find((t) => t.locale === own.source_locale)?.title ?? title) : title;

/** Category folders, by Zendesk id, in Zendesk's order; two categories on one folder throw. */
function categoryFolders(ctx: Planning): Map<number, Folder> {
  const folders = new Map<number, Folder>();
  const taken = new Map<string, ZendeskCategory>();
  for (const c of [...ctx.exp.categories].sort(byPosition)) {
    const item = `category ${c.id} "${c.name}"`;
    const versions = versionsOf(ctx, 'category', { locale: c.locale, title: c.name, body: c.description ?? '', draft: false, outdated: false }, c.id, item);
    const folder = slugify(sourceTitle(ctx.exp, 'category', c.id, c, c.name), `category-${c.id}`);
    const twin = taken.get(folder);
    if (twin) throw new ImportError(item, `and category ${twin.id} "${twin.name}" would both be the category "${folder}".`, renameHint);
    taken.set(folder, c);
    folders.set(c.id, { folder, category: c.id, versions });
  }
  return folders;
}

/**
 * Section folders, by Zendesk id: a section is a folder of its category, a nested section a folder
 * of its parent's. Sections whose folders would collide, a missing parent or category, or a loop of
 * parents throw.
 */
function sectionFolders(ctx: Planning, categories: Map<number, Folder>): Map<number, Folder> {
  const byId = new Map(ctx.exp.sections.map((s) => [s.id, s]));
  const folders = new Map<number, Folder>();
  const taken = new Map<string, ZendeskSection>();
  const place = (s: ZendeskSection, below: number[]): Folder => {
    const known = folders.get(s.id);
    if (known) return known;
    const item = `section ${s.id} "${s.name}"`;
    if (below.includes(s.id)) throw new ImportError(item, 'is nested in itself (through parent_section_id).', resave);
    const parentId = s.parent_section_id ?? undefined;
    const parent = parentId === undefined ? undefined : byId.get(parentId);
    if (parentId !== undefined && !parent) throw new ImportError(item, `has the parent section ${parentId}, which is not in the export.`, resave);
    const up = parent ? place(parent, [...below, s.id]) : undefined;
    const category = up?.category ?? s.category_id;
    if (!categories.has(category)) throw new ImportError(item, `is in category ${category}, which is not in the export.`, resave);
    const folder = [up?.folder, slugify(sourceTitle(ctx.exp, 'section', s.id, s, s.name), `section-${s.id}`)].filter(Boolean).join('/');
    const key = `${categories.get(category)!.folder}/${folder}`;
    const twin = taken.get(key);
    if (twin) throw new ImportError(item, `and section ${twin.id} "${twin.name}" would both be the folder ${key}.`, renameHint);
    taken.set(key, s);
    const own: Version = { locale: s.locale, title: s.name, body: s.description ?? '', draft: false, outdated: false };
    const result = { folder, category, versions: versionsOf(ctx, 'section', own, s.id, item) };
    folders.set(s.id, result);
    return result;
  };
  // Parents before children, siblings in Zendesk's order: the order site.yaml lists them in.
  const outline = (s: ZendeskSection): number[] => {
    const parent = s.parent_section_id ? byId.get(s.parent_section_id) : undefined;
    return [...(parent ? outline(parent) : []), s.position ?? 0, s.id];
  };
  const ordered = ctx.exp.sections.map((s) => ({ s, key: outline(s) }));
  ordered.sort((a, b) => {
    for (let i = 0; i < Math.min(a.key.length, b.key.length); i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return a.key.length - b.key.length;
  });
  for (const { s } of ordered) place(s, []);
  return new Map(ordered.map(({ s }) => [s.id, folders.get(s.id)!]));
}

/** The articles to write, by id, with their routes; drafts are noted and left out unless `drafts`. */
function placeArticles(ctx: Planning, categories: Map<number, Folder>, sections: Map<number, Folder>): Map<number, Planned> {
  const planned = new Map<number, Planned>();
  const byRoute = new Map<string, ZendeskArticle>();
  for (const a of ctx.exp.articles) {
    if (a.draft && !ctx.options.drafts) {
      ctx.notes.push({ kind: 'skipped', item: articleItem(a), detail: draftDetail });
      continue;
    }
    // Help articles are public: one Zendesk shows only to a user segment (signed-in customers,
    // agents) is never written where customers could read it.
    if (a.user_segment_id !== null && a.user_segment_id !== undefined) {
      ctx.notes.push({
        kind: 'skipped',
        item: articleItem(a),
        detail: `is visible only to user segment ${a.user_segment_id} in Zendesk, and Signpost help articles are public: not imported. If it is for agents, write it as an SOP (sop/<lang>/…).`,
      });
      continue;
    }
    const own: Version = {
      locale: a.locale,
      title: a.title,
      body: a.body ?? '',
      draft: false,
      outdated: a.outdated === true,
      changed: a.edited_at ?? a.updated_at,
      html_url: a.html_url,
    };
    const versions = versionsOf(ctx, 'article', own, a.id, articleItem(a));
    if (!versions.size) continue;
    const section = sections.get(a.section_id)!;
    const slug = ctx.options.slugs?.[String(a.id)] ?? slugify(sourceTitle(ctx.exp, 'article', a.id, a, a.title), `article-${a.id}`);
    const route = `${categories.get(section.category)!.folder}/${section.folder}/${slug}`;
    const twin = byRoute.get(route);
    if (twin)
      throw new ImportError(
        articleItem(a),
        `and ${articleItem(twin)} would both be written to help/<lang>/${route}.md.`,
        `Give one of them a slug in the mapping file: \`slugs: { ${a.id}: <slug> }\`.`,
      );
    byRoute.set(route, a);
    planned.set(a.id, { article: a, route, versions });
  }
  return planned;
}

/** The default language: the mapping's, else the language most articles were written in. */
function defaultLanguageOf(ctx: Planning, planned: Map<number, Planned>): string {
  if (ctx.options.defaultLanguage) return ctx.options.defaultLanguage;
  const counts = new Map<string, number>();
  for (const { article: a } of planned.values()) {
    const lang = ctx.mapLocale(a.source_locale ?? a.locale, articleItem(a));
    counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ctx.options.languages?.[0] ?? 'en';
}

/** Converts a Zendesk export into an import plan: pages per article and language, site data and notes. */
export function planZendesk(exp: ZendeskExport, options: ImportOptions): ImportPlan {
  checkSections(exp, () => undefined);
  const ctx: Planning = { exp, options, notes: [], mapLocale: zendeskLocales(exp, options) };
  const categories = categoryFolders(ctx);
  const sections = sectionFolders(ctx, categories);
  const planned = placeArticles(ctx, categories, sections);
  const defaultLanguage = defaultLanguageOf(ctx, planned);
  const used = new Set([...planned.values()].flatMap((p) => [...p.versions.keys()]));
  const languages = options.languages ?? [defaultLanguage, ...[...used].filter((l) => l !== defaultLanguage).sort()];

  const links = new ZendeskLinks({ exp, planned, categories, sections, defaultLanguage, notes: ctx.notes });
  const owners = ownerOf(exp, options, ctx.notes);
  const pages: ImportedPage[] = [];
  for (const p of [...planned.values()].sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0))) {
    const a = p.article;
    for (const lang of languages) {
      if (!p.versions.has(lang))
        ctx.notes.push({
          kind: 'missing-translation',
          item: articleItem(a),
          detail: `has no ${lang} translation: Signpost shows the ${defaultLanguage} page there.`,
        });
    }
    for (const [lang, v] of p.versions) pages.push(articlePage(ctx, p, lang, v, { defaultLanguage, links, owner: owners(a.author_id) }));
    if (a.promoted)
      ctx.notes.push({
        kind: 'dropped',
        item: articleItem(a),
        detail: `is promoted in Zendesk: list ${p.route} under \`popular\` in site.yaml to feature it.`,
      });
    const home = p.versions.has(defaultLanguage) ? defaultLanguage : p.versions.keys().next().value!;
    for (const att of exp.article_attachments.filter((x) => x.article_id === a.id))
      links.download(att.content_url, `article ${a.id} (${home})`, `help/${home}/${p.route}.md`, `attachment ${att.file_name ?? att.id}`);
  }

  return {
    source: 'zendesk',
    pages,
    site: { default_language: defaultLanguage, languages, categories: siteCategories(categories, sections, planned) },
    notes: ctx.notes,
  };
}

/** One page: an article in one language, its body converted and its frontmatter in Signpost's order. */
function articlePage(
  ctx: Planning,
  p: Planned,
  lang: string,
  v: Version,
  site: { defaultLanguage: string; links: ZendeskLinks; owner: string | undefined },
): ImportedPage {
  const a = p.article;
  const file = `help/${lang}/${p.route}.md`;
  const item = `article ${a.id} (${lang})`;
  if (v.outdated && lang !== site.defaultLanguage)
    ctx.notes.push({ kind: 'missing-translation', item, path: file, detail: 'Zendesk marks this translation outdated: bring it in line with its source.' });
  const base = v.html_url ?? a.html_url;
  const converted = htmlToMarkdown(v.body, { base, link: (href) => site.links.rewrite(href, { planned: p, lang, file, item, base }) });
  for (const detail of converted.unsupported) ctx.notes.push({ kind: 'unsupported', item, path: file, detail });
  for (const url of converted.images) site.links.download(url, item, file, 'image');
  const title = v.title.replace(/\s+/g, ' ').trim() || `Article ${a.id}`;
  const data: Record<string, unknown> = { title, description: firstSentence(v.body) ?? title };
  if (site.owner) data.owner = site.owner;
  const reviewed = day(v.changed);
  if (reviewed) data.reviewed = reviewed;
  const tags = (a.label_names ?? []).map((l) => l.trim()).filter(Boolean);
  if (tags.length) data.tags = tags;
  if (typeof a.position === 'number') data.order = a.position;
  return { path: file, data, body: converted.markdown, item };
}

/** The day of an API timestamp, `YYYY-MM-DD` in UTC. */
function day(timestamp: string | undefined): string | undefined {
  const d = timestamp ? new Date(timestamp) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : undefined;
}

/** The owner of an author (by user id, else by e-mail); notes each author without one, once. */
function ownerOf(exp: ZendeskExport, options: ImportOptions, notes: ReportNote[]): (authorId: number | null | undefined) => string | undefined {
  const users = new Map(exp.users.map((u) => [u.id, u]));
  const noted = new Set<number>();
  return (authorId) => {
    if (authorId === null || authorId === undefined) return undefined;
    const user = users.get(authorId);
    const owner = options.owners?.[String(authorId)] ?? (user?.email ? options.owners?.[user.email] : undefined);
    if (owner === undefined && !noted.has(authorId)) {
      noted.add(authorId);
      notes.push({
        kind: 'owner',
        item: `user ${authorId}${user?.name ? ` "${user.name}"` : ''}`,
        detail: `wrote articles but has no owner: add \`owners: { ${user?.email ?? authorId}: <team> }\` to the mapping file.`,
      });
    }
    return owner;
  };
}

/** The site's categories in Zendesk's order, with the sections that hold articles as their folders. */
function siteCategories(categories: Map<number, Folder>, sections: Map<number, Folder>, planned: Map<number, Planned>): ImportedCategory[] {
  const used = new Set(
    [...planned.values()].flatMap((p) =>
      p.route
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  const names = (f: Folder) => Object.fromEntries([...f.versions].map(([lang, v]) => [lang, v.title.trim()]));
  return [...categories.values()].map((c) => {
    const descriptions = Object.fromEntries([...c.versions].map(([lang, v]) => [lang, plainText(v.body)]).filter(([, d]) => d));
    const folders = [...sections.values()]
      .filter((s) => s.category === c.category && used.has(`${c.folder}/${s.folder}`))
      .map((s) => ({ id: s.folder, names: names(s) }));
    return { id: c.folder, names: names(c), ...(Object.keys(descriptions).length ? { descriptions } : {}), ...(folders.length ? { sections: folders } : {}) };
  });
}
