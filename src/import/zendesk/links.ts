/**
 * Links in Zendesk articles, rewritten to Signpost's: links to articles become relative file links
 * in the page's language, links to sections and categories the category's page, Zendesk's heading
 * anchors Signpost's heading ids; attachments and images are noted for download, and links into the
 * old help center that lead to no article are noted as dead.
 */
import path from 'node:path';
import { htmlHeadings, type HtmlHeading } from '../html.ts';
import type { ReportNote } from '../plan.ts';
import type { ZendeskExport } from './export.ts';
import type { Folder, Planned } from './index.ts';

/** What links are resolved against: the export, the planned articles and their folders. */
export interface LinkSite {
  exp: ZendeskExport;
  planned: Map<number, Planned>;
  categories: Map<number, Folder>;
  sections: Map<number, Folder>;
  defaultLanguage: string;
  notes: ReportNote[];
}

/** Where a link is written: the page, its language and its file. */
export interface LinkContext {
  planned: Planned;
  lang: string;
  file: string;
  item: string;
  base: string | undefined;
}

const articleUrl = /^(?:https?:\/\/[^/?#]+)?\/hc(?:\/[a-z]{2,3}(?:-[a-z0-9]+)*)?\/articles\/(\d+)[^?#]*(?:\?[^#]*)?(?:#(.*))?$/i;
const groupUrl = /^(?:https?:\/\/[^/?#]+)?\/hc(?:\/[a-z]{2,3}(?:-[a-z0-9]+)*)?\/(sections|categories)\/(\d+)/i;
const attachmentUrl = /\/hc\/article_attachments\/|\/attachments\/token\//;

/** The host a URL loads from, for messages; the URL itself when it has none. */
function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** A URL part with its %-escapes decoded; as written when they are malformed. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * Rewrites the links of the help center to Signpost's and records what it cannot: links to
 * articles become relative file links in the page's language, links to sections and categories the
 * category's page, `#anchors` Signpost's heading ids; attachments and images are noted for download.
 */
export class ZendeskLinks {
  private readonly outlines = new Map<string, HtmlHeading[]>();
  private readonly downloads = new Set<string>();

  private readonly site: LinkSite;

  constructor(site: LinkSite) {
    this.site = site;
  }

  /** The href to write for `href` on the page `at`; `undefined` keeps only the link's text. */
  rewrite(href: string, at: LinkContext): string | undefined {
    const absolute = this.absolute(href, at.base);
    if (href.startsWith('#')) {
      const id = this.anchor(at.planned, at.lang, decoded(href.slice(1)));
      if (id) return `#${id}`;
      this.site.notes.push({
        kind: 'dead-link',
        item: at.item,
        path: at.file,
        detail: `the link to ${href} on the same page leads to no heading: its text is kept without the link.`,
      });
      return undefined;
    }
    const article = articleUrl.exec(href);
    if (article) {
      const target = this.site.planned.get(Number(article[1]));
      if (!target) {
        const why = this.site.exp.articles.some((a) => a.id === Number(article[1]))
          ? 'was not imported (a draft, or restricted to a user segment)'
          : 'is not in the export';
        this.site.notes.push({
          kind: 'dead-link',
          item: at.item,
          path: at.file,
          url: absolute,
          detail: `links to article ${article[1]}, which ${why}: the link still points at the old help center.`,
        });
        return absolute;
      }
      const rel = path.posix.relative(path.posix.dirname(at.file), `help/${at.lang}/${target.route}.md`);
      const anchor = article[2] ? decoded(article[2]) : undefined;
      if (!anchor) return rel;
      const id = this.anchor(target, at.lang, anchor);
      if (id) return `${rel}#${id}`;
      this.site.notes.push({
        kind: 'dead-link',
        item: at.item,
        path: at.file,
        detail: `#${anchor} is no heading of article ${target.article.id}: the link leads to the top of the page.`,
      });
      return rel;
    }
    const group = groupUrl.exec(href);
    if (group) {
      const id = Number(group[2]);
      const category = this.site.categories.get(group[1]!.toLowerCase() === 'sections' ? (this.site.sections.get(id)?.category ?? -1) : id);
      if (category) return `/${at.lang}/help/${category.folder}/`;
      this.site.notes.push({
        kind: 'dead-link',
        item: at.item,
        path: at.file,
        url: absolute,
        detail: `links to ${group[1]} ${id}, which is not in the export.`,
      });
      return absolute;
    }
    if (attachmentUrl.test(absolute)) this.download(absolute, at.item, at.file, 'attachment');
    else if (this.onOldSite(href, absolute, at.base))
      this.site.notes.push({
        kind: 'dead-link',
        item: at.item,
        path: at.file,
        url: absolute,
        detail: 'links to a page of the old help center that is no article: it stops working when that site goes.',
      });
    return absolute;
  }

  /** Notes `url` for download on the page `file`, once per page. */
  download(url: string, item: string, file: string, what: string): void {
    if (this.downloads.has(`${file} ${url}`)) return;
    this.downloads.add(`${file} ${url}`);
    this.site.notes.push({ kind: 'download', item, path: file, url, detail: `the ${what} still loads from ${hostOf(url)}: download it and link the copy.` });
  }

  /** Whether a link leads into the old help center (`/hc/…` on its host, or written relative). */
  private onOldSite(href: string, absolute: string, base: string | undefined): boolean {
    try {
      const url = new URL(absolute);
      const host = base ? new URL(base).host : undefined;
      return url.pathname.startsWith('/hc/') && (href.startsWith('/') || url.host === host);
    } catch {
      return false;
    }
  }

  private absolute(href: string, base: string | undefined): string {
    try {
      return new URL(href, base).href;
    } catch {
      return href;
    }
  }

  /**
   * Signpost's id for the Zendesk id `anchor` on `target` as a reader of `lang` sees it (its
   * translation, else the default language's page). Translators often keep the source's anchors:
   * an id found only in the default language's text leads to the heading at the same place in the
   * translation, when both have as many headings.
   */
  private anchor(target: Planned, lang: string, anchor: string): string | undefined {
    const { defaultLanguage } = this.site;
    const shown = target.versions.has(lang) ? lang : target.versions.has(defaultLanguage) ? defaultLanguage : target.versions.keys().next().value!;
    const here = this.headings(target, shown);
    const own = here.find((h) => h.sourceIds.includes(anchor));
    if (own || shown === defaultLanguage || !target.versions.has(defaultLanguage)) return own?.id;
    const source = this.headings(target, defaultLanguage);
    const at = source.findIndex((h) => h.sourceIds.includes(anchor));
    return at >= 0 && source.length === here.length ? here[at]!.id : undefined;
  }

  private headings(target: Planned, lang: string): HtmlHeading[] {
    const key = `${target.article.id} ${lang}`;
    return this.outlines.get(key) ?? this.outlines.set(key, htmlHeadings(target.versions.get(lang)!.body)).get(key)!;
  }
}
