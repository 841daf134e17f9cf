/**
 * Markdown and MDX to HTML, without running any of it. Sätteri (the parser behind Astro 7)
 * parses the text into an HTML tree; MDX components become plain HTML through the functions in
 * ./components; code (`import`, `export`, `{…}`) is refused; raw HTML is sanitized.
 * Because MDX is parsed and never compiled to JavaScript, content cannot execute in the build,
 * and the public build can drop `<Internal>` blocks from the tree before anything else sees them.
 */
import { markdownToHast, mdxToHast } from 'satteri';
import { toHtml } from 'hast-util-to-html';
import { toString as textOf } from 'hast-util-to-string';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { components } from './components/index.ts';
import { didYouMean, problem } from '../errors.ts';
import { lineOf, type JsxNode, type RenderContext } from './context.ts';
import { clean, schemaFor } from './sanitize.ts';
import { collectHeadings, type Heading } from './headings.ts';
import { findInternalBlocks, MISPLACED, misuseProblems, split, type InternalBlock, type Split } from './internal-blocks.ts';
import { rewriteLinks, type LinkRef } from './links.ts';
import { markdownParts, type MarkdownParts } from './markdown.ts';
import { urlFor } from '../paths.ts';

export interface Rendered {
  html: string;
  headings: Heading[];
  links: LinkRef[];
  /** Number of `<Internal>` blocks in the source (rendered or removed). */
  internalBlocks: number;
  /** Question and answer pairs: each `##` heading and the text under it (used when `faq: true`). */
  faq: { question: string; answer: string }[];
  /** Languages of the page's canned replies (`<Reply lang>`), in order of first use. */
  replyLanguages?: string[];
  /** Each canned reply's language and HTML, for the translations that show their source's (content/replies.ts). */
  replyHtml?: { lang: string; html: string }[];
  /** Market facts the page shows (`<Fact>`), in order of first use. */
  facts?: { market: string; name: string }[];
  /** The page as Markdown, links absolute (markdown.ts); for the exports. */
  markdown?: MarkdownParts;
}

type Node = RootContent | ElementContent | JsxNode | { type: string; value?: string; children?: unknown[]; position?: JsxNode['position'] };

const isComment = (code: string) => /^\s*\/\*[\s\S]*\*\/\s*$/.test(code);

const empty = (): Rendered => ({ html: '', headings: [], links: [], internalBlocks: 0, faq: [] });

/**
 * Renders a body (text after the frontmatter) for one target site.
 *
 * `<Internal>` blocks are cut out of the text before it is parsed (internal-blocks.ts): both sites
 * parse the same public text with a placeholder where each block was; the internal site parses
 * each block on its own and puts it in place of its placeholder, the public site drops the
 * placeholder. Agent-only text is never parsed for the public site, so no quirk of a parser can
 * publish part of it.
 */
export function renderBody(body: string, format: 'md' | 'mdx', ctx: RenderContext): Rendered {
  ctx.source ??= body;
  ctx.cited ??= new Set();
  const { blocks, misuse } = findInternalBlocks(body);
  if (misuse.length) {
    ctx.problems.push(...misuseProblems(misuse, ctx.file, ctx.bodyLine));
    return empty();
  }
  const parts = split(body, blocks, ctx.target === 'internal');
  const tree = parse(parts.outer, format, ctx);
  if (!tree) return empty();
  const state = { internalBlocks: blocks.length };
  tree.children = transformChildren(tree.children as Node[], ctx, state, false) as RootContent[];
  if (!placeBlocks(tree, parts, blocks, format, ctx, state)) return empty();
  if (ctx.html === false) {
    const headings = collectHeadings(tree, ctx.site);
    // The audit needs the replies' languages (checks/replies.ts), not their HTML.
    const replyLanguages = replyLanguagesOf(tree);
    return {
      html: '',
      headings,
      links: rewriteLinks(tree, ctx, headings),
      internalBlocks: state.internalBlocks,
      faq: [],
      ...(replyLanguages.length ? { replyLanguages } : {}),
    };
  }
  const safe = clean(tree, ctx.site.embeds, ctx.target);
  const headings = collectHeadings(safe, ctx.site);
  const links = rewriteLinks(safe, ctx, headings);
  const markdown = markdownParts(safe, ctx.site.url + urlFor(ctx.lang, ctx.route));
  wrapTables(safe, ctx);
  const replyLanguages = replyLanguagesOf(safe);
  const replyHtml = replyLanguages.length ? replyFigures(safe).map((f) => ({ lang: String(f.properties.dataReplyLang), html: toHtml(f) })) : [];
  const facts = [...ctx.cited].map((id) => ({ market: id.slice(0, id.indexOf(':')), name: id.slice(id.indexOf(':') + 1) }));
  return {
    html: toHtml(safe),
    headings,
    links,
    internalBlocks: state.internalBlocks,
    faq: ctx.faq ? faqPairs(safe) : [],
    ...(replyLanguages.length ? { replyLanguages, replyHtml } : {}),
    ...(facts.length ? { facts } : {}),
    markdown,
  };
}

/** Every canned reply (`<figure class="reply">`) in the tree, in order. */
function replyFigures(tree: Root | Element, out: Element[] = []): Element[] {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'figure' && child.properties?.dataReplyLang !== undefined) out.push(child);
    else replyFigures(child, out);
  }
  return out;
}

/** The `lang` of every canned reply in the tree, once each, in order. */
function replyLanguagesOf(tree: Root | Element, out: string[] = []): string[] {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    const lang = child.properties?.dataReplyLang;
    if (typeof lang === 'string' && !out.includes(lang)) out.push(lang);
    replyLanguagesOf(child, out);
  }
  return out;
}

/**
 * Puts each block where its placeholder paragraph is: the rendered block on the internal site,
 * nothing on the public one. A placeholder that is not a paragraph of its own means the marker
 * sat where a block cannot be (in code, a table, raw HTML): that is an error on both sites.
 */
function placeBlocks(
  tree: Root,
  parts: Split,
  blocks: readonly InternalBlock[],
  format: 'md' | 'mdx',
  ctx: RenderContext,
  state: { internalBlocks: number },
): boolean {
  if (!blocks.length) return true;
  const index = new Map(parts.placeholders.map((p, i) => [p, i] as const).filter(([p]) => p));
  const placed = new Set<number>();
  const walk = (node: Root | Element) => {
    const out: (RootContent | ElementContent)[] = [];
    for (const child of node.children) {
      const i =
        child.type === 'element' && child.tagName === 'p' && child.children.length === 1 && child.children[0]!.type === 'text'
          ? index.get(child.children[0]!.value.trim())
          : undefined;
      if (i === undefined) {
        if (child.type === 'element') walk(child);
        out.push(child);
        continue;
      }
      placed.add(i);
      if (ctx.target !== 'internal') continue;
      const inner = parts.inner[i]!;
      const innerTree = parse(inner.text, format, { ...ctx, bodyLine: ctx.bodyLine + inner.firstLine - 1 });
      if (!innerTree) continue;
      // From here on the block's nodes are part of the page: their lines become body lines.
      shiftLines(innerTree, inner.firstLine - 1);
      const children = transformChildren(innerTree.children as Node[], ctx, state, true) as ElementContent[];
      const note = components.Internal!({ type: 'mdxJsxFlowElement', name: 'Internal', attributes: [], children }, ctx, {});
      if (Array.isArray(note)) out.push(...note);
      else if (note) out.push(note);
    }
    node.children = out as typeof node.children;
  };
  walk(tree);
  let ok = true;
  parts.placeholders.forEach((p, i) => {
    if (!p || placed.has(i)) return;
    ok = false;
    ctx.problems.push(problem('InternalMisplaced', ctx.file, MISPLACED, { line: blocks[i]!.open + ctx.bodyLine - 1 }));
  });
  return ok;
}

function shiftLines(tree: Root, by: number): void {
  const seen = new Set<object>();
  const walk = (node: { position?: { start: { line: number }; end?: { line: number } }; children?: unknown[] }) => {
    for (const point of [node.position?.start, node.position?.end]) {
      if (point && !seen.has(point)) {
        seen.add(point);
        point.line += by;
      }
    }
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree as never);
}

/** Each top-level `<h2>` with the text of what follows it up to the next `<h2>`. */
function faqPairs(tree: Root): { question: string; answer: string }[] {
  const out: { question: string; answer: string }[] = [];
  for (const child of tree.children) {
    if (child.type === 'element' && child.tagName === 'h2') out.push({ question: textOf(child).trim(), answer: '' });
    else if (out.length && (child.type === 'element' || child.type === 'text')) out.at(-1)!.answer += textOf(child);
  }
  return out.map((f) => ({ question: f.question, answer: f.answer.replace(/\s+/g, ' ').trim() })).filter((f) => f.answer);
}

function parse(body: string, format: 'md' | 'mdx', ctx: RenderContext): Root | undefined {
  const features = { gfm: { footnotes: { label: ctx.t('content.footnotes'), clobberPrefix: '' } }, smartPunctuation: true } as const;
  if (format === 'md') {
    // Raw HTML is re-parsed into elements (so the sanitizer sees real tags); that loses
    // positions, so it is only switched on when there is HTML.
    return markdownToHast(body, { features: { ...features, rawHtml: /<[a-z!/]/i.test(body) }, position: ctx.html !== false }) as Root;
  }
  try {
    return mdxToHast(body, { features, position: ctx.html !== false }) as Root;
  } catch (e) {
    const message = String((e as Error).message ?? e);
    const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
    const line = m ? Number(m[1]) + ctx.bodyLine - 1 : undefined;
    const text = (m ? m[3]! : message).replace(/\s*\(\d+:\d+\)\s*\([^)]*\)\s*$/, '').replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '');
    ctx.problems.push(problem('MarkdownSyntax', ctx.file, text, { line, column: m ? Number(m[2]) : undefined }));
    return undefined;
  }
}

function transformChildren(children: Node[], ctx: RenderContext, state: { internalBlocks: number }, inInternal: boolean): Node[] {
  const out: Node[] = [];
  for (const child of children) {
    const result = transform(child, ctx, state, inInternal);
    if (result === null) continue;
    if (Array.isArray(result)) out.push(...result);
    else out.push(result);
  }
  return out;
}

function transform(node: Node, ctx: RenderContext, state: { internalBlocks: number }, inInternal: boolean): Node | Node[] | null {
  switch (node.type) {
    case 'mdxjsEsm':
      ctx.problems.push(
        problem('MdxCode', ctx.file, `\`${firstLine(node.value)}\`: import and export lines are not allowed in content.`, { line: lineOf(node, ctx) }),
      );
      return null;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (isComment(node.value ?? '')) return null;
      ctx.problems.push(
        problem('MdxCode', ctx.file, `\`{${firstLine(node.value)}}\`: expressions are not run in content. Write \\{ for a literal brace.`, {
          line: lineOf(node, ctx),
        }),
      );
      return null;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return jsx(node as JsxNode, ctx, state, inInternal);
    case 'raw':
      return null;
    case 'element': {
      const el = node as Element;
      if (!allowedAuthorElement(el.tagName, el.properties ?? {}, node, ctx)) return null;
      el.children = transformChildren(el.children as Node[], ctx, state, inInternal) as ElementContent[];
      return el;
    }
    default:
      return node;
  }
}

function jsx(node: JsxNode, ctx: RenderContext, state: { internalBlocks: number }, inInternal: boolean): Node | Node[] | null {
  const attrs: Record<string, string> = {};
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute' || (a.value !== null && a.value !== undefined && typeof a.value !== 'string')) {
      const shown = a.type === 'mdxJsxAttribute' ? `${a.name}={…}` : '{…spread}';
      ctx.problems.push(
        problem('MdxCode', ctx.file, `<${node.name ?? ''} ${shown}>: attribute values must be plain text in quotes.`, { line: lineOf(node, ctx) }),
      );
      continue;
    }
    attrs[a.name!] = a.value ?? '';
  }
  // A reply is written in the customer's language: what it shows (a <Fact>) is formatted in that
  // language, not the page's. Same context otherwise (problems and cited facts are shared).
  const replyLang = node.name === 'Reply' ? attrs.lang?.toLowerCase() : undefined;
  const inner = replyLang && ctx.site.langByCode.has(replyLang) ? { ...ctx, lang: replyLang } : ctx;
  node.children = transformChildren(node.children as Node[], inner, state, inInternal) as ElementContent[];
  if (!node.name) return node.children as Node[];
  if (/^[A-Z]/.test(node.name)) {
    // `components` has no prototype (components/index.ts): only its own names are found.
    const component = components[node.name];
    if (!component) {
      const guess = didYouMean(node.name, Object.keys(components));
      ctx.problems.push(
        problem('UnknownComponent', ctx.file, `<${node.name}> is not a Signpost component.${guess ? ` Did you mean <${guess}>?` : ''}`, {
          line: lineOf(node, ctx),
        }),
      );
      return null;
    }
    const out = component(node, ctx, attrs);
    return out === null ? null : (out as Node | Node[]);
  }
  // Lower-case JSX is HTML written in MDX: keep it as an element; the sanitizer decides.
  if (!allowedAuthorElement(node.name, attrs, node, ctx)) return null;
  return { type: 'element', tagName: node.name, properties: attrs, children: node.children, position: node.position } as unknown as Node;
}

/**
 * HTML that an author wrote is decided by allowlist. An element that the sanitizer would drop is
 * an error rather than a silent loss: `<script>` or `<textarea>` in Markdown swallows the rest of
 * the page, and a misspelt `<Intrenal>` would publish its text. HTML may not dress up as agent
 * material either: an attribute named like "internal" (`data-internal`) or a class of the agent
 * note would make a public page look like one to readers, styles and the link check.
 */
function allowedAuthorElement(tag: string, props: Record<string, unknown>, node: Node, ctx: RenderContext): boolean {
  const allowed = allowedTags(ctx);
  const classes = [props.className, props.class].flatMap((c) => (Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : []));
  const badAttr = Object.keys(props).find((k) => /internal/i.test(k));
  const badClass = classes.find((c) => /internal|^agent(-|$)/i.test(c));
  const badTag = !allowed.has(tag.toLowerCase()) || /internal/i.test(tag);
  if (!badAttr && !badClass && !badTag) return true;
  const line =
    lineOf(node as JsxNode, ctx) ??
    locateText(ctx, badTag ? `<${tag}` : (badClass ?? badAttr!.replace(/^data([A-Z])/, (_, c: string) => `data-${c.toLowerCase()}`)));
  if (badTag) {
    const guess = didYouMean(tag, [...allowed, 'Internal']);
    const hint =
      tag.toLowerCase() === 'iframe'
        ? 'List the origin of the embedded page under `embeds:` in site.yaml.'
        : 'Use Markdown, or the HTML elements listed in docs/authoring.md.';
    ctx.problems.push(
      problem('HtmlNotAllowed', ctx.file, `<${tag}> is not an element that content may use.${guess ? ` Did you mean <${guess}>?` : ''}`, { line, hint }),
    );
    return false;
  }
  const what = badAttr ? `the attribute ${badAttr.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : `the class "${badClass}"`;
  ctx.problems.push(
    problem('InternalMisplaced', ctx.file, `<${tag}> uses ${what}, which is reserved for agent-only material.`, {
      line,
      hint: 'Put agent-only text in an <Internal> block; do not style or mark content as internal by hand.',
    }),
  );
  return false;
}

const tagCache = new WeakMap<object, Set<string>>();
/** Elements content may use on this site: the sanitizer's allowlist, and iframes if embeds are listed. */
function allowedTags(ctx: RenderContext): Set<string> {
  const key = ctx.site.embeds.length ? ctx.site.embeds : tagCache;
  let tags = tagCache.get(key);
  if (!tags) {
    tags = new Set([...(schemaFor(ctx.target).tagNames ?? []), ...(ctx.site.embeds.length ? ['iframe'] : [])]);
    tagCache.set(key, tags);
  }
  return tags;
}

/** The file line of the first body line containing `needle`, in any case (for nodes without a position). */
function locateText(ctx: RenderContext, needle: string): number | undefined {
  const lower = needle.toLowerCase();
  const i = ctx.source?.split('\n').findIndex((l) => l.toLowerCase().includes(lower));
  return i !== undefined && i >= 0 ? i + ctx.bodyLine : undefined;
}

function firstLine(s: string | undefined): string {
  const line = (s ?? '').split('\n')[0]!.trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** Wide tables scroll inside a focusable, labelled region (WCAG 1.4.10 reflow, 2.1.1 keyboard). */
function wrapTables(tree: Root | Element, ctx: RenderContext): void {
  tree.children.forEach((child, i) => {
    if (child.type !== 'element') return;
    if (child.tagName === 'table') {
      tree.children[i] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-wrap'], tabIndex: 0, role: 'region', ariaLabel: ctx.t('content.table') },
        children: [child],
      };
    } else wrapTables(child, ctx);
  });
}
