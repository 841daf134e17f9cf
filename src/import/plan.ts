/**
 * What an importer (Zendesk Guide, a Markdown docs site) makes of an existing help center, before
 * anything is written: the pages, the site data they need, and notes on everything that could not
 * be carried over as it was. `write.ts` turns a plan into files under a content root; the importers
 * never write themselves, so a plan can be checked whole (duplicate paths, existing files) first.
 */

/** One page to write. */
export interface ImportedPage {
  /** Path under the content root, with forward slashes: `help/<lang>/…/<slug>.md` (or `.mdx`). */
  path: string;
  /** Frontmatter in the order it is written; only keys the content type's schema accepts. */
  data: Record<string, unknown>;
  /** Markdown (or MDX, for a `.mdx` path) body, without frontmatter. */
  body: string;
  /** The item it came from, as messages name it: `article 360001234 (de)`, `docs/intro.md`. */
  item: string;
}

/** What a note in the report is about. */
export type NoteKind =
  /** HTML, MDX or syntax that had no Signpost equivalent: what was done with it. */
  | 'unsupported'
  /** An item with no translation in a language the site has. */
  | 'missing-translation'
  /** A link to something the import does not contain. */
  | 'dead-link'
  /** An image or attachment the page still loads from the old site: download it before that site goes. */
  | 'download'
  /** A frontmatter key or field with no Signpost equivalent, left out. */
  | 'dropped'
  /** An item left out entirely (a draft, an empty or unreadable file). */
  | 'skipped'
  /** An author with no owner in the mapping file. */
  | 'owner';

export interface ReportNote {
  kind: NoteKind;
  /** The item it is about, as `ImportedPage.item`. */
  item: string;
  /** What happened, in one sentence. */
  detail: string;
  /** The page it concerns, when one was written (`help/de/…md`). */
  path?: string;
  /** For `download`: the URL to fetch. */
  url?: string;
}

/** A category of the site, with the names of its sections (sub-folders) per language. */
export interface ImportedCategory {
  id: string;
  names: Record<string, string>;
  descriptions?: Record<string, string>;
  /** Sub-folders, by path inside the category folder (`billing` or `billing/refunds`). */
  sections?: { id: string; names: Record<string, string> }[];
}

/** The site data the pages need: written to site.yaml when the content root has none. */
export interface ImportedSite {
  name?: string;
  default_language: string;
  languages: string[];
  categories: ImportedCategory[];
}

export interface ImportPlan {
  /** Which importer made it: `zendesk` or `markdown`. */
  source: string;
  pages: ImportedPage[];
  site: ImportedSite;
  notes: ReportNote[];
}

/** Options every importer takes (most from the mapping file, `--map`). */
export interface ImportOptions {
  /** Source locale or language folder → site language (`en-us: en`). Unmapped ones are lower-cased. */
  locales?: Record<string, string>;
  /**
   * The site's languages when the content root already has them (site.yaml): a source locale
   * that maps to none of them is an error. Absent: every source locale becomes a site language.
   */
  languages?: string[];
  /** The site's default language, when known; else the source's. */
  defaultLanguage?: string;
  /** Author (Zendesk user id or e-mail; docs author name) → owner. */
  owners?: Record<string, string>;
  /** Item id (Zendesk article id; docs file path) → slug, to settle two items that would share a path. */
  slugs?: Record<string, string>;
  /** Import drafts too (left out by default). */
  drafts?: boolean;
}

/** Input an importer cannot work with: names the item (a file, an article id) and what to do. */
export class ImportError extends Error {
  readonly item: string;
  readonly hint: string | undefined;
  constructor(item: string, message: string, hint?: string) {
    super(`${item}: ${message}${hint ? `\n  ${hint}` : ''}`);
    this.name = 'ImportError';
    this.item = item;
    this.hint = hint;
  }
}

/**
 * A file or folder name from a title or a source slug: lower case ASCII letters, digits and
 * hyphens (accents folded), at most 80 characters; `fallback` when nothing is left (a title in
 * Chinese or Arabic).
 */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return /^[a-z0-9]/.test(slug) ? slug : fallback;
}

/**
 * A description from a page's first paragraph (plain text): its first sentence, on one line, cut
 * at a word (or, in text without spaces such as Japanese, a character) with "…" when it is longer
 * than `max` characters. Both importers describe pages by this one rule.
 */
export function leadSentence(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.*?(?:[.!?](?=\s|$)|[。！？])/u.exec(line)?.[0] ?? line;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}
