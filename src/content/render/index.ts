/**
 * Markdown and MDX to HTML, without running any of it. Sätteri (the parser behind Astro 7)
 * parses the text into an HTML tree; MDX components become plain HTML through the functions in
 * src/components/mdx; code (`import`, `export`, `{…}`) is refused; raw HTML is sanitized.
 * Because MDX is parsed and never compiled to JavaScript, content cannot execute in the build,
 * and the public build can drop `<Internal>` blocks from the tree before anything else sees them.
 */
import { markdownToHast, mdxToHast } from 'satteri';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { components } from '../../components/mdx/index.ts';
import { didYouMean, problem } from '../errors.ts';
import { lineOf, type JsxNode, type RenderContext } from './context.ts';
import { clean } from './sanitize.ts';
import { collectHeadings, type Heading } from './headings.ts';
import { rewriteLinks, type LinkRef } from './links.ts';

export interface Rendered {
  html: string;
  headings: Heading[];
  links: LinkRef[];
  /** Number of `<Internal>` blocks in the source (rendered or removed). */
  internalBlocks: number;
  /** Question and answer pairs: each `##` heading and the text under it (used when `faq: true`). */
  faq: { question: string; answer: string }[];
}

type Node = RootContent | ElementContent | JsxNode | { type: string; value?: string; children?: unknown[]; position?: JsxNode['position'] };

const isComment = (code: string) => /^\s*\/\*[\s\S]*\*\/\s*$/.test(code);

/** Renders a body (text after the frontmatter) for one target site. */
export function renderBody(body: string, format: 'md' | 'mdx', ctx: RenderContext): Rendered {
  ctx.source ??= body;
  const tree = parse(body, format, ctx);
  if (!tree) return { html: '', headings: [], links: [], internalBlocks: 0, faq: [] };
  const state = { internalBlocks: 0 };
  tree.children = transformChildren(tree.children as Node[], ctx, state, false) as RootContent[];
  if (ctx.html === false) {
    const headings = collectHeadings(tree);
    return { html: '', headings, links: rewriteLinks(tree, ctx, headings), internalBlocks: state.internalBlocks, faq: [] };
  }
  const safe = clean(tree, ctx.site.embeds);
  const headings = collectHeadings(safe);
  const links = rewriteLinks(safe, ctx, headings);
  wrapTables(safe, ctx);
  return { html: toHtml(safe), headings, links, internalBlocks: state.internalBlocks, faq: ctx.faq ? faqPairs(safe) : [] };
}

/** Each top-level `<h2>` with the text of what follows it up to the next `<h2>`. */
function faqPairs(tree: Root): { question: string; answer: string }[] {
  const out: { question: string; answer: string }[] = [];
  for (const child of tree.children) {
    if (child.type === 'element' && child.tagName === 'h2') out.push({ question: toString(child).trim(), answer: '' });
    else if (out.length && (child.type === 'element' || child.type === 'text')) out.at(-1)!.answer += toString(child);
  }
  return out.map((f) => ({ question: f.question, answer: f.answer.replace(/\s+/g, ' ').trim() })).filter((f) => f.answer);
}

function parse(body: string, format: 'md' | 'mdx', ctx: RenderContext): Root | undefined {
  const features = { gfm: { footnotes: { label: ctx.t('content.footnotes'), clobberPrefix: '' } }, smartPunctuation: true } as const;
  if (format === 'md') {
    // Plain Markdown: `<Internal>` arrives as raw HTML. Refuse an unbalanced one before the HTML
    // parser closes it silently at the end of the file, where agent-only text would run on.
    const unclosed = unbalancedInternal(body);
    if (unclosed !== undefined) {
      ctx.problems.push(problem('InternalUnclosed', ctx.file, 'An <Internal> block is opened but never closed (or closed without being opened).', { line: unclosed + ctx.bodyLine - 1 }));
      return undefined;
    }
    // Raw HTML is re-parsed into elements (so the sanitizer sees real tags, and <Internal> can
    // span Markdown); that loses positions, so it is only switched on when there is HTML.
    return markdownToHast(body, { features: { ...features, rawHtml: /<[a-z!/]/i.test(body) }, position: ctx.html !== false }) as Root;
  }
  try {
    return mdxToHast(body, { features, position: ctx.html !== false }) as Root;
  } catch (e) {
    const message = String((e as Error).message ?? e);
    const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
    const line = m ? Number(m[1]) + ctx.bodyLine - 1 : undefined;
    const text = (m ? m[3]! : message).replace(/\s*\(\d+:\d+\)\s*\([^)]*\)\s*$/, '').replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '');
    const code = /<Internal>/.test(text) ? 'InternalUnclosed' : 'MarkdownSyntax';
    ctx.problems.push(problem(code, ctx.file, text, { line, column: m ? Number(m[2]) : undefined }));
    return undefined;
  }
}

/** Line (in the body) of the first unbalanced `<Internal>`/`</Internal>`, ignoring code. */
/** Whether the text mentions an <Internal> tag at all (cheap pre-check before the line scan). */
export const mentionsInternal = (body: string) => body.includes('<') && /<\/?internal/i.test(body);

export function unbalancedInternal(body: string): number | undefined {
  if (!mentionsInternal(body)) return undefined;
  let depth = 0;
  let openLine: number | undefined;
  let fence: string | undefined;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1]![0];
      else if (f[1]![0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/<(\/?)internal\b[^>]*>/gi)) {
      if (m[1]) {
        if (depth === 0) return i + 1;
        depth--;
      } else {
        if (depth === 0) openLine = i + 1;
        depth++;
      }
    }
  }
  return depth > 0 ? openLine : undefined;
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
  const isInternal = (node.type === 'element' && (node as Element).tagName === 'internal')
    || ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node as JsxNode).name === 'Internal');
  if (isInternal) {
    state.internalBlocks++;
    // The wall: on the public site agent-only content is dropped here, before rendering,
    // sanitizing, link collection or indexing can see it.
    if (ctx.target === 'public') return null;
    const jsx = node as JsxNode;
    jsx.children = transformChildren(jsx.children as Node[], ctx, state, true) as ElementContent[];
    return components.Internal!(jsx, ctx, {}) as Node | Node[] | null;
  }
  switch (node.type) {
    case 'mdxjsEsm':
      ctx.problems.push(problem('MdxCode', ctx.file, `\`${firstLine(node.value)}\`: import and export lines are not allowed in content.`, { line: lineOf(node, ctx) }));
      return null;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (isComment(node.value ?? '')) return null;
      ctx.problems.push(problem('MdxCode', ctx.file, `\`{${firstLine(node.value)}}\`: expressions are not run in content. Write \\{ for a literal brace.`, { line: lineOf(node, ctx) }));
      return null;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return jsx(node as JsxNode, ctx, state, inInternal);
    case 'raw':
      return null;
    case 'element': {
      const el = node as Element;
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
      ctx.problems.push(problem('MdxCode', ctx.file, `<${node.name ?? ''} ${shown}>: attribute values must be plain text in quotes.`, { line: lineOf(node, ctx) }));
      continue;
    }
    attrs[a.name!] = a.value ?? '';
  }
  node.children = transformChildren(node.children as Node[], ctx, state, inInternal) as ElementContent[];
  if (!node.name) return node.children as Node[];
  if (/^[A-Z]/.test(node.name)) {
    const component = components[node.name];
    if (!component) {
      const guess = didYouMean(node.name, Object.keys(components));
      ctx.problems.push(problem('UnknownComponent', ctx.file, `<${node.name}> is not a Signpost component.${guess ? ` Did you mean <${guess}>?` : ''}`, { line: lineOf(node, ctx) }));
      return null;
    }
    const out = component(node, ctx, attrs);
    return out === null ? null : (out as Node | Node[]);
  }
  // Lower-case JSX is HTML written in MDX: keep it as an element; the sanitizer decides.
  return { type: 'element', tagName: node.name, properties: attrs, children: node.children, position: node.position } as unknown as Node;
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
      tree.children[i] = { type: 'element', tagName: 'div', properties: { className: ['table-wrap'], tabIndex: 0, role: 'region', ariaLabel: ctx.t('content.table') }, children: [child] };
    } else wrapTables(child, ctx);
  });
}
