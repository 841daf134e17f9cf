/**
 * Links in content. A link to another content file (`../returns/start-a-return.md#refunds`) is
 * rewritten to that page's URL, relative, so it keeps the reader in their language; every internal
 * link is recorded so the loader can check, once all files are read, that it leads somewhere.
 */
import path from 'node:path';
import type { Element, Root } from 'hast';
import { problem } from '../errors.ts';
import { parseEntryPath, relativeUrl } from '../paths.ts';
import type { RenderContext } from './context.ts';
import type { Heading } from './headings.ts';

export interface LinkRef {
  /** As written by the author. */
  href: string;
  /** Route path of the target page, or `undefined` for a link within the same page. */
  route?: string;
  /** Site-absolute link such as `/en/search/`, checked against the route table. */
  absolute?: string;
  anchor?: string;
  line?: number;
  /** Inside an `<Internal>` block (internal build only): may point at internal pages. */
  inInternal: boolean;
}

const external = /^[a-z][a-z0-9+.-]*:/i;

/** Rewrites content-file links in place and returns every internal link for checking. */
export function rewriteLinks(tree: Root, ctx: RenderContext & { route: string }, headings: Heading[]): LinkRef[] {
  const ids = new Set(headings.map((h) => h.id));
  collectIds(tree, ids);
  const links: LinkRef[] = [];
  const walk = (node: Root | Element, inInternal: boolean) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      // Only the internal site has agent notes; on the public one nothing may claim to be one.
      const internal = inInternal || (ctx.target === 'internal' && child.properties?.dataInternal !== undefined);
      if (child.tagName === 'a' && typeof child.properties?.href === 'string') {
        const ref = resolve(child, ctx, ids, internal);
        if (ref) links.push(ref);
      }
      walk(child, internal);
    }
  };
  walk(tree, false);
  return links;
}

function resolve(a: Element, ctx: RenderContext & { route: string }, ids: Set<string>, inInternal: boolean): LinkRef | undefined {
  const href = a.properties.href as string;
  const line = a.position ? a.position.start.line + ctx.bodyLine - 1 : locate(ctx, href);
  const result = resolveHref(href, line, ctx, ids, inInternal);
  if (result.href !== undefined) a.properties.href = result.href;
  return result.ref;
}

/**
 * Checks one link target. Returns the URL to publish instead (for links to content files and
 * prefixed ids) and the reference to check once every file is read. Shared by the renderer and
 * the audit's fast scan, so both judge links alike.
 */
export function resolveHref(
  href: string,
  line: number | undefined,
  ctx: RenderContext & { route: string },
  ids: Set<string>,
  inInternal: boolean,
): { href?: string; ref?: LinkRef } {
  if (external.test(href) || href.startsWith('//')) return {};
  const [target, anchor] = splitAnchor(href);
  if (!target) {
    if (!anchor) return {};
    // Footnote and author ids are prefixed by the sanitizer; follow the prefix.
    if (!ids.has(anchor) && ids.has(`user-content-${anchor}`)) return { href: `#user-content-${anchor}` };
    if (!ids.has(anchor)) ctx.problems.push(problem('BrokenLink', ctx.file, `There is no heading "#${anchor}" on this page.`, { line }));
    return {};
  }
  if (target.startsWith('/')) return { ref: { href, absolute: target, anchor, line, inInternal } };
  let decoded = target;
  try {
    decoded = decodeURI(target);
  } catch {
    /* keep as written */
  }
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(ctx.file), decoded));
  const parsed = /\.(md|mdx)$/.test(file) ? parseEntryPath(file) : undefined;
  if (!parsed || typeof parsed === 'string') {
    ctx.problems.push(problem('BrokenLink', ctx.file, `"${href}" does not point at a content file (resolved to ${file}).`, { line }));
    return {};
  }
  return { href: relativeUrl(ctx.route, parsed.route) + (anchor ? `#${anchor}` : ''), ref: { href, route: parsed.route, anchor, line, inInternal } };
}

/**
 * The file line of a link whose position was lost (raw HTML in Markdown is re-parsed without
 * positions): the first body line that contains the link target.
 */
export function locate(ctx: RenderContext, href: string): number | undefined {
  const i = ctx.source?.split('\n').findIndex((l) => l.includes(`](${href}`) || l.includes(`"${href}"`) || l.includes(`<${href}>`) || l.includes(`]: ${href}`));
  return i !== undefined && i >= 0 ? i + ctx.bodyLine : undefined;
}

function splitAnchor(href: string): [string, string | undefined] {
  const i = href.indexOf('#');
  if (i < 0) return [href, undefined];
  let anchor = href.slice(i + 1);
  try {
    anchor = decodeURIComponent(anchor);
  } catch {
    /* keep as written */
  }
  return [href.slice(0, i), anchor || undefined];
}

function collectIds(node: Root | Element, ids: Set<string>): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (typeof child.properties?.id === 'string') ids.add(child.properties.id);
    collectIds(child, ids);
  }
}
