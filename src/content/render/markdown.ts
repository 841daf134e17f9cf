/**
 * The rendered tree of a page, written back as clean Markdown for machines (Markdown twins,
 * llms-full.txt, the JSON export). It starts from the tree the page's HTML is made from, after the
 * sanitizer, so what a machine reads is what a reader reads: `<Fact>`s already formatted for the
 * market and language, links resolved, and on the public site no `<Internal>` text (never parsed).
 *
 * Components become plain Markdown: callouts, agent notes and escalations are block quotes led by
 * their label in bold, replies are block quotes led by their language, decisions keep "If:" in
 * bold, tables are GFM tables. Links become absolute URLs, so a chatbot can cite them.
 *
 * Two writers, one result: the elements pages are made of (paragraphs, headings, lists, links,
 * tables, code, quotes and the components) are written directly by markdown-fast.ts, many times
 * faster than the general route, which matters at 100,000 pages; a page holding anything else (definition
 * lists, `<details>`, ruby…) goes through hast-util-to-mdast and mdast-util-to-markdown.
 */
import { toMdast, type Handle, type State } from 'hast-util-to-mdast';
import { toString as textOf } from 'hast-util-to-string';
import { defaultHandlers as toMarkdownHandlers, toMarkdown, type Handle as TextHandle } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Element, Root as HastRoot } from 'hast';
import type { BlockContent, Blockquote, Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import { FastUnsupported, fastMarkdown, hasClass } from './markdown-fast.ts';

const strong = (text: string): PhrasingContent => ({ type: 'strong', children: [{ type: 'text', value: text }] });

/** Flow content of an element, with phrasing wrapped in paragraphs (a quote holds blocks). */
function blocks(state: State, el: Element): BlockContent[] {
  return state.toFlow(state.all(el)) as BlockContent[];
}

/** A labelled box (callout, agent note, escalation): a block quote whose first line is its label in bold. */
const labelled: Handle = (state, el) => {
  const [first, ...rest] = el.children;
  const titled = first?.type === 'element' && first.tagName === 'p' && String(first.properties?.className ?? '').endsWith('-title');
  const body = blocks(state, titled ? { ...el, children: rest } : el);
  const head: Paragraph[] = titled ? [{ type: 'paragraph', children: [strong(textOf(first).trim())] }] : [];
  const quote: Blockquote = { type: 'blockquote', children: [...head, ...body] };
  state.patch(el, quote);
  return quote;
};

/** A canned reply: a block quote led by "**Deutsch** · title". */
const figure: Handle = (state, el) => {
  if (!hasClass(el, 'reply')) return state.all(el) as BlockContent[];
  const caption = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
  const body = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'div');
  const [lang, title] = (caption?.children ?? []).filter((c): c is Element => c.type === 'element').map((c) => textOf(c).trim());
  const head: Paragraph = { type: 'paragraph', children: [strong(lang ?? ''), ...(title ? [{ type: 'text' as const, value: ` · ${title}` }] : [])] };
  return { type: 'blockquote', children: [head, ...(body ? blocks(state, body) : [])] };
};

/** Labels inside a box ("If:", "When:") read as bold text. */
const span: Handle = (state, el) => {
  if (hasClass(el, 'decision-label') || hasClass(el, 'escalation-label')) return strong(textOf(el).trim());
  return state.all(el) as PhrasingContent[];
};

const handlers: Record<string, Handle> = { aside: labelled, figure, span };

/**
 * Text as the default serializer writes it, except that a bracketed placeholder such as
 * `[order number]` is not escaped to `\[order number]`: with no link after it and no definitions in
 * the output it can only read as text, and replies with placeholders are copied as they are.
 */
const text: TextHandle = (node, parent, state, info) =>
  toMarkdownHandlers.text(node, parent, state, info).replace(/\\\[([^[\]\\\n]*)\](?=([\s\S]?))/g, (whole, inner: string, next: string) => {
    const after = next || info.after;
    return after === '(' || after === '[' || after === ':' ? whole : `[${inner}]`;
  });

/** Makes every link and image absolute against the page's own URL (`#anchor` links included). */
function absolute(node: Nodes, base: URL): void {
  if ((node.type === 'link' || node.type === 'image') && node.url) {
    try {
      node.url = new URL(node.url, base).href;
    } catch {
      // An unparseable URL stays as written; the link check has already vetted internal links.
    }
  }
  if ('children' in node) for (const child of node.children) absolute(child, base);
}

/** The general route: hast → mdast → Markdown, for any element the sanitizer lets through. */
export function libraryMarkdown(tree: HastRoot | Element, pageUrl: string): string {
  const root: HastRoot = tree.type === 'root' ? tree : { type: 'root', children: [tree] };
  const mdast = toMdast(structuredClone(root), { handlers }) as Root;
  absolute(mdast, new URL(pageUrl));
  return toMarkdown(mdast, { extensions: [gfmToMarkdown()], handlers: { text }, bullet: '-', emphasis: '*', rule: '-', fences: true }).trim();
}

/** Markdown for a rendered tree (or one part of it); relative links are resolved against `pageUrl`. */
export function treeToMarkdown(tree: HastRoot | Element, pageUrl: string): string {
  try {
    return fastMarkdown(tree, new URL(pageUrl));
  } catch (e) {
    if (e instanceof FastUnsupported) return libraryMarkdown(tree, pageUrl);
    throw e;
  }
}

/** A page as Markdown: its body, and on SOPs its decisions and replies, each on its own. */
export interface MarkdownParts {
  body: string;
  /** `<Decision>`s: the situation (`if`), and what to do then as Markdown (a key named `then` would make the object a thenable). */
  decisions?: { situation: string; action: string }[];
  /** `<Reply>`s: language, title and text as Markdown. */
  replies?: { lang: string; title?: string; body: string }[];
}

/** Time spent writing Markdown in this process, for the build's timings (the exports' share). */
export const markdownClock = { ms: 0 };

/** The Markdown of a rendered page, with its decisions and replies picked out. */
export function markdownParts(tree: HastRoot, pageUrl: string): MarkdownParts {
  const started = performance.now();
  const decisions: NonNullable<MarkdownParts['decisions']> = [];
  const replies: NonNullable<MarkdownParts['replies']> = [];
  const child = (el: Element, test: (c: Element) => boolean) => el.children.find((c): c is Element => c.type === 'element' && test(c));
  const visit = (node: HastRoot | Element) => {
    for (const el of node.children) {
      if (el.type !== 'element') continue;
      if (hasClass(el, 'decision')) {
        const cond = child(el, (c) => hasClass(c, 'decision-if'));
        const then = child(el, (c) => hasClass(c, 'decision-then'));
        const label = cond && child(cond, (c) => hasClass(c, 'decision-label'));
        decisions.push({
          situation: (cond ? textOf(cond).slice(label ? textOf(label).length : 0) : '').trim(),
          action: then ? treeToMarkdown(then, pageUrl) : '',
        });
      } else if (el.tagName === 'figure' && hasClass(el, 'reply')) {
        const title = el.children.flatMap((c) => (c.type === 'element' ? c.children : [])).find((c) => c.type === 'element' && hasClass(c, 'reply-title'));
        const body = child(el, (c) => hasClass(c, 'reply-body'));
        replies.push({
          lang: String(el.properties?.dataReplyLang ?? ''),
          ...(title ? { title: textOf(title).trim() } : {}),
          body: body ? treeToMarkdown(body, pageUrl) : '',
        });
      }
      visit(el);
    }
  };
  visit(tree);
  const parts = { body: treeToMarkdown(tree, pageUrl), ...(decisions.length ? { decisions } : {}), ...(replies.length ? { replies } : {}) };
  markdownClock.ms += performance.now() - started;
  return parts;
}
