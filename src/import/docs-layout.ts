/**
 * Where a docs site keeps each language's pages: Docusaurus (`docs/` and
 * `i18n/<lang>/docusaurus-plugin-content-docs/current/`), Starlight (`src/content/docs/`, a folder
 * per locale), VitePress (`.vitepress/` beside the root language's pages and a folder per locale),
 * or plain language folders. Configuration files are code: they are read for a few plain values
 * (default locale, locales, title) with patterns, never run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ImportError, type ImportOptions } from './plan.ts';

/** The kinds of docs site the importer recognizes. */
export type DocsLayoutKind = 'docusaurus' | 'starlight' | 'vitepress' | 'generic';

/** Where a docs site keeps each language's pages. */
export interface DocsLayout {
  kind: DocsLayoutKind;
  /** Source locale of the default language, as the site names it (`en`). */
  defaultLocale: string;
  /** Each locale's folder of pages, relative to the site folder with forward slashes (`''` is the site folder). */
  roots: { locale: string; dir: string }[];
  /** What absolute links to pages start with: `/docs/` for Docusaurus, else `/`. */
  routeBase: string;
  /** The folder `/img/x.png` is served from: `static` or `public`. */
  assets: string;
  /** The site's title from its configuration, when it states one plainly. */
  title?: string;
}

/** Folders that never hold pages. */
export const ignored = new Set(['node_modules', 'public', 'static', 'blog', 'src', 'i18n']);
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** True for a folder name that is a known language tag (`de`, `zh-cn`), not a word like `guide`. */
function isLanguageTag(name: string, options: ImportOptions): boolean {
  if (Object.keys(options.locales ?? {}).some((k) => k.toLowerCase() === name.toLowerCase())) return true;
  try {
    return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(name) && languageNames.of(name) !== undefined;
  } catch {
    return false;
  }
}

export const readIf = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
export const isDir = (dir: string) => fs.existsSync(dir) && fs.statSync(dir).isDirectory();
const subfolders = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
/** The first of `names` in `dir` that exists, read as text. */
const config = (dir: string, names: string[]) => names.map((n) => readIf(path.join(dir, n))).find((t) => t !== undefined);
const stringOf = (text: string | undefined, key: string) => (text ? new RegExp(`\\b${key}:\\s*['"\`]([^'"\`]+)['"\`]`).exec(text)?.[1] : undefined);
/** The keys of a `locales: { root: {…}, de: {…} }` object in a configuration file, `root` aside. */
function localeKeys(text: string | undefined): string[] {
  const open = text ? /\blocales:\s*\{/.exec(text) : null;
  if (!text || !open) return [];
  // Keep only the object's own level: the keys inside each locale's settings are not locales.
  let top = '';
  let depth = 0;
  for (const c of text.slice(open.index + open[0].length - 1)) {
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) break;
    else if (depth === 1) top += c;
  }
  return [...top.matchAll(/(['"]?)([A-Za-z][\w-]*)\1\s*:/g)].map((m) => m[2]!).filter((k) => k !== 'root');
}
const rootLang = (text: string | undefined) => (text ? /\broot:\s*\{[^}]*?\blang:\s*['"]([^'"]+)['"]/.exec(text)?.[1] : undefined);
const configNames = (base: string) => ['js', 'ts', 'mjs', 'mts', 'cjs'].map((e) => `${base}.${e}`);

/**
 * Finds which kind of docs site `folder` holds and where its languages are. `fallbackLocale` is
 * the default locale when the configuration names none.
 */
export function detectLayout(folder: string, fallbackLocale = 'en', options: ImportOptions = {}): DocsLayout {
  if (!isDir(folder)) throw new ImportError(folder, 'is not a folder.', 'Give the folder that holds the docs site.');
  const localeDirs = (dir: string, keys: string[]) =>
    subfolders(path.join(folder, dir)).filter((d) => (keys.length ? keys.includes(d) : isLanguageTag(d, options)));
  const join = (dir: string, sub: string) => (dir ? `${dir}/${sub}` : sub);

  if (isDir(path.join(folder, '.vitepress'))) {
    const text = config(path.join(folder, '.vitepress'), configNames('config'));
    const defaultLocale = rootLang(text) ?? stringOf(text, 'lang') ?? fallbackLocale;
    // `srcDir` moves the pages (and their public folder) into a folder of the site.
    const src = (stringOf(text, 'srcDir') ?? '').replace(/^\.?\/+|\/+$/g, '').replace(/^\.$/, '');
    const others = localeDirs(src, localeKeys(text));
    return {
      kind: 'vitepress',
      defaultLocale,
      roots: [{ locale: defaultLocale, dir: src }, ...others.map((l) => ({ locale: l, dir: join(src, l) }))],
      routeBase: '/',
      assets: join(src, 'public'),
      title: stringOf(text, 'title'),
    };
  }
  if (isDir(path.join(folder, 'src/content/docs'))) {
    const text = config(folder, configNames('astro.config'));
    const configured = stringOf(text, 'defaultLocale');
    const others = localeDirs('src/content/docs', localeKeys(text));
    const inFolder = configured && configured !== 'root' && others.includes(configured);
    const defaultLocale = inFolder ? configured : (rootLang(text) ?? (configured !== 'root' ? configured : undefined) ?? fallbackLocale);
    const roots = others.map((l) => ({ locale: l, dir: join('src/content/docs', l) }));
    if (!inFolder) roots.unshift({ locale: defaultLocale, dir: 'src/content/docs' });
    return { kind: 'starlight', defaultLocale, roots, routeBase: '/', assets: 'public', title: stringOf(text, 'title') };
  }
  const docusaurus = config(folder, configNames('docusaurus.config'));
  if (docusaurus !== undefined || isDir(path.join(folder, 'docs'))) {
    const defaultLocale = stringOf(docusaurus, 'defaultLocale') ?? fallbackLocale;
    const i18n = path.join(folder, 'i18n');
    const others = isDir(i18n)
      ? subfolders(i18n).filter((l) => l !== defaultLocale && isDir(path.join(i18n, l, 'docusaurus-plugin-content-docs/current')))
      : [];
    return {
      kind: 'docusaurus',
      defaultLocale,
      roots: [{ locale: defaultLocale, dir: 'docs' }, ...others.map((l) => ({ locale: l, dir: `i18n/${l}/docusaurus-plugin-content-docs/current` }))],
      routeBase: '/docs/',
      assets: 'static',
      title: stringOf(docusaurus, 'title'),
    };
  }
  const locales = localeDirs('', []);
  if (!locales.length) {
    throw new ImportError(
      folder,
      'holds no docs site: no Docusaurus, Starlight or VitePress configuration, and no folders named like languages.',
      'Give the folder with docusaurus.config.js, astro.config.mjs or .vitepress/, or put each language in a folder named by its tag (en/, de/).',
    );
  }
  const defaultLocale = locales.find((l) => l.toLowerCase() === fallbackLocale.toLowerCase()) ?? locales[0]!;
  return { kind: 'generic', defaultLocale, roots: locales.map((l) => ({ locale: l, dir: l })), routeBase: '/', assets: 'public' };
}
