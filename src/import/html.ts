/**
 * HTML bodies (Zendesk Guide articles) as Signpost Markdown. The conversion itself is the unified
 * stack's — hast-util-from-html, hast-util-to-mdast, mdast-util-to-markdown with GFM tables — so
 * every construct Markdown has (headings, nested lists, tables, code, quotes, emphasis, links,
 * images) comes through as the libraries define it. This module only prepares the HTML tree for
 * it and says what could not come through:
 *
 * - Embeds (`<iframe>`, `<video>`, `<audio>`) become a link to their source: a Signpost site lists
 *   the origins it may embed, which an import cannot know.
 * - Active and form content (`<script>`, `<style>`, `<form>`, `<object>`, `<embed>`…) is dropped.
 * - Formatting Markdown has no syntax for (`<u>`, `<sup>`, `<font>`…) is reduced to its text.
 *
 * Each of these is reported by element name, so the import report can list them per page. Links
 * are handed to the caller to rewrite (it knows which URLs are pages of the same help center);
 * images are made absolute and listed, for the report's download list.
 *
 * The output is plain `.md`: mdast-util-to-markdown escapes `<`, `*`, `[` and the like in text,
 * and raw HTML never reaches it (hast-util-to-mdast has no raw node to give).
 */
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toString as textOf } from 'hast-util-to-string';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { headingSlugger } from '../content/render/headings.ts';
import { leadSentence } from './plan.ts';

export interface HtmlOptions {
  /** The page's own URL: relative image sources and embeds are made absolute against it. */
  base?: string;
  /**
   * Rewrites the target of a link: returns the href to write, or `undefined` to keep the link's
   * text without the link. Without it, links are made absolute against `base`.
   */
  link?: (href: string) => string | undefined;
}

export interface HtmlMarkdown {
  /** The Markdown body, ending with one newline (empty when the HTML had no content). */
  markdown: string;
  /** What did not come through as it was, one sentence each (`<iframe> … replaced by a link to …`). */
  unsupported: string[];
  /** Absolute URLs of the images the body shows, in order, each once. */
  images: string[];
}

/** Elements whose content is code, forms or plug-ins: nothing of them belongs in an article. */
const dropped = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'object',
  'embed',
  'applet',
  'canvas',
  'svg',
  'math',
  'link',
  'meta',
  'frame',
  'frameset',
]);

/** Elements that show something from elsewhere: kept as a link to what they show. */
const embeds = new Set(['iframe', 'video', 'audio']);

/** Formatting that Markdown cannot say: the text stays, the formatting goes. */
const flattened = new Set(['u', 'sup', 'sub', 'mark', 'font', 'small', 'big', 'center', 'abbr', 'ins', 'cite', 'details', 'summary']);

const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';

/** `url` made absolute against `base`; as written when either cannot be parsed. */
function absolute(url: string, base: string | undefined): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** Converts an HTML body to Markdown, with what was lost on the way. */
export function htmlToMarkdown(html: string, options: HtmlOptions = {}): HtmlMarkdown {
  const tree = fromHtml(html, { fragment: true });
  const unsupported = new Set<string>();
  const images: string[] = [];
  const link = options.link ?? ((href: string) => (href.startsWith('#') ? href : absolute(href, options.base)));

  const embedLink = (el: Element): Element | undefined => {
    const source = el.children.find((c): c is Element => isElement(c) && c.tagName === 'source');
    const src = el.properties.src ?? source?.properties.src;
    if (typeof src !== 'string' || !src) {
      unsupported.add(`<${el.tagName}> without a source was left out.`);
      return undefined;
    }
    const url = absolute(src, options.base);
    unsupported.add(`<${el.tagName}> embed was replaced by a link to ${url}.`);
    const title = typeof el.properties.title === 'string' && el.properties.title.trim() ? el.properties.title.trim() : url;
    return {
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'element', tagName: 'a', properties: { href: url }, children: [{ type: 'text', value: title }] }],
    };
  };

  const prepare = (children: ElementContent[], parent: Element | Root): ElementContent[] => {
    const out: ElementContent[] = [];
    for (const child of children) {
      if (!isElement(child)) {
        out.push(child);
        continue;
      }
      const name = child.tagName;
      if (dropped.has(name)) {
        unsupported.add(`<${name}> was left out.`);
        continue;
      }
      if (embeds.has(name)) {
        const replacement = embedLink(child);
        if (replacement) out.push(replacement);
        continue;
      }
      child.children = prepare(child.children, child);
      if (flattened.has(name)) {
        unsupported.add(`<${name}> formatting was dropped; its text is kept.`);
        out.push(...child.children);
        continue;
      }
      if (name === 'a' && typeof child.properties.href === 'string') {
        const href = link(child.properties.href);
        if (href === undefined) {
          out.push(...child.children);
          continue;
        }
        child.properties.href = href;
      }
      if (name === 'img' && typeof child.properties.src === 'string') {
        child.properties.src = absolute(child.properties.src, options.base);
        if (!images.includes(child.properties.src)) images.push(child.properties.src);
      }
      // Editors nest a list as a sibling of the item it belongs to (`<ul><li>a</li><ul>…</ul></ul>`);
      // HTML parsers keep that, Markdown cannot say it: move it into the item before it.
      if ((name === 'ul' || name === 'ol') && parent.type === 'element' && /^[ou]l$/.test(parent.tagName)) {
        const item = out.findLast((c): c is Element => isElement(c) && c.tagName === 'li');
        if (item) {
          item.children.push(child);
          continue;
        }
      }
      out.push(child);
    }
    return out;
  };
  tree.children = prepare(tree.children as ElementContent[], tree);

  const mdast = toMdast(tree);
  const markdown = toMarkdown(mdast, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fence: '`',
    fences: true,
    rule: '-',
    listItemIndent: 'one',
  });
  return { markdown: markdown.trim() ? guardInternal(markdown) : '', unsupported: [...unsupported], images };
}

/**
 * `<Internal>` in any spelling is Signpost's agent-only marker, refused anywhere but alone on a
 * line. Imported text that says it means the words, not the marker: it is written with `&lt;`,
 * which reads the same and is no tag.
 */
function guardInternal(markdown: string): string {
  return markdown.replace(/\\?<(\/?)(internal)\b/gi, '&lt;$1$2');
}

/** A heading of an HTML body: the id Signpost gives it, and the ids the body gave it. */
export interface HtmlHeading {
  /** Signpost's id: the GitHub-style slug of the heading text, unique per page. */
  id: string;
  /** Ids in the HTML that lead to it: the heading's own (`h_01HQ…`) and those of anchors inside it. */
  sourceIds: string[];
}

/**
 * The headings of an HTML body in order, with the ids Signpost will give them, made by Signpost's
 * own slugger (src/content/render/headings.ts) from the heading text.
 */
export function htmlHeadings(html: string): HtmlHeading[] {
  const tree = fromHtml(html, { fragment: true });
  const slugger = headingSlugger({ marketById: new Map() });
  const headings: HtmlHeading[] = [];
  const idOf = (el: Element) => el.properties.id ?? (el.tagName === 'a' ? el.properties.name : undefined);
  const walk = (children: (RootContent | ElementContent)[]) => {
    for (const child of children) {
      if (!isElement(child) || dropped.has(child.tagName)) continue;
      if (/^h[1-6]$/.test(child.tagName)) {
        const inner = child.children.filter(isElement).map(idOf);
        const sourceIds = [idOf(child), ...inner].filter((id): id is string => typeof id === 'string');
        headings.push({ id: slugger.slug(textOf(child).replace(/\s+/g, ' ').trim() || 'section'), sourceIds });
      } else {
        walk(child.children);
      }
    }
  };
  walk(tree.children);
  return headings;
}

/** The text of an HTML fragment (a Zendesk description) on one line. */
export function plainText(html: string): string {
  return textOf(fromHtml(html, { fragment: true }))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The first sentence of an HTML body, as one line of plain text of at most `max` characters, cut
 * at a word (or, in text without spaces, a character) with an ellipsis when longer. Headings are
 * skipped: they name a part of the page, they do not describe it. `undefined` when the body has no
 * text.
 */
export function firstSentence(html: string, max = 160): string | undefined {
  const tree = fromHtml(html, { fragment: true });
  const blocks: string[] = [];
  const walk = (children: (RootContent | ElementContent)[]) => {
    for (const child of children) {
      if (child.type === 'text' && child.value.trim()) blocks.push(child.value);
      if (!isElement(child) || dropped.has(child.tagName) || embeds.has(child.tagName) || /^h[1-6]$/.test(child.tagName)) continue;
      if (
        /^(p|li|td|th|blockquote|dd|figcaption)$/.test(child.tagName) &&
        !child.children.some((c) => isElement(c) && /^(p|ul|ol|table|div)$/.test(c.tagName))
      ) {
        blocks.push(textOf(child));
      } else {
        walk(child.children);
      }
    }
  };
  walk(tree.children);
  const text = blocks.map((b) => b.replace(/\s+/g, ' ').trim()).find(Boolean);
  return text ? leadSentence(text, max) : undefined;
}
