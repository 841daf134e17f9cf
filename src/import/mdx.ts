/**
 * The body of one docs page made into Signpost Markdown or MDX. Signpost never runs content and
 * knows only its own components, so Docusaurus, Starlight and VitePress syntax is rewritten:
 * admonitions and containers (`:::tip`) become `<Callout>`s, Starlight's `<Aside>` a `<Callout>`
 * and its `<Steps>` Signpost's, tabs become labelled parts, cards links or text, badges text;
 * `import`/`export` lines and `{…}` expressions are removed and any other component is unwrapped.
 *
 * Admonitions are not in any parser's grammar, so they are rewritten line by line first (outside
 * code fences). The rest is found with Sätteri, the renderer's parser, and rewritten by node
 * positions: the text between the nodes it changes is copied as written, code blocks included.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { NoteKind } from './plan.ts';

/** A node of the parsed tree, with what the rewrite reads. */
interface Node {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { offset: number; line: number }; end: { offset: number } };
}

/** What the conversion asks of the importer about a link or image. */
export interface BodyContext {
  /** Parse as MDX (JSX, `import` lines, `{…}`), else as CommonMark. */
  mdx: boolean;
  /** Remove the first `# ` heading and report its text as the title. */
  takeTitle: boolean;
  /** The new URL of a link, or undefined to keep it as written. Reports its own notes. */
  link: (url: string) => string | undefined;
  /** Reports an image's source when the image is a local file. */
  image: (url: string) => void;
  /** Reports what could not be carried over as it was. */
  note: (kind: NoteKind, detail: string) => void;
}

/** The converted body and what it says about the page. */
export interface ConvertedBody {
  body: string;
  /** The text of the first `# ` heading, when `takeTitle` asked for it. */
  title?: string;
  /** The first paragraph as plain text, on one line. */
  lead?: string;
}

/** Signpost's own components: kept as they are. */
const signpostComponents = new Set(['Internal', 'Fact', 'Callout', 'Steps', 'Decision', 'Reply', 'Escalation']);

/** Admonition and container types → Callout types; `details` becomes `<details>`. */
const calloutTypes: Record<string, string> = {
  note: 'note',
  tip: 'tip',
  info: 'note',
  important: 'note',
  caution: 'warning',
  warning: 'warning',
  danger: 'warning',
};

const fence = /^ {0,3}(`{3,}|~{3,})/;
const containerOpen = /^(\s*)(:{3,})\s*([A-Za-z-]+)?(?:\[([^\]]*)\])?\s*(.*?)\s*$/;

/** True when the text has a `:::` admonition or container outside code fences. */
export function hasContainers(text: string): boolean {
  return fenced(text).some((l) => !l.fenced && /^\s*:{3,}\s*[A-Za-z]/.test(l.line));
}

/** True when a Markdown file uses MDX syntax: `import`/`export` lines or a component tag opening a line. */
export function looksLikeMdx(text: string): boolean {
  return fenced(text).some((l) => !l.fenced && (/^(import|export)\s/.test(l.line) || /^\s*<[A-Z]/.test(l.line)));
}

/** Each line of `text`, and whether it belongs to a fenced code block (its fence lines included). */
function fenced(text: string): { line: string; fenced: boolean }[] {
  let open: string | undefined;
  return text.split('\n').map((line) => {
    const f = fence.exec(line)?.[1];
    if (open) {
      if (f && f[0] === open[0] && f.length >= open.length && line.trim() === f) open = undefined;
      return { line, fenced: true };
    }
    open = f;
    return { line, fenced: f !== undefined };
  });
}

/** The body after the line-based rewrites, with the source line of each of its lines. */
interface Prepared {
  text: string;
  /** 1-based line in the original body of each line of `text`. */
  lines: number[];
  /** True when a container became a component, so the page must be MDX. */
  containers: boolean;
}

/**
 * Rewrites `:::type title` … `:::` blocks into Callouts (or `<details>`) and removes Docusaurus
 * heading ids (`## Title {#id}`, an expression to MDX), leaving code fences alone.
 */
function prepare(text: string, note: BodyContext['note']): Prepared {
  const out: string[] = [];
  const lines: number[] = [];
  const stack: { colons: number; close: string }[] = [];
  let containers = false;
  let at = 0;
  const push = (...added: string[]) => {
    out.push(...added);
    lines.push(...added.map(() => at));
  };
  for (const { line, fenced: code } of fenced(text)) {
    at++;
    if (code) {
      push(line);
      continue;
    }
    const id = /^(\s{0,3}#{1,6}\s.*?)\s*\\?\{#([^}\s]+)\}\s*$/.exec(line);
    if (id) {
      note('unsupported', `The heading id {#${id[2]}} was removed: Signpost makes heading ids from the heading text.`);
      push(id[1]!);
      continue;
    }
    const m = containerOpen.exec(line);
    if (!m) {
      push(line);
      continue;
    }
    const [, indent = '', colons, rawType, bracketTitle, rest] = m as unknown as string[];
    const type = rawType?.toLowerCase();
    if (!type) {
      const top = stack.at(-1);
      if (top && colons!.length >= top.colons) {
        stack.pop();
        push('', `${indent}${top.close}`, '');
      } else push(line);
      continue;
    }
    containers = true;
    const title = (bracketTitle ?? rest ?? '').replace(/\{#[^}]*\}/, '').trim();
    if (type === 'details') {
      push(`${indent}<details>`, `${indent}<summary>${title || 'Details'}</summary>`, '');
      stack.push({ colons: colons!.length, close: '</details>' });
      continue;
    }
    const callout = calloutTypes[type];
    if (!callout) {
      note('unsupported', `The ::: ${type} container has no Signpost equivalent; its contents were kept as ordinary text.`);
      stack.push({ colons: colons!.length, close: '' });
      continue;
    }
    push(`${indent}<Callout type="${callout}">`, '');
    if (title) {
      push(`${indent}**${title}**`, '');
      note('unsupported', `A callout title ("${title}") became a bold first line: a Signpost callout is labelled by its type.`);
    }
    stack.push({ colons: colons!.length, close: '</Callout>' });
  }
  for (const top of stack.reverse()) push('', top.close);
  return { text: out.join('\n'), lines, containers };
}

/** A body the parser refused, with the line (1-based, in the body) where it did. */
export class BodyError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.name = 'BodyError';
    this.line = line;
  }
}

/** Plain text of a node, for titles and descriptions. */
function plainText(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'mdxTextExpression' || node.type === 'html') return '';
  return (node.children ?? []).map(plainText).join('');
}

/** A string attribute of a component; expression values count as absent. */
function attr(node: Node, name: string): string | undefined {
  const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

/** Removes the indentation all non-blank lines share, so unwrapped text is not read as code. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const widths = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const cut = widths.length ? Math.min(...widths) : 0;
  return lines.map((l) => (l.trim() ? l.slice(cut) : '')).join('\n');
}

/** Removes blank lines at both ends; an indented code block keeps the indentation of its first line. */
const trimLines = (text: string) => text.replace(/^(?:[ \t]*\n)+|(?:\n[ \t]*)+$/g, '');
const isComment = (value: string) => /^\s*\/\*[\s\S]*\*\/\s*$/.test(value);
const start = (n: Node) => n.position!.start.offset;
const end = (n: Node) => n.position!.end.offset;

/**
 * Converts a page body (without frontmatter). Throws a `BodyError` with the line when the body is
 * not valid MDX; the importer names the file.
 */
export function convertBody(text: string, ctx: BodyContext): ConvertedBody {
  const prepared = prepare(text, ctx.note);
  const src = prepared.text;
  const containers = prepared.containers;
  let tree: Node;
  try {
    tree = (ctx.mdx ? mdxToMdast(src) : markdownToMdast(src)) as Node;
  } catch (e) {
    // Sätteri's messages open with `line:column` in the text it was given.
    const m = /^(\d+):\d+:\s*([\s\S]*)$/.exec((e as Error).message);
    // Positions inside the message count from the body too: the file line given instead is enough.
    const message = (m?.[2] ?? (e as Error).message).split('\n')[0]!.replace(/\s*\(\d+:\d+\)/g, '');
    throw new BodyError(message, m ? prepared.lines[Number(m[1]) - 1] : undefined);
  }
  // A Markdown file that becomes MDX (for its callouts) must not have its braces and angle
  // brackets read as expressions and tags.
  const escapeText = containers && !ctx.mdx;
  const result: ConvertedBody = { body: '' };

  /** The source from `from` to `to` with each node of `nodes` replaced by its conversion. */
  const emit = (from: number, to: number, nodes: Node[]): string => {
    let out = '';
    let at = from;
    for (const n of nodes) {
      if (!n.position) continue;
      out += src.slice(at, start(n)) + convert(n);
      at = end(n);
    }
    return out + src.slice(at, to);
  };
  const inner = (n: Node) => emit(start(n), end(n), n.children ?? []);
  /** A component's children as blocks of their own, without the component's indentation. */
  const children = (n: Node): string => {
    const kids = (n.children ?? []).filter((k) => k.position);
    if (!kids.length) return '';
    const lineStart = src.lastIndexOf('\n', start(kids[0]!) - 1) + 1;
    const lead = /^[ \t]*$/.test(src.slice(lineStart, start(kids[0]!))) ? lineStart : start(kids[0]!);
    return trimLines(dedent(emit(lead, end(kids.at(-1)!), kids)));
  };
  const block = (...parts: string[]) => `\n${parts.filter(Boolean).join('\n\n')}\n`;

  const convert = (n: Node): string => {
    switch (n.type) {
      case 'code':
      case 'inlineCode':
        return src.slice(start(n), end(n));
      case 'html': {
        // MDX has no HTML comments: a Markdown page that becomes MDX keeps them as MDX comments.
        const comment = escapeText ? /^<!--([\s\S]*?)-->$/.exec(n.value ?? '') : null;
        return comment ? `{/*${comment[1]!.replace(/\*\//g, '* /')}*/}` : src.slice(start(n), end(n));
      }
      case 'text':
        return escapeText ? src.slice(start(n), end(n)).replace(/[{<]/g, '\\$&') : src.slice(start(n), end(n));
      case 'mdxjsEsm':
        return '';
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (isComment(n.value ?? '')) return src.slice(start(n), end(n));
        ctx.note('unsupported', `Removed the expression {${(n.value ?? '').trim().slice(0, 60)}}: Signpost content is never run as code.`);
        return '';
      case 'link':
      case 'definition':
        return rewriteLink(n);
      case 'image':
        if (n.url) ctx.image(n.url);
        return src.slice(start(n), end(n));
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return component(n);
      default:
        return inner(n);
    }
  };

  const rewriteLink = (n: Node): string => {
    const kids = n.children ?? [];
    const tailFrom = kids.length ? end(kids.at(-1)!) : start(n);
    const head = emit(start(n), tailFrom, kids);
    const tail = src.slice(tailFrom, end(n));
    const url = n.url ? ctx.link(n.url) : undefined;
    // MDX has no autolinks (`<https://…>`): a Markdown page that becomes MDX writes them out.
    if (escapeText && src[start(n)] === '<' && n.url) return `[${n.url}](${url ?? n.url})`;
    return head + (url !== undefined && tail.includes(n.url!) ? tail.replace(n.url!, url) : tail);
  };

  const component = (n: Node): string => {
    const name = n.name ?? '';
    const flow = n.type === 'mdxJsxFlowElement';
    if (name === 'img' && attr(n, 'src')) ctx.image(attr(n, 'src')!);
    if (!/^[A-Z]/.test(name) || signpostComponents.has(name)) return inner(n);
    switch (name) {
      case 'Aside': {
        const type = calloutTypes[attr(n, 'type') ?? 'note'] ?? 'note';
        const title = attr(n, 'title');
        if (title) ctx.note('unsupported', `An <Aside> title ("${title}") became a bold first line: a Signpost callout is labelled by its type.`);
        return block(`<Callout type="${type}">`, title ? `**${title}**` : '', children(n), '</Callout>');
      }
      case 'Tabs':
        ctx.note('unsupported', 'Tabs became consecutive parts, each under its tab label in bold.');
        return flow ? block(children(n)) : children(n);
      case 'TabItem': {
        const label = attr(n, 'label') ?? attr(n, 'value');
        return block(label ? `**${label}**` : '', children(n));
      }
      case 'LinkCard': {
        const title = attr(n, 'title') ?? '';
        const href = attr(n, 'href') ?? '';
        const description = attr(n, 'description');
        const link = `[${title}](${ctx.link(href) ?? href})${description ? ` — ${description}` : ''}`;
        return flow ? block(link) : link;
      }
      case 'Card': {
        const title = attr(n, 'title');
        return block(title ? `**${title}**` : '', children(n));
      }
      case 'Badge':
        return attr(n, 'text') ?? children(n);
      default:
        ctx.note('unsupported', `<${name}> has no Signpost equivalent: ${n.children?.length ? 'its contents were kept' : 'it was removed'}.`);
        return flow ? block(children(n)) : children(n);
    }
  };

  const kept: string[] = [];
  // In a Markdown file the callouts made from containers are HTML lines around ordinary blocks.
  let boxDepth = 0;
  for (const n of tree.children ?? []) {
    if (!n.position) continue;
    if (n.type === 'html') boxDepth += /^<(Callout|details)\b/.test(n.value ?? '') ? 1 : /^<\/(Callout|details)>/.test(n.value ?? '') ? -1 : 0;
    if (ctx.takeTitle && result.title === undefined && n.type === 'heading' && n.depth === 1) {
      result.title = plainText(n).trim();
      continue;
    }
    if (result.lead === undefined && boxDepth === 0 && n.type === 'paragraph') {
      const lead = plainText(n).replace(/\s+/g, ' ').trim();
      if (lead) result.lead = lead;
    }
    // Blank lines between blocks are normalized; a node that converted to nothing leaves no gap.
    const out = trimLines(convert(n));
    if (out.trim()) kept.push(out);
  }
  result.body = kept.length ? `${kept.join('\n\n')}\n` : '';
  return result;
}
