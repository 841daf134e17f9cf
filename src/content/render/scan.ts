/**
 * A fast scan of plain Markdown for the audit: headings and links only, without building an HTML
 * tree in JavaScript. Sätteri walks the tree natively and calls back only for headings, links,
 * link definitions and raw HTML. Ids and link checks go through the same code as the renderer
 * (github-slugger, `resolveHref`), and a test holds the two to the same answers on the sample.
 */
import { createMdastHandle, defineMdastPlugin, dropHandle, resolveMdastSubscriptions, visitMdastHandle, type MdastPluginInstance } from 'satteri';
import type { RenderContext } from './context.ts';
import { headingSlugger, type Heading } from './headings.ts';
import { locate, resolveHref, type LinkRef } from './links.ts';
import type { Rendered } from './index.ts';
import { findInternalBlocks, MISPLACED, misuseProblems, PLACEHOLDER_PREFIX, split } from './internal-blocks.ts';
import { problem } from '../errors.ts';

interface Node {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  children?: Node[];
  position?: { start: { line: number } };
}

interface Found {
  found: { depth: number; text: string; line?: number }[];
  hrefs: { href: string; line?: number }[];
  placed?: string[];
}

// Defined once: building a plugin per file costs more than the scan. Results go into `ctx.data`.
const collect = defineMdastPlugin({
  name: 'signpost-scan',
  options: { position: true },
  heading(node: Node, ctx: { data: unknown; textContent(n: Node): string }) {
    (ctx.data as Found).found.push({ depth: node.depth ?? 2, text: ctx.textContent(node).trim(), line: node.position?.start.line });
  },
  link(node: Node, ctx: { data: unknown }) {
    if (node.url) (ctx.data as Found).hrefs.push({ href: node.url, line: node.position?.start.line });
  },
  definition(node: Node, ctx: { data: unknown }) {
    if (node.url) (ctx.data as Found).hrefs.push({ href: node.url, line: node.position?.start.line });
  },
  html(node: Node, ctx: { data: unknown }) {
    for (const m of (node.value ?? '').matchAll(/\bhref\s*=\s*["']([^"']+)["']/gi))
      (ctx.data as Found).hrefs.push({ href: m[1]!, line: node.position?.start.line });
  },
});

const subscriptions = resolveMdastSubscriptions(collect as MdastPluginInstance);

// With `<Internal>` blocks, also find the paragraphs that hold their placeholders: one that is not
// a paragraph of its own (in code, a table, raw HTML) is the error the renderer reports too.
const collectPlaced = defineMdastPlugin({
  ...collect,
  name: 'signpost-scan-placed',
  paragraph(node: Node, ctx: { data: unknown; textContent(n: Node): string }) {
    const text = ctx.textContent(node).trim();
    if (text.startsWith(PLACEHOLDER_PREFIX)) (ctx.data as Found).placed?.push(text);
  },
});
const placedSubscriptions = resolveMdastSubscriptions(collectPlaced as MdastPluginInstance);

/** Headings and link targets of one Markdown text, lines relative to it. */
function scanText(text: string, withPlaced = false): Found {
  const found: Found = { found: [], hrefs: [], placed: withPlaced ? [] : undefined };
  // Parse and walk natively, and stop there: no HTML is produced.
  const handle = createMdastHandle(text, undefined, true);
  try {
    if (withPlaced) visitMdastHandle(handle, collectPlaced, placedSubscriptions, text, undefined, found as never, 'markdown');
    else visitMdastHandle(handle, collect, subscriptions, text, undefined, found as never, 'markdown');
  } finally {
    dropHandle(handle);
  }
  return found;
}

/**
 * Scans a body as the renderer sees it: `<Internal>` blocks are cut out of the text and scanned on
 * their own (internal-blocks.ts), and their headings and links are put back where the block was.
 */
export function scanMarkdown(body: string, ctx: RenderContext & { route: string }): Rendered {
  ctx.source ??= body;
  const { blocks, misuse } = findInternalBlocks(body);
  if (misuse.length) {
    ctx.problems.push(...misuseProblems(misuse, ctx.file, ctx.bodyLine));
    return { html: '', headings: [], links: [], internalBlocks: 0, faq: [] };
  }
  const parts = split(body, blocks, ctx.target === 'internal');
  const outer = scanText(parts.outer, blocks.length > 0);
  const misplaced = parts.placeholders.findIndex((p) => p && !outer.placed!.includes(p));
  if (misplaced >= 0) {
    ctx.problems.push(problem('InternalMisplaced', ctx.file, MISPLACED, { line: blocks[misplaced]!.open + ctx.bodyLine - 1 }));
    return { html: '', headings: [], links: [], internalBlocks: 0, faq: [] };
  }
  const found: (Found['found'][number] & { inInternal: boolean })[] = outer.found.map((h) => ({ ...h, inInternal: false }));
  const hrefs: (Found['hrefs'][number] & { inInternal: boolean })[] = outer.hrefs.map((h) => ({ ...h, inInternal: false }));
  parts.inner.forEach(({ text, firstLine }) => {
    const inner = scanText(text);
    const shift = (line?: number) => (line === undefined ? undefined : line + firstLine - 1);
    found.push(...inner.found.map((h) => ({ ...h, line: shift(h.line), inInternal: true })));
    hrefs.push(...inner.hrefs.map((h) => ({ ...h, line: shift(h.line), inInternal: true })));
  });
  // Document order, as the renderer's tree walk sees them once blocks are in place.
  const byLine = <T extends { line?: number }>(a: T, b: T) => (a.line ?? 0) - (b.line ?? 0);
  found.sort(byLine);
  hrefs.sort(byLine);
  const slugger = headingSlugger(ctx.site);
  const headings: Heading[] = found.map((h) => ({
    depth: h.depth,
    id: slugger.slug(h.text || 'section'),
    text: h.text,
    toc: !h.inInternal && (h.depth === 2 || h.depth === 3),
  }));
  const ids = new Set(headings.map((h) => h.id));
  const links: LinkRef[] = [];
  for (const { href, line, inInternal } of hrefs) {
    const { ref } = resolveHref(href, line === undefined ? locate(ctx, href) : line + ctx.bodyLine - 1, ctx, ids, inInternal);
    if (ref) links.push(ref);
  }
  return { html: '', headings, links, internalBlocks: blocks.length, faq: [] };
}
