/**
 * The direct writer of markdown.ts: a sanitized page tree straight to CommonMark + GFM, for the
 * elements pages are made of. Anything else throws `FastUnsupported` and the page takes the
 * general route. Text is escaped only where Markdown would read it as syntax, so placeholders such
 * as `[order number]` stay as written. Its output is checked against the general route's by a test
 * that renders both back to HTML (tests/unit/exports/markdown-fast.test.ts).
 */
import type { Element, ElementContent, Root } from 'hast';

/** The tree holds an element this writer does not handle. */
export class FastUnsupported extends Error {}

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'pre', 'table', 'hr', 'div', 'aside', 'figure', 'section']);
/** Inline elements written as their content. */
const PLAIN = new Set(['span', 'time', 'abbr', 'small', 'u', 'cite', 'mark', 'sup', 'sub', 'kbd', 'ins', 'q', 'samp', 'var']);

const cls = (el: Element) => {
  const c = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : [];
};
/** Whether an element has a class (the components mark their parts with classes). */
export const hasClass = (el: Element, name: string) => cls(el).includes(name);
const elements = (el: Element | Root): Element[] => (el.children as ElementContent[]).filter((c): c is Element => c.type === 'element');
const plainText = (node: ElementContent | Root): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map((c) => plainText(c as ElementContent)).join('') : '';

/** Brackets of the links this writer makes, told apart from brackets in the text until the last step. */
const OPEN = '\ue000';
const CLOSE = '\ue001';

const SPECIAL = /[\\`*~_<&|\ue000\ue001]/;

/** Escapes text where Markdown would read it as syntax (brackets wait for `finish`, which sees what follows them). */
function escapeText(value: string, inTable: boolean): string {
  // Most text holds none of these: answer it without a pass per rule.
  if (!SPECIAL.test(value)) return value;
  if (value.includes(OPEN) || value.includes(CLOSE)) throw new FastUnsupported('private-use characters');
  let out = value
    .replace(/[\\`*~]/g, '\\$&')
    .replace(/_(?=\W|$)|(?<=\W|^)_/g, '\\_')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?\w+;)/g, '\\&');
  if (inTable) out = out.replace(/\|/g, '\\|');
  return out;
}

/**
 * A finished run of inline Markdown: a bracketed text is escaped only when a link could start
 * there (`[x](`, `[x][`, `[x]:`), so placeholders such as `[order number]` stay as written.
 */
function finish(md: string): string {
  if (!md.includes('[') && !md.includes(OPEN)) return md;
  return md
    .replace(/\[([^[\]\ue000\ue001]*)\](?=[([:\ue000])/g, '\\[$1]')
    .replace(/\ue000/g, '[')
    .replace(/\ue001/g, ']');
}

/** Escapes what would start a block at the beginning of a line (a heading, list, quote or rule). */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|=+\s*$|-+\s*$)/, (_, sp: string, m: string) => `${sp}\\${m}`)
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

interface Ctx {
  base: URL;
  inTable: boolean;
}

function url(href: unknown, ctx: Ctx): string {
  const raw = String(href ?? '');
  let abs = raw;
  try {
    abs = new URL(raw, ctx.base).href;
  } catch {
    // An unparseable URL stays as written; the link check has already vetted internal links.
  }
  return /[\s()<>]/.test(abs) ? `<${abs.replace(/[<>]/g, encodeURIComponent)}>` : abs;
}

function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(text) || (/^ .* $/.test(text) && text.trim()) ? ' ' : '';
  return `${fence}${pad}${text.replace(/\n/g, ' ')}${pad}${fence}`;
}

/** Inline content of an element, whitespace collapsed as a browser would. */
function inline(nodes: readonly ElementContent[], ctx: Ctx): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += escapeText(node.value.replace(/[ \t\n\r\f]+/g, ' '), ctx.inTable);
    else if (node.type === 'element') out += inlineElement(node, ctx);
  }
  return out;
}

function wrap(mark: string, content: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(content)!;
  return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : content;
}

function inlineElement(el: Element, ctx: Ctx): string {
  if (el.properties?.hidden) return '';
  switch (el.tagName) {
    case 'a': {
      const text = inline(el.children, ctx).trim();
      const href = url(el.properties?.href, ctx);
      if (href.startsWith('mailto:') && text === href.slice(7)) return `<${text}>`;
      return `${OPEN}${text}${CLOSE}(${href})`;
    }
    case 'strong':
    case 'b':
      return wrap('**', inline(el.children, ctx));
    case 'em':
    case 'i':
      return wrap('*', inline(el.children, ctx));
    case 'del':
    case 's':
      return wrap('~~', inline(el.children, ctx));
    case 'code':
      return code(plainText(el));
    case 'br':
      return ctx.inTable ? ' ' : '\\\n';
    case 'img':
      return `!${OPEN}${escapeText(String(el.properties?.alt ?? ''), ctx.inTable)}${CLOSE}(${url(el.properties?.src, ctx)})`;
    case 'span':
      if (hasClass(el, 'decision-label') || hasClass(el, 'escalation-label')) return `**${inline(el.children, ctx).trim()}**`;
      return inline(el.children, ctx);
    default:
      if (PLAIN.has(el.tagName)) return inline(el.children, ctx);
      throw new FastUnsupported(el.tagName);
  }
}

/** A paragraph's inline text: trimmed, each line safe at its start. */
function paragraph(nodes: readonly ElementContent[], ctx: Ctx): string {
  return finish(inline(nodes, ctx).trim())
    .split('\n')
    .map((l, i) => (i === 0 ? escapeLineStart(l) : escapeLineStart(l.trimStart())))
    .join('\n');
}

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((l, i) => (i === 0 || !l ? l : by + l))
    .join('\n');
const quote = (text: string) =>
  text
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');

/** Block content of a container: runs of inline content become paragraphs. */
function flow(nodes: readonly ElementContent[], ctx: Ctx): string[] {
  const out: string[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    const text = paragraph(run, ctx);
    if (text) out.push(text);
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && BLOCK.has(node.tagName)) {
      flush();
      const block = blockElement(node, ctx);
      if (block) out.push(block);
    } else if (
      node.type === 'element' &&
      ['li', 'thead', 'tbody', 'tr', 'td', 'th', 'figcaption', 'caption', 'dl', 'dt', 'dd', 'details', 'summary'].includes(node.tagName)
    ) {
      throw new FastUnsupported(node.tagName);
    } else if (node.type !== 'comment') run.push(node);
  }
  flush();
  return out;
}

function list(el: Element, ctx: Ctx): string {
  const ordered = el.tagName === 'ol';
  const start = Number(el.properties?.start ?? 1) || 1;
  const items = elements(el);
  if (items.some((i) => i.tagName !== 'li')) throw new FastUnsupported('list content');
  const loose = items.some((i) => elements(i).some((c) => c.tagName === 'p'));
  return items
    .map((item, n) => {
      const marker = ordered ? `${start + n}. ` : '- ';
      const checkbox = elements(item).find((c) => c.tagName === 'input');
      if (checkbox) throw new FastUnsupported('task list');
      const body = flow(item.children, ctx).join(loose ? '\n\n' : '\n');
      return marker + indent(body, ' '.repeat(marker.length));
    })
    .join(loose ? '\n\n' : '\n');
}

function table(el: Element, ctx: Ctx): string {
  const rows: Element[] = [];
  for (const part of elements(el)) {
    if (part.tagName === 'tr') rows.push(part);
    else if (part.tagName === 'thead' || part.tagName === 'tbody' || part.tagName === 'tfoot') rows.push(...elements(part).filter((r) => r.tagName === 'tr'));
    else throw new FastUnsupported(`table ${part.tagName}`);
  }
  if (!rows.length) return '';
  const cellCtx = { ...ctx, inTable: true };
  const cells = rows.map((r) => elements(r).map((c) => paragraph(c.children, cellCtx).replace(/\n/g, ' ')));
  const width = Math.max(...cells.map((r) => r.length));
  const aligns = elements(rows[0]!).map((c) => String(c.properties?.align ?? ''));
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
  const rule = `| ${Array.from({ length: width }, (_, i) => (aligns[i] === 'center' ? ':-:' : aligns[i] === 'right' ? '--:' : aligns[i] === 'left' ? ':--' : '---')).join(' | ')} |`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

/** A labelled box: a quote whose first line is its label in bold. */
function labelled(el: Element, ctx: Ctx): string {
  const [first] = elements(el);
  const titled = first?.tagName === 'p' && cls(first).some((c) => c.endsWith('-title'));
  const parts = titled
    ? [
        `**${paragraph(first.children, ctx)}**`,
        ...flow(
          el.children.filter((c) => c !== first),
          ctx,
        ),
      ]
    : flow(el.children, ctx);
  return quote(parts.join('\n\n'));
}

function reply(el: Element, ctx: Ctx): string {
  const caption = elements(el).find((c) => c.tagName === 'figcaption');
  const body = elements(el).find((c) => c.tagName === 'div');
  const [lang, title] = caption ? elements(caption).map((c) => paragraph(c.children, ctx)) : [];
  return quoteReply(lang ?? '', title, body ? flow(body.children, ctx).join('\n\n') : '');
}

/** A canned reply as Markdown: a block quote led by its language in bold and its title. */
export function quoteReply(language: string, title: string | undefined, body: string): string {
  return quote([`**${language}**${title ? ` · ${title}` : ''}`, ...(body ? [body] : [])].join('\n\n'));
}

function blockElement(el: Element, ctx: Ctx): string {
  if (el.properties?.hidden) return '';
  const t = el.tagName;
  if (/^h[1-6]$/.test(t)) return `${'#'.repeat(Number(t[1]))} ${finish(inline(el.children, ctx).trim().replace(/\\?\n/g, ' '))}`;
  switch (t) {
    case 'p':
      return paragraph(el.children, ctx);
    case 'ul':
    case 'ol':
      return list(el, ctx);
    case 'blockquote':
      return quote(flow(el.children, ctx).join('\n\n'));
    case 'hr':
      return '---';
    case 'pre': {
      const inner = elements(el)[0];
      const source = plainText(el).replace(/\n$/, '');
      const lang = inner
        ? (cls(inner)
            .find((c) => c.startsWith('language-'))
            ?.slice(9) ?? '')
        : '';
      const longest = Math.max(2, ...(source.match(/^`{3,}/gm) ?? []).map((r) => r.length));
      const fence = '`'.repeat(longest + 1);
      return `${fence}${lang}\n${source}\n${fence}`;
    }
    case 'table':
      return table(el, ctx);
    case 'aside':
      return labelled(el, ctx);
    case 'figure':
      if (hasClass(el, 'reply')) return reply(el, ctx);
      throw new FastUnsupported('figure');
    case 'div':
      return flow(el.children, ctx).join('\n\n');
    default:
      // Footnote sections and anything else take the general route.
      throw new FastUnsupported(t);
  }
}

/** Markdown for a sanitized tree; throws `FastUnsupported` for what it does not handle. */
export function fastMarkdown(tree: Root | Element, base: URL): string {
  const ctx: Ctx = { base, inTable: false };
  const nodes = tree.type === 'root' ? (tree.children as ElementContent[]) : [tree];
  return flow(nodes, ctx).join('\n\n').trim();
}
