/**
 * Loads a content root for one target site: reads every file the target may see, validates
 * frontmatter with the content type's schema, renders the body, then checks what needs the whole
 * set (duplicate URLs, links, related articles). Every problem in every file is collected and
 * thrown together, so one run reports all broken files.
 *
 * The wall: for the public target the internal folders (sop/, culture/) are never read, and
 * `<Internal>` blocks are removed while rendering. Internal material cannot leak from what was
 * never loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { HelpData } from '../schemas/help.ts';
import type { PolicyData } from '../schemas/policy.ts';
import type { SopData } from '../schemas/sop.ts';
import type { CultureData } from '../schemas/culture.ts';
import { marketsOf, typeSpec, typesFor } from './types.ts';
import { createI18n, translator, type Translate } from '../i18n/index.ts';
import { ContentError, didYouMean, excerpt, problem, type Problem } from './errors.ts';
import { guard } from './guard.ts';
import { readSource } from './frontmatter.ts';
import { parseEntryPath, type EntryPath } from './paths.ts';
import { renderBody, type Rendered } from './render/index.ts';
import { copyEntry, readBodyFrom, type RenderCache, renderKey, splitRendered } from './render/stored.ts';
import { scanMarkdown } from './render/scan.ts';
import { internalLikeTag } from './render/internal-blocks.ts';
import { checkLimits } from './render/limits.ts';
import type { Target } from './render/context.ts';
import { loadSite, type SiteModel } from './site.ts';
import { validate } from './validate.ts';
import { loadLocaleOverrides, mergeStrings } from './locales.ts';
import { walkFiles } from './tree.ts';
import { checkLinks } from './check-links.ts';
import { addSourceAnchors } from './anchors.ts';
import { inheritReplies } from './replies.ts';

export type { Target };

interface EntryBase extends EntryPath, Rendered {
  /** Path relative to the content root. */
  file: string;
  /** Ids of the source's headings that this translation's headings also answer to (anchors.ts). */
  anchorAliases?: string[];
  /** Ids of the markets it applies to (types.ts `marketsOf`), resolved once at load. */
  markets: string[];
  /** Whether it applies to every market (no `markets`, or `*`). */
  allMarkets: boolean;
  /** Who answers for it: its own `owner`, else its source's (the same page in the default language). */
  owner?: string;
  /** The source file whose replies this translation shows, having none of its own (replies.ts). */
  repliesFrom?: string;
}
export type HelpEntry = EntryBase & { type: 'help'; data: HelpData };
export type PolicyEntry = EntryBase & { type: 'policy'; data: PolicyData };
export type SopEntry = EntryBase & { type: 'sop'; data: SopData };
export type CultureEntry = EntryBase & { type: 'culture'; data: CultureData };
export type Entry = HelpEntry | PolicyEntry | SopEntry | CultureEntry;

export interface Content {
  target: Target;
  site: SiteModel;
  entries: Entry[];
  /** route → language → entry: the translations of each page. */
  byRoute: Map<string, Map<string, Entry>>;
  i18n: ReturnType<typeof createI18n>;
  t(lang: string): Translate;
}

/** Content files larger than this are refused, so one file cannot stall or blow up a build. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Every content file under the folders `target` may read, relative to `root`, sorted. Symbolic
 * links are never followed: they are reported in `problems` (tree.ts).
 */
export function listContentFiles(root: string, target: Target, problems: Problem[] = []): string[] {
  const files: string[] = [];
  for (const { folder } of typesFor(target)) files.push(...walkFiles(root, folder, problems));
  return files.sort();
}

export interface LoadOptions {
  /** Skip sanitizing and serializing HTML (the audit needs links and headings, not pages). */
  html?: boolean;
  /** Entries already read elsewhere (the audit's per-file cache, src/audit/cache.ts); only the cross-file checks run here. */
  entries?: { entries: Entry[]; problems: Problem[] };
  /**
   * What an earlier load made of some files (`Loaded`, from its `loaded`): those files are not read
   * again, the others are (the dev server, after one page was saved: build/store.ts).
   */
  reuse?: Loaded;
  /**
   * Where rendered bodies are kept (render/stored.ts): entries then read `html` and `markdown`
   * from it when asked, and a file rendered before with the same bytes is not rendered again.
   */
  cache?: RenderCache;
}

/**
 * Each file's entry as read (before the cross-file steps: owners, anchors, inherited replies, which
 * work on copies) and its problems, with the files they cover, for a later load to reuse.
 */
export interface Loaded {
  entries: Entry[];
  problems: Problem[];
  files: ReadonlySet<string>;
}

/** Reads, validates and renders the given files, each on its own, so the audit's cache can reload only the files that changed. */
export function loadEntries(
  root: string,
  files: string[],
  target: Target,
  site: SiteModel,
  t: (lang: string) => Translate,
  options: LoadOptions = {},
): { entries: Entry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const entries: Entry[] = [];
  for (const file of files) {
    // Any exception in one file becomes a problem naming it; the other files are still read.
    const entry = guard(file, problems, () => loadEntry(root, file, target, site, t, problems, options));
    if (entry) entries.push(entry);
  }
  return { entries, problems };
}

/** Loads and checks a content root; throws `ContentError` listing every problem. Warnings are on `content.warnings`. */
export function loadContent(root: string, target: Target, options: LoadOptions = {}): Content & { warnings: Problem[] } {
  const { content, problems, warnings } = collectContent(root, target, options);
  if (problems.length) throw new ContentError(problems, '');
  return { ...content, warnings };
}

/**
 * Loads what can be loaded and returns it with every problem found, without throwing: entries
 * with problems are left out. The build refuses any problem; the audit reports them.
 */
export function collectContent(
  root: string,
  target: Target,
  options: LoadOptions = {},
): { content: Content; problems: Problem[]; warnings: Problem[]; loaded: Loaded } {
  const { site, problems } = loadSite(root);
  const overrides = loadLocaleOverrides(root, site);
  problems.push(...overrides.problems);
  const i18n = createI18n(mergeStrings(overrides.strings), site.defaultLanguage.code);
  const tCache = new Map<string, Translate>();
  const t = (lang: string) => tCache.get(lang) ?? tCache.set(lang, translator(i18n, lang)).get(lang)!;

  const all = listContentFiles(root, target, problems);
  const files = all.filter((f) => /\.(md|mdx)$/.test(f));
  // A page saved with another extension would silently never appear: say so.
  for (const f of all) {
    if (/\.(markdown|mdown|mkd|txt|html?|MD|MDX|Md)$/.test(f))
      problems.push(
        problem('BadPath', f, 'Only .md and .mdx files are published; this file is not.', {
          hint: `Rename it to ${f.replace(/\.[^.]+$/, '.md')} (or .mdx for components).`,
        }),
      );
  }
  const present = new Set(files);
  const reuse = options.reuse;
  const keep = (f: string) => present.has(f) && reuse!.files.has(f);
  const kept = reuse ? { entries: reuse.entries.filter((e) => keep(e.file)), problems: reuse.problems.filter((p) => keep(p.file)) } : undefined;
  const read = options.entries ?? loadEntries(root, reuse ? files.filter((f) => !reuse.files.has(f)) : files, target, site, t, options);
  // Kept as read: the steps below change the entries they are given, so they get copies.
  const loaded: Loaded = {
    entries: [...(kept?.entries ?? []), ...read.entries.map(copyEntry)].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    problems: [...(kept?.problems ?? []), ...read.problems],
    files: present,
  };
  problems.push(...loaded.problems);
  const entries = loaded.entries.map(copyEntry);

  const byRoute = new Map<string, Map<string, Entry>>();
  for (const e of entries) {
    const langs = byRoute.get(e.route) ?? byRoute.set(e.route, new Map()).get(e.route)!;
    const twin = langs.get(e.lang);
    if (twin) {
      problems.push(problem('DuplicateSlug', e.file, `This file and ${twin.file} are both published at /${e.lang}/${e.route}/.`));
      continue;
    }
    langs.set(e.lang, e);
  }
  // What depends on the other translations of a page, made once here for every reader.
  for (const e of entries) e.owner = e.data.owner ?? byRoute.get(e.route)?.get(site.defaultLanguage.code)?.data.owner;
  addSourceAnchors(byRoute, site.defaultLanguage.code);
  inheritReplies(byRoute, site, t);
  // Under `links: warn` (a migration) a link that leads nowhere is reported and published.
  const warnings: Problem[] = [];
  for (const p of checkLinks(site, entries, byRoute)) {
    if (p.code === 'BrokenLink' && site.brokenLinks === 'warn') warnings.push({ ...p, severity: 'warning' });
    else problems.push(p);
  }
  return { content: { target, site, entries, byRoute, i18n, t }, problems, warnings, loaded };
}

/**
 * The entry to show for `route` in `lang`: its translation, else the default language's, else
 * any. `isFallback` when it is not in `lang`.
 */
export function pickEntry(content: Pick<Content, 'byRoute' | 'site'>, route: string, lang: string): { entry: Entry; isFallback: boolean } | undefined {
  const langs = content.byRoute.get(route);
  const entry = langs?.get(lang) ?? langs?.get(content.site.defaultLanguage.code) ?? langs?.values().next().value;
  return entry ? { entry, isFallback: entry.lang !== lang } : undefined;
}

function loadEntry(
  root: string,
  file: string,
  target: Target,
  site: SiteModel,
  t: (lang: string) => Translate,
  problems: Problem[],
  options: LoadOptions,
): Entry | undefined {
  const where = parseEntryPath(file);
  if (typeof where === 'string') {
    problems.push(problem('BadPath', file, where));
    return undefined;
  }
  const before = problems.length;
  if (!site.langByCode.has(where.lang)) {
    const guess = didYouMean(where.lang, site.langByCode.keys());
    problems.push(
      problem('UnknownLanguage', file, `"${where.lang}" is not a language of this site.${guess ? ` Did you mean "${guess}"?` : ''}`, {
        hint: `Site languages: ${[...site.langByCode.keys()].join(', ')}. Add the language to site.yaml or move the file.`,
      }),
    );
  }
  if (where.market && !site.marketById.has(where.market)) {
    const guess = didYouMean(where.market, site.marketById.keys());
    problems.push(problem('UnknownMarket', file, `"${where.market}" has no markets/${where.market}.yaml.${guess ? ` Did you mean "${guess}"?` : ''}`));
  }
  if (where.category && !site.categoryById.has(where.category)) {
    const guess = didYouMean(where.category, site.categoryById.keys());
    problems.push(
      problem('UnknownCategory', file, `"${where.category}" is not a category.${guess ? ` Did you mean "${guess}"?` : ''}`, {
        hint: `Categories: ${[...site.categoryById.keys()].join(', ')}. Add it to \`categories\` in site.yaml or move the article.`,
      }),
    );
  }
  const slug = where.route.slice('help/'.length);
  if (where.type === 'help' && !where.category && site.categoryById.has(slug)) {
    problems.push(
      problem('DuplicateSlug', file, `This article would be published at /${where.lang}/help/${slug}/, the page of the category "${slug}".`, {
        hint: `Rename the file, or move it into the category folder (help/${where.lang}/${slug}/).`,
      }),
    );
  }
  const bytes = fs.readFileSync(path.join(root, file));
  if (bytes.length > MAX_FILE_BYTES) {
    problems.push(problem('FileTooLarge', file, `The file is ${Math.round(bytes.length / 1024)} KB; the limit is ${MAX_FILE_BYTES / 1024} KB.`));
    return undefined;
  }
  const source = readSource(bytes, file);
  if (Array.isArray(source)) {
    problems.push(...source);
    return undefined;
  }
  const data = validate(typeSpec(where.type).schema, source.data, file, source.keyLines, 'FrontmatterInvalid', 1);
  if (Array.isArray(data)) {
    problems.push(...data);
    return undefined;
  }
  // Frontmatter is shown as text on both sites: it cannot hold agent-only material.
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const tag = [value]
      .flat()
      .map((v) => (typeof v === 'string' ? internalLikeTag(v) : undefined))
      .find(Boolean);
    if (tag)
      problems.push(
        problem('InternalMisplaced', file, `\`${key}\` contains ${tag.slice(0, 40)}…; frontmatter is public on every page.`, {
          line: source.keyLines.get(key),
          hint: 'Agent-only text goes in an <Internal> block in the body, never in frontmatter.',
        }),
      );
  }
  for (const m of (data as { markets?: string[] }).markets ?? []) {
    if (m !== '*' && !site.marketById.has(m)) {
      problems.push(problem('UnknownMarket', file, `\`markets\` lists ${excerpt(m)}, which has no market file.`, { line: source.keyLines.get('markets') }));
    }
  }
  // A body rendered before, with the same bytes and context, is taken from the cache (it passed
  // every check below then).
  const cache = options.html === false ? undefined : options.cache;
  const key = cache && renderKey(file, bytes);
  const cached = key ? cache!.get(key) : undefined;
  // Nesting (and many JSX blocks) make parsing slow out of proportion to size: refuse what no
  // real page needs before parsing.
  const excess = cached ? undefined : checkLimits(source.body, where.format);
  if (excess) {
    problems.push(problem('TooComplex', file, excess.message, { line: excess.line + source.bodyLine - 1 }));
    return undefined;
  }
  // The audit needs links and headings only: plain Markdown takes the fast native scan.
  const render: typeof renderBody = options.html === false && where.format === 'md' ? (body, _format, ctx) => scanMarkdown(body, ctx) : renderBody;
  const rendered =
    cached ??
    render(source.body, where.format, {
      target,
      file,
      route: where.route,
      lang: where.lang,
      market: where.market,
      site,
      t: t(site.langByCode.has(where.lang) ? where.lang : site.defaultLanguage.code),
      bodyLine: source.bodyLine,
      problems,
      faq: (data as { faq?: boolean }).faq === true,
      html: options.html,
    });
  if (problems.length > before) return undefined;
  if (key && !cached) cache!.put(key, rendered as Rendered);
  const markets = marketsOf(
    where.type,
    where.market,
    (data as { markets?: string[] }).markets,
    site.markets.map((m) => m.id),
  );
  if (!key) return { ...where, ...rendered, file, data, markets: markets.ids, allMarkets: markets.all } as Entry;
  const entry = { ...where, ...splitRendered(rendered as Rendered).meta, file, data, markets: markets.ids, allMarkets: markets.all };
  readBodyFrom(entry, cache!, key);
  return entry as unknown as Entry;
}
