/**
 * Imports a Markdown/MDX documentation site (Docusaurus, Starlight, VitePress, or plain language
 * folders) as Signpost help articles. The site's layout says where each language's pages are;
 * under a language, a page at the top becomes an uncategorised article, a first-level folder a
 * category and deeper folders its sections. Translations pair by their path inside the language,
 * and every translation takes the path of the default language's page, which is how Signpost
 * pairs them. Bodies are converted in mdx.ts; this module decides paths, frontmatter and links.
 *
 * Site configuration files are code (`docusaurus.config.js`, `astro.config.mjs`): they are read
 * for a few plain values with patterns, never run.
 */
import fs from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { decodeText } from '../content/text.ts';
import { parseYaml } from '../content/yaml.ts';
import { BodyError, convertBody, hasContainers, looksLikeMdx } from './mdx.ts';
import { localeMapper } from './locales.ts';
import { detectLayout, ignored, isDir, readIf, type DocsLayout } from './docs-layout.ts';

export { detectLayout, type DocsLayout, type DocsLayoutKind } from './docs-layout.ts';
import {
  type ImportedCategory,
  ImportError,
  type ImportOptions,
  type ImportPlan,
  type ImportedPage,
  type NoteKind,
  type ReportNote,
  leadSentence,
  slugify,
} from './plan.ts';

/** `02-setup` → `{ name: 'setup', order: 2 }`: the numeric prefix Docusaurus orders by. */
function stripOrder(name: string): { name: string; order?: number } {
  const m = /^(\d+)[-_. ]+(.+)$/.exec(name);
  return m ? { name: m[2]!, order: Number(m[1]) } : { name };
}
const sentenceCase = (name: string) => {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const isIndex = (name: string) => /^(index|readme)$/i.test(name);
/** A link target with `%20` and the like decoded; a malformed one as written. */
const decode = (url: string) => {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
};

/** One source page, read. */
interface Source {
  lang: string;
  /** Path from the import folder, as notes name it (`docs/02-guides/track.md`). */
  item: string;
  /** Path inside the language's root (`02-guides/track.md`): pairs translations. */
  rel: string;
  folders: string[];
  name: string;
  /** Parse the body as MDX (an `.mdx` file, or Markdown with `import` lines or components). */
  mdx: boolean;
  /** What it is written as: MDX when it has or gets components. */
  format: 'md' | 'mdx';
  data: Record<string, unknown>;
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
}

/**
 * Every Markdown file under a language root, skipping other roots, asset folders and `_partials`.
 * Symbolic links are not followed (`onLink` hears of each): content is read, not followed.
 */
function listPages(folder: string, dir: string, skip: Set<string>, onLink: (rel: string) => void): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(folder, dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${d.name}` : d.name;
      if (/^[._]/.test(d.name)) continue;
      if (d.isSymbolicLink()) onLink(child);
      else if (d.isDirectory()) {
        if (!ignored.has(d.name) && !skip.has(path.posix.join(dir, child))) walk(child);
      } else if (d.isFile() && /\.mdx?$/i.test(d.name) && (dir || rel)) out.push(child);
    }
  };
  walk('');
  // A VitePress site keeps pages at its root: README files there are about the repository.
  if (!dir) {
    for (const d of fs.readdirSync(folder, { withFileTypes: true })) {
      if (d.isFile() && /^[^._].*\.mdx?$/i.test(d.name) && !/^(readme|changelog|contributing|license)\./i.test(d.name)) out.push(d.name);
    }
  }
  return out.sort();
}

/** Reads a page: UTF-8 text, YAML frontmatter (errors name the file and line), body. */
function readPage(folder: string, item: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const text = decodeText(fs.readFileSync(path.join(folder, item)), item);
  if (typeof text !== 'string') throw new ImportError(item, text.message);
  const split = splitFrontmatter(text);
  if (!split) return { data: {}, body: text, bodyLine: 1 };
  if (!/^(ya?ml)?$/i.test(split.language)) throw new ImportError(item, 'has frontmatter that is not YAML; nothing in it was run.', 'Rewrite it as YAML.');
  const parsed = parseYaml(split.block, item);
  if (Array.isArray(parsed)) {
    const p = parsed[0]!;
    throw new ImportError(item, `the frontmatter is not valid YAML${p.line ? ` (line ${p.line})` : ''}: ${p.message}`, 'Fix the YAML, then import again.');
  }
  const data = parsed.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ImportError(item, 'has frontmatter that is not a set of `key: value` lines.');
  return { data: { ...(data as Record<string, unknown>) }, body: text.slice(split.bodyStart), bodyLine: text.slice(0, split.bodyStart).split('\n').length };
}

/** A folder's label from `_category_.json` or `_category_.yml`, with its position and description. */
function categoryFile(folder: string, dir: string): { label?: string; position?: number; description?: string } {
  for (const name of ['_category_.json', '_category_.yml', '_category_.yaml']) {
    const text = readIf(path.join(folder, dir, name));
    if (text === undefined) continue;
    let data: unknown;
    try {
      data = name.endsWith('.json') ? JSON.parse(text) : jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
    } catch (e) {
      throw new ImportError(`${dir}/${name}`, `cannot be read: ${(e as Error).message.split('\n')[0]}`);
    }
    const d = (data ?? {}) as { label?: unknown; position?: unknown; description?: unknown; link?: { description?: unknown } };
    const description = d.description ?? d.link?.description;
    return {
      label: typeof d.label === 'string' ? d.label : undefined,
      position: typeof d.position === 'number' ? d.position : undefined,
      description: typeof description === 'string' ? description : undefined,
    };
  }
  return {};
}

/** The keys this importer maps into Signpost frontmatter; any other is reported as dropped. */
const mappedKeys = new Set([
  'title',
  'description',
  'sidebar_position',
  'slug',
  'last_update',
  'lastUpdated',
  'date',
  'tags',
  'keywords',
  'author',
  'authors',
  'draft',
]);

/** `2024-05-01`, `2024-05-01T10:00:00Z` or a Date → `YYYY-MM-DD`. */
function dateOf(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  if (value && typeof value === 'object' && 'date' in value) return dateOf((value as { date: unknown }).date);
  return undefined;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const labelOf = (v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' && 'label' in v ? String((v as { label: unknown }).label) : undefined);
const nameOf = (v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : undefined);

/**
 * Plans the import of the docs site in `folder`: one help article per page and language, the
 * categories and sections its folders make, and notes on all that could not be carried over.
 * Throws `ImportError` for a language folder the site does not have, a page with broken
 * frontmatter, or two pages that would land on the same path.
 */
export function planMarkdown(folder: string, options: ImportOptions): ImportPlan {
  const layout = detectLayout(folder, options.defaultLanguage ?? 'en', options);
  const notes: ReportNote[] = [];
  const said = new Set<string>();
  /** Adds a note once: a page that links to the same missing page twice gets one note. */
  const note = (kind: NoteKind, item: string, detail: string, extra: { path?: string; url?: string } = {}) => {
    const key = [kind, item, detail, extra.path].join('\n');
    if (!said.has(key)) notes.push({ kind, item, detail, ...extra });
    said.add(key);
  };
  const rootDirs = new Set(layout.roots.map((r) => r.dir).filter(Boolean));
  const mapLocale = localeMapper(
    layout.roots.map((r) => r.locale),
    options,
    'language folder',
  );
  const langOf = new Map(layout.roots.map((r) => [r.dir, mapLocale(r.locale, r.dir || r.locale)]));
  const defaultLang = options.defaultLanguage?.toLowerCase() ?? langOf.get(layout.roots.find((r) => r.locale === layout.defaultLocale)!.dir)!;
  const languages = [...new Set([defaultLang, ...langOf.values()])];

  // Read every page of every language.
  const sources: Source[] = [];
  for (const root of layout.roots) {
    const skip = new Set([...rootDirs].filter((d) => d !== root.dir && (d.startsWith(`${root.dir}/`) || !root.dir)));
    if (!isDir(path.join(folder, root.dir))) continue;
    const onLink = (rel: string) =>
      note('skipped', root.dir ? `${root.dir}/${rel}` : rel, 'A symbolic link: not followed. Copy the file or folder into place to import it.');
    for (const rel of listPages(folder, root.dir, skip, onLink)) {
      const item = root.dir ? `${root.dir}/${rel}` : rel;
      const parts = rel.split('/');
      const file = parts.pop()!;
      const { data, body, bodyLine } = readPage(folder, item);
      const mdx = /\.mdx$/i.test(file) || looksLikeMdx(body);
      sources.push({
        lang: langOf.get(root.dir)!,
        item,
        rel,
        folders: parts,
        name: file.replace(/\.mdx?$/i, ''),
        mdx,
        format: mdx || hasContainers(body) ? 'mdx' : 'md',
        data,
        body,
        bodyLine,
      });
    }
  }

  // Decide each page's path: the default language's page decides for its translations.
  const keep = sources.filter((s) => {
    if (s.data.draft === true && !options.drafts) {
      note('skipped', s.item, 'A draft: left out (import drafts with the drafts option).');
      return false;
    }
    if (!s.body.trim()) {
      note('skipped', s.item, 'The page has no text.');
      return false;
    }
    if (!s.folders.length && isIndex(s.name)) {
      note('skipped', s.item, "The site's landing page: Signpost makes its own home page.");
      return false;
    }
    return true;
  });
  const routeOf = new Map<string, string>();
  const decide = (s: Source): string => {
    const folders = s.folders.map((f) => slugify(stripOrder(f).name, 'section'));
    const fmSlug = typeof s.data.slug === 'string' ? s.data.slug : undefined;
    // A folder's index is its overview whatever its slug: the slug named the folder's own route.
    const segments = isIndex(s.name) ? [] : (fmSlug?.split('/').filter(Boolean) ?? []);
    const own = isIndex(s.name) ? 'overview' : slugify(stripOrder(s.name).name, 'page');
    const slug = segments.length ? slugify(segments.at(-1)!, own) : own;
    const route = [...folders, options.slugs?.[s.item] ?? slug].join('/');
    if (segments.length > 1) {
      note('dropped', s.item, `The slug "${fmSlug}" names a route; only its last segment "${segments.at(-1)}" is kept as the file name.`, {
        path: `help/${s.lang}/${route}.${s.format}`,
      });
    }
    return route;
  };
  for (const s of keep) if (s.lang === defaultLang) routeOf.set(s.rel, decide(s));
  for (const s of keep) if (!routeOf.has(s.rel)) routeOf.set(s.rel, decide(s));
  const pathOf = (s: Source) => `help/${s.lang}/${routeOf.get(s.rel)}.${s.format}`;
  const taken = new Map<string, Source>();
  for (const s of keep) {
    const key = `${s.lang}/${routeOf.get(s.rel)}`;
    const other = taken.get(key);
    if (other) {
      throw new ImportError(
        s.item,
        `and ${other.item} would both be written to help/${key}.`,
        `Give one of them its own slug in the mapping file: slugs: { ${s.item}: <slug> }.`,
      );
    }
    taken.set(key, s);
  }

  // Link targets: every way a page can be linked to, per language.
  const targets = new Map<string, Map<string, Source>>();
  for (const s of keep) {
    const byKey = targets.get(s.lang) ?? new Map<string, Source>();
    targets.set(s.lang, byKey);
    const noExt = s.rel.replace(/\.mdx?$/i, '');
    const stripped = [...s.folders, s.name].map((p) => stripOrder(p).name).join('/');
    const keys = [s.rel, noExt, stripped, routeOf.get(s.rel)!];
    if (isIndex(s.name)) keys.push(s.folders.join('/'), s.folders.map((p) => stripOrder(p).name).join('/'));
    const fmSlug = typeof s.data.slug === 'string' ? s.data.slug : undefined;
    if (fmSlug?.startsWith('/')) keys.push(fmSlug.replace(/^\/+|\/+$/g, ''));
    else if (fmSlug) keys.push([...s.folders.map((p) => stripOrder(p).name), fmSlug].join('/'));
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, s);
  }
  const locales = new Set(layout.roots.map((r) => r.locale));
  const resolve = (from: Source, url: string, page: string): string | undefined => {
    if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url) || !url) return undefined;
    const [, target = '', hash = ''] = /^([^#?]*)(?:\?[^#]*)?(#.*)?$/.exec(url) ?? [];
    let rel: string;
    if (target.startsWith('/')) {
      const parts = target.split('/').filter(Boolean);
      if (locales.has(parts[0]!)) parts.shift();
      const base = layout.routeBase.split('/').filter(Boolean);
      if (base.every((b, i) => parts[i] === b)) parts.splice(0, base.length);
      rel = parts.join('/');
    } else rel = path.posix.normalize(path.posix.join(path.posix.dirname(from.rel), decode(target))).replace(/\/+$/, '');
    if (/\.[a-z0-9]+$/i.test(rel) && !/\.mdx?$/i.test(rel)) {
      note('download', from.item, `The link to ${url} is a file of the old site: download it, host it and link it by its https URL.`, {
        path: page,
        url: assetUrl(from, target),
      });
      return undefined;
    }
    // An extension-less relative link is a route, relative to the page's route (prefixes stripped).
    const route =
      target.startsWith('/') || /\.mdx?$/i.test(target)
        ? undefined
        : path.posix.join(...from.folders.map((f) => stripOrder(f).name), decode(target)).replace(/\/+$/, '');
    const lookup = (key: string | undefined) => (key === undefined ? undefined : (targets.get(from.lang)?.get(key) ?? targets.get(defaultLang)?.get(key)));
    const found = lookup(rel) ?? lookup(route);
    if (!found) {
      note('dead-link', from.item, `The link to ${url} leads to no page of the import; it was left as written.`, { path: page, url });
      return undefined;
    }
    // The same page in the linking page's language when it has one: its format may differ.
    const to = pathOf({ ...(targets.get(from.lang)?.get(found.rel) ?? found), lang: from.lang });
    return path.posix.relative(path.posix.dirname(page), to) + hash;
  };
  const assetUrl = (from: Source, target: string) =>
    target.startsWith('/') ? `${layout.assets}${target}` : path.posix.normalize(path.posix.join(path.posix.dirname(from.item), decode(target)));

  // Convert and map each page.
  const pages: ImportedPage[] = [];
  for (const s of keep) {
    const page = pathOf(s);
    const data = s.data;
    const title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : undefined;
    let converted: ReturnType<typeof convertBody>;
    try {
      converted = convertBody(s.body, {
        mdx: s.mdx,
        takeTitle: !title,
        link: (url) => resolve(s, url, page),
        image: (url) => {
          if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return;
          note('download', s.item, `The image ${url} is a file of the old site: download it, host it and link it by its https URL.`, {
            path: page,
            url: assetUrl(s, url),
          });
        },
        note: (kind, detail) => note(kind, s.item, detail, { path: page }),
      });
    } catch (e) {
      if (!(e instanceof BodyError)) throw e;
      const line = e.line === undefined ? '' : ` (line ${e.line + s.bodyLine - 1})`;
      throw new ImportError(s.item, `cannot be read as ${s.mdx ? 'MDX' : 'Markdown'}${line}: ${e.message}`, 'Fix the page, or remove it from the import.');
    }
    const out: Record<string, unknown> = {};
    out.title = title ?? converted.title ?? sentenceCase(stripOrder(s.name).name);
    if (!title && !converted.title) note('unsupported', s.item, 'The page has no title; it was made from the file name.', { path: page });
    const description = typeof data.description === 'string' && data.description.trim() ? data.description.trim().replace(/\s+/g, ' ') : undefined;
    out.description = description ?? (converted.lead ? leadSentence(converted.lead) : out.title);
    const authors = [...list(data.author), ...list(data.authors)].map(nameOf).filter((a): a is string => !!a);
    const owner = authors.map((a) => options.owners?.[a]).find(Boolean);
    if (owner) out.owner = owner;
    else if (authors.length)
      note('owner', s.item, `The author ${authors.join(', ')} has no owner: add owners: { ${authors[0]}: <team> } to the mapping file.`, { path: page });
    const reviewed = dateOf(data.last_update) ?? dateOf(data.lastUpdated) ?? dateOf(data.date);
    if (reviewed) out.reviewed = reviewed;
    const tags = [...new Set([...list(data.tags), ...list(data.keywords)].map(labelOf).filter((t): t is string => !!t))];
    if (tags.length) out.tags = tags;
    const order = typeof data.sidebar_position === 'number' ? data.sidebar_position : stripOrder(s.name).order;
    if (order !== undefined) out.order = order;
    const dropped = Object.keys(data).filter((k) => !mappedKeys.has(k));
    if (dropped.length) note('dropped', s.item, `Frontmatter keys with no Signpost equivalent were left out: ${dropped.join(', ')}.`, { path: page });
    if (isIndex(s.name)) note('unsupported', s.item, "The folder's index page became its article overview.", { path: page });
    pages.push({ path: page, data: out, body: converted.body, item: s.item });
  }

  // Translations: every page in every language.
  const byRel = new Map<string, Source[]>();
  for (const s of keep) byRel.set(s.rel, [...(byRel.get(s.rel) ?? []), s]);
  for (const group of byRel.values()) {
    const source = group.find((s) => s.lang === defaultLang) ?? group[0]!;
    for (const lang of languages) {
      if (!group.some((s) => s.lang === lang))
        note('missing-translation', source.item, `No ${lang} translation: readers in ${lang} see the ${source.lang} page.`, { path: pathOf(source) });
    }
  }

  const site = {
    ...(layout.title ? { name: layout.title } : {}),
    default_language: defaultLang,
    languages,
    categories: categories(folder, layout, langOf, defaultLang, keep, pages),
  };
  return { source: 'markdown', pages, site, notes };
}

/** The categories (first-level folders) and their sections, named per language. */
function categories(
  folder: string,
  layout: DocsLayout,
  langOf: Map<string, string>,
  defaultLang: string,
  pages: Source[],
  written: ImportedPage[],
): ImportedCategory[] {
  const dataOf = new Map(written.map((p) => [p.item, p.data]));
  const found = new Map<string, { category: ImportedCategory; order: number; sections: Map<string, Record<string, string>> }>();
  for (const root of layout.roots) {
    const lang = langOf.get(root.dir)!;
    const folders = new Set(pages.filter((p) => p.lang === lang && p.folders.length).map((p) => p.folders.join('/')));
    for (const f of [...folders].sort()) {
      const parts = f.split('/');
      // Every folder on the way down is named, even one that only holds folders.
      for (let depth = 1; depth <= parts.length; depth++) {
        const dir = parts.slice(0, depth).join('/');
        const full = root.dir ? `${root.dir}/${dir}` : dir;
        const meta = categoryFile(folder, full);
        const index = pages.find((p) => p.lang === lang && p.folders.join('/') === dir && isIndex(p.name));
        const own = stripOrder(parts[depth - 1]!);
        // A translation without its own label falls back to the default language's name in Signpost.
        const indexData = index ? dataOf.get(index.item) : undefined;
        const name = meta.label ?? (indexData ? String(indexData.title) : undefined) ?? (lang === defaultLang ? sentenceCase(own.name) : undefined);
        const id = slugify(stripOrder(parts[0]!).name, 'section');
        const entry = found.get(id) ?? {
          category: { id, names: {} as Record<string, string> },
          order: Number.POSITIVE_INFINITY,
          sections: new Map<string, Record<string, string>>(),
        };
        found.set(id, entry);
        if (name === undefined) continue;
        if (depth === 1) {
          entry.category.names[lang] ??= name;
          const description = meta.description ?? (indexData ? String(indexData.description) : undefined);
          if (description) entry.category.descriptions = { ...entry.category.descriptions, [lang]: description };
          entry.order = Math.min(entry.order, meta.position ?? own.order ?? Number.POSITIVE_INFINITY);
        } else {
          const sectionId = parts
            .slice(1, depth)
            .map((p) => slugify(stripOrder(p).name, 'section'))
            .join('/');
          const names = entry.sections.get(sectionId) ?? {};
          names[lang] ??= name;
          entry.sections.set(sectionId, names);
        }
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => a.order - b.order || a.category.id.localeCompare(b.category.id))
    .map(({ category, sections }) => {
      category.names[defaultLang] ??= sentenceCase(category.id);
      return sections.size ? { ...category, sections: [...sections].map(([id, names]) => ({ id, names })) } : category;
    });
}
