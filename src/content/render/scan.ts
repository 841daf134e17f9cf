/**
 * A fast scan of plain Markdown for the audit: headings and links only, without building an HTML
 * tree in JavaScript. Sätteri walks the tree natively and calls back only for headings, links,
 * link definitions and raw HTML. Ids and link checks go through the same code as the renderer
 * (github-slugger, `resolveHref`), and a test holds the two to the same answers on the sample.
 */
import { createMdastHandle, defineMdastPlugin, dropHandle, resolveMdastSubscriptions, visitMdastHandle, type MdastPluginInstance } from 'satteri';
import GithubSlugger from 'github-slugger';
import type { RenderContext } from './context.ts';
import type { Heading } from './headings.ts';
import { locate, resolveHref, type LinkRef } from './links.ts';
import { mentionsInternal, unbalancedInternal, type Rendered } from './index.ts';
import { problem } from '../errors.ts';

interface Node {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  children?: Node[];
  position?: { start: { line: number } };
}

/** Line ranges (1-based, in the body) covered by `<Internal>` blocks. */
function internalRanges(body: string): [number, number][] {
  const out: [number, number][] = [];
  if (!mentionsInternal(body)) return out;
  let open: number | undefined;
  body.split('\n').forEach((line, i) => {
    if (/<internal\b[^>]*>/i.test(line) && open === undefined) open = i + 1;
    if (/<\/internal>/i.test(line) && open !== undefined) {
      out.push([open, i + 1]);
      open = undefined;
    }
  });
  return out;
}

interface Found {
  found: { depth: number; text: string }[];
  hrefs: { href: string; line?: number }[];
}

// Defined once: building a plugin per file costs more than the scan. Results go into `ctx.data`.
const collect = defineMdastPlugin({
  name: 'signpost-scan',
  options: { position: true },
  heading(node: Node, ctx: { data: unknown; textContent(n: Node): string }) {
    (ctx.data as Found).found.push({ depth: node.depth ?? 2, text: ctx.textContent(node).trim() });
  },
  link(node: Node, ctx: { data: unknown }) {
    if (node.url) (ctx.data as Found).hrefs.push({ href: node.url, line: node.position?.start.line });
  },
  definition(node: Node, ctx: { data: unknown }) {
    if (node.url) (ctx.data as Found).hrefs.push({ href: node.url, line: node.position?.start.line });
  },
  html(node: Node, ctx: { data: unknown }) {
    for (const m of (node.value ?? '').matchAll(/\bhref\s*=\s*["']([^"']+)["']/gi)) (ctx.data as Found).hrefs.push({ href: m[1]!, line: node.position?.start.line });
  },
});

const subscriptions = resolveMdastSubscriptions(collect as MdastPluginInstance);

export function scanMarkdown(body: string, ctx: RenderContext & { route: string }): Rendered {
  ctx.source ??= body;
  const unclosed = unbalancedInternal(body);
  if (unclosed !== undefined) {
    ctx.problems.push(problem('InternalUnclosed', ctx.file, 'An <Internal> block is opened but never closed (or closed without being opened).', { line: unclosed + ctx.bodyLine - 1 }));
    return { html: '', headings: [], links: [], internalBlocks: 0, faq: [] };
  }
  const found: Found['found'] = [];
  const hrefs: Found['hrefs'] = [];
  // Parse and walk natively, and stop there: no HTML is produced.
  const handle = createMdastHandle(body, undefined, true);
  try {
    visitMdastHandle(handle, collect, subscriptions, body, undefined, { found, hrefs } as never, 'markdown');
  } finally {
    dropHandle(handle);
  }
  const slugger = new GithubSlugger();
  const headings: Heading[] = found.map((h) => ({ depth: h.depth, id: slugger.slug(h.text || 'section'), text: h.text, toc: h.depth === 2 || h.depth === 3 }));
  const ids = new Set(headings.map((h) => h.id));
  const ranges = internalRanges(body);
  const links: LinkRef[] = [];
  for (const { href, line } of hrefs) {
    const inInternal = line !== undefined && ranges.some(([a, b]) => line >= a && line <= b);
    const { ref } = resolveHref(href, line === undefined ? locate(ctx, href) : line + ctx.bodyLine - 1, ctx, ids, inInternal);
    if (ref) links.push(ref);
  }
  return { html: '', headings, links, internalBlocks: ranges.length, faq: [] };
}
