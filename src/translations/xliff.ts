/**
 * Translation hand-off through XLIFF 2.0: a page becomes units (frontmatter `title` and
 * `description`, and one unit per paragraph, heading, list-item or quote paragraph and table cell
 * of its body), and a translated XLIFF file becomes Markdown again.
 *
 * Structure always comes from the source file. A unit is a range of the body found from the
 * parser's node positions (Sätteri, as the renderer uses); everything between units (list markers,
 * component tags on their own lines, code blocks, raw HTML) is copied verbatim on import. Inside a
 * unit, markup a translator must not touch becomes a protected inline code: `<ph>` for component
 * tags, inline code, link targets' tails, `{…}` and `[placeholders]`; `<pc>` for spans such as
 * `**…**`, `[…](target)` or `<kbd>…</kbd>`, whose text stays translatable. On import, codes are put
 * back from the source by id, so a code the TMS changed, dropped or invented is an error, never text.
 *
 * `<Internal>` blocks are found by the one scanner (content/render/internal-blocks.ts) and parsed on
 * their own, as the renderer does; their units are marked `internal` and have ids `i<block>-<n>`.
 * The XML itself is written and read by the `xliff` package.
 */
import { createRequire } from 'node:module';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { findInternalBlocks, PLACEHOLDER_PREFIX, split } from '../content/render/internal-blocks.ts';

/** A piece of a unit: translatable text, a standalone protected code, or a protected pair around text. */
export type Piece = string | { ph: string; markup: string } | { pc: string; open: string; close: string; children: Piece[] };

/** One translatable unit of a page. */
export interface Unit {
  /** `title`, `description`, `b<n>` (body) or `i<block>-<n>` (inside an `<Internal>` block). */
  id: string;
  internal: boolean;
  pieces: Piece[];
  /** Body offsets of the text the unit replaces (absent for frontmatter units). */
  range?: [number, number];
  /** What stands before each continuation line in the file (`> ` in a quote); put back on import. */
  prefix: string;
  /** A table cell cannot hold a line break: translated line breaks become spaces. */
  singleLine: boolean;
}

interface MdNode {
  type: string;
  name?: string;
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } };
}

/** Maps a position in the parsed text to an offset in the body. */
type ToBody = (line: number, column: number) => number;

/** Nodes whose text is not translated and stays as written (between units). */
const verbatim = new Set(['code', 'html', 'thematicBreak', 'definition', 'yaml', 'mdxFlowExpression', 'mdxjsEsm']);
/** Inline nodes whose children are text with markup around them. */
const spans = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxTextElement']);
/** `[order number]`: text in brackets the product fills in. */
const placeholder = /\[[^[\]\n]+\]/g;

/** Splits text into strings and `[placeholder]` codes. */
function textPieces(text: string, next: () => string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of text.matchAll(placeholder)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push({ ph: next(), markup: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function inlinePieces(nodes: MdNode[], from: number, to: number, text: string, next: () => string): Piece[] {
  const out: Piece[] = [];
  let at = from;
  for (const n of nodes) {
    const s = n.position!.start.offset;
    const e = n.position!.end.offset;
    if (s > at) out.push(...textPieces(text.slice(at, s), next));
    const kids = n.children ?? [];
    if (n.type === 'text') out.push(...textPieces(text.slice(s, e), next));
    else if (spans.has(n.type) && kids.length && kids.every((k) => k.position)) {
      const first = kids[0]!.position!.start.offset;
      const last = kids.at(-1)!.position!.end.offset;
      const id = next();
      out.push({ pc: id, open: text.slice(s, first), close: text.slice(last, e), children: inlinePieces(kids, first, last, text, next) });
    } else out.push({ ph: next(), markup: text.slice(s, e) });
    at = e;
  }
  if (to > at) out.push(...textPieces(text.slice(at, to), next));
  return out;
}

/** Removes `prefix`-like text after each line break (up to `width` characters of spaces, tabs and `>`). */
function stripContinuations(pieces: Piece[], width: number): Piece[] {
  const cut = (s: string) => s.replace(new RegExp(`\\n[ \\t>]{0,${width}}`, 'g'), '\n');
  return pieces.map((p) =>
    typeof p === 'string'
      ? cut(p)
      : 'ph' in p
        ? { ...p, markup: cut(p.markup) }
        : { ...p, open: cut(p.open), close: cut(p.close), children: stripContinuations(p.children, width) },
  );
}

/** Whether the pieces hold any text to translate (a paragraph of only a `<Fact />` has none). */
const hasText = (pieces: Piece[]): boolean => pieces.some((p) => (typeof p === 'string' ? p.trim() !== '' : 'pc' in p && hasText(p.children)));

function unitsOfText(text: string, format: 'md' | 'mdx', toBody: ToBody, id: (n: number) => string, internal: boolean): Unit[] {
  const tree = (format === 'mdx' ? mdxToMdast(text) : markdownToMdast(text)) as MdNode;
  const units: Unit[] = [];
  const visit = (node: MdNode): void => {
    if (verbatim.has(node.type) || (node.type === 'mdxJsxFlowElement' && node.name === 'Reply')) return;
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') {
      for (const child of node.children ?? []) visit(child);
      return;
    }
    const kids = node.children ?? [];
    if (!kids.length || !node.position || !kids.every((k) => k.position)) return;
    const from = node.type === 'paragraph' ? node.position.start.offset : kids[0]!.position!.start.offset;
    const to = node.type === 'paragraph' ? node.position.end.offset : kids.at(-1)!.position!.end.offset;
    const raw = text.slice(from, to);
    if (node.type === 'paragraph' && raw.trim().startsWith(PLACEHOLDER_PREFIX)) return;
    let code = 0;
    const column = node.type === 'paragraph' ? node.position.start.column : kids[0]!.position!.start.column;
    const pieces = stripContinuations(
      inlinePieces(kids, from, to, text, () => String(++code)),
      column - 1,
    );
    if (!hasText(pieces)) return;
    const startPos = node.type === 'paragraph' ? node.position.start : kids[0]!.position!.start;
    const endPos = node.type === 'paragraph' ? node.position.end : kids.at(-1)!.position!.end;
    const inFile = new RegExp(`\\n([ \\t>]{0,${column - 1}})`).exec(raw)?.[1] ?? '';
    units.push({
      id: id(units.length + 1),
      internal,
      pieces,
      range: [toBody(startPos.line, startPos.column), toBody(endPos.line, endPos.column)],
      prefix: inFile,
      singleLine: node.type === 'tableCell',
    });
  };
  visit(tree);
  return units;
}

/**
 * The units of a body, in document order: the public text's, then each `<Internal>` block's.
 * The body must be valid content (the loader's checks passed), or this throws.
 */
export function bodyUnits(body: string, format: 'md' | 'mdx'): Unit[] {
  const { blocks, misuse } = findInternalBlocks(body);
  if (misuse.length) throw new Error(misuse[0]!.message);
  const starts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') starts.push(i + 1);
  const parts = split(body, blocks, true);
  // The public text keeps every line outside the blocks as it is, so its positions are the body's.
  const units = unitsOfText(
    parts.outer,
    format,
    (l, c) => starts[l - 1]! + c - 1,
    (n) => `b${n}`,
    false,
  );
  parts.inner.forEach(({ text, firstLine }, i) => {
    const indent = blocks[i]!.indent;
    const inner = unitsOfText(
      text,
      format,
      (l, c) => starts[firstLine + l - 2]! + c - 1 + indent.length,
      (n) => `i${i + 1}-${n}`,
      true,
    );
    for (const u of inner) u.prefix = indent + u.prefix;
    units.push(...inner);
  });
  return units;
}

/** A frontmatter value as a unit. */
export function fieldUnit(id: 'title' | 'description', value: string): Unit {
  let code = 0;
  return { id, internal: false, pieces: textPieces(value, () => String(++code)), prefix: '', singleLine: true };
}

/** The codes of pieces, in order: `ph:<id>:<markup>` and `pc:<id>:<open>|<close>` (whitespace folded). */
export function codesOf(pieces: Piece[]): string[] {
  const fold = (s: string) => s.replace(/\s+/g, ' ');
  return pieces.flatMap((p) =>
    typeof p === 'string' ? [] : 'ph' in p ? [`ph:${p.ph}:${fold(p.markup)}`] : [`pc:${p.pc}:${fold(p.open)}|${fold(p.close)}`, ...codesOf(p.children)],
  );
}

/** Plain text of a unit with its codes as written in the file. */
export function textOf(pieces: Piece[]): string {
  return pieces.map((p) => (typeof p === 'string' ? p : 'ph' in p ? p.markup : p.open + textOf(p.children) + p.close)).join('');
}

/** A unit's translated text as it goes into the file: line breaks get the continuation prefix back. */
export function fileText(unit: Unit, target: Piece[]): string {
  const text = textOf(target);
  return unit.singleLine ? text.replace(/\s*\n\s*/g, ' ') : text.replace(/\n/g, `\n${unit.prefix}`);
}

/** The body with each unit's range replaced by its translation (units without one stay as they are). */
export function applyUnits(body: string, units: Unit[], targets: ReadonlyMap<string, Piece[]>): string {
  const ordered = units.filter((u) => u.range && targets.has(u.id)).sort((a, b) => a.range![0] - b.range![0]);
  let out = '';
  let at = 0;
  for (const u of ordered) {
    out += body.slice(at, u.range![0]) + fileText(u, targets.get(u.id)!);
    at = u.range![1];
  }
  return out + body.slice(at);
}

// ---- XLIFF through the `xliff` package ----

/** An inline element object of the `xliff` package (`{ Standalone: {…} }`, `{ GenericSpan: {…} }`). */
type XValue = string | (string | Record<string, Record<string, unknown>>)[];
interface XUnit {
  source?: XValue;
  target?: XValue;
  note?: string | string[];
}
/** The JavaScript form of an XLIFF document, as the `xliff` package reads and writes it. */
export interface XDoc {
  sourceLanguage: string;
  targetLanguage?: string;
  resources: Record<string, Record<string, XUnit>>;
}

// The package ships CommonJS without type declarations: load it through `require`, typed here.
const require = createRequire(import.meta.url);
const js2xliff = require('xliff/js2xliff') as (doc: XDoc, opt?: { indent?: string }) => Promise<string>;
const xliff2js = require('xliff/xliff2js') as (xml: string) => Promise<XDoc>;

/**
 * A soft line break of the Markdown source is a space: written as one, since the package drops a
 * line break and its indent next to an inline code ("a\n  *Wunschnachbar*" would come back as
 * "a*Wunschnachbar*"). A hard break (a line ending in `\` or two spaces) stays.
 */
const softBreaks = (text: string) => text.replace(/([^\\\s]) ?\n[ \t]*/g, '$1 ');

/** Pieces as the `xliff` package's source or target value. */
export function toValue(pieces: Piece[]): XValue {
  // Text pieces next to each other are one text (a line's indent can be a piece of its own).
  const merged = pieces.reduce<Piece[]>((out, p) => {
    const last = out.at(-1);
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else out.push(p);
    return out;
  }, []);
  return merged.map((p): string | Record<string, Record<string, unknown>> =>
    typeof p === 'string'
      ? softBreaks(p)
      : 'ph' in p
        ? { Standalone: { id: p.ph, disp: p.markup, canCopy: 'no', canDelete: 'no' } }
        : { GenericSpan: { id: p.pc, dispStart: p.open, dispEnd: p.close, canCopy: 'no', canDelete: 'no', contents: toValue(p.children) } },
  );
}

/** Reads a source or target value back into pieces, codes' markup as the file says (checked later). */
export function fromValue(value: XValue | undefined): Piece[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  return value.map((v): Piece => {
    if (typeof v === 'string') return v;
    const [type, el] = Object.entries(v)[0] ?? ['', {}];
    const id = String(el.id ?? '');
    if (type === 'Standalone') return { ph: id, markup: String(el.disp ?? '') };
    if (type === 'GenericSpan' || type === 'Span')
      return { pc: id, open: String(el.dispStart ?? ''), close: String(el.dispEnd ?? ''), children: fromValue(el.contents as XValue) };
    throw new Error(`an inline element of type ${type || 'unknown'} (id ${id}) that Signpost does not write`);
  });
}

/** Writes an XLIFF 2.0 document. */
export const toXliff = (doc: XDoc): Promise<string> => js2xliff(doc, { indent: '' });

/** Reads an XLIFF 2.0 document; throws with a readable reason when it is not one. */
export async function fromXliff(xml: string): Promise<XDoc> {
  const doc = (await xliff2js(xml)) as XDoc | Error;
  if (doc instanceof Error) throw doc;
  if (!doc?.resources) throw new Error('This is not an XLIFF 2.0 file (no <xliff version="2.0"> root with <file> elements).');
  return doc;
}

/**
 * A target checked against the source's codes and rebuilt with the source's markup: every code
 * once, same id, same kind, same markup. Returns the reason when it is not so.
 */
export function checkTarget(source: Piece[], target: Piece[]): Piece[] | string {
  const byId = new Map<string, Exclude<Piece, string>>();
  const collect = (ps: Piece[]) => {
    for (const p of ps) {
      if (typeof p === 'string') continue;
      byId.set('ph' in p ? p.ph : p.pc, p);
      if ('pc' in p) collect(p.children);
    }
  };
  collect(source);
  const seen = new Set<string>();
  const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
  let problem: string | undefined;
  const rebuild = (ps: Piece[]): Piece[] =>
    ps.map((p) => {
      if (typeof p === 'string' || problem) return p;
      const id = 'ph' in p ? p.ph : p.pc;
      const src = byId.get(id);
      if (!src) problem = `protected code ${id} is not in the source`;
      else if (seen.has(id)) problem = `protected code ${id} appears twice`;
      else if ('ph' in p !== 'ph' in src) problem = `protected code ${id} changed its kind`;
      else if ('ph' in p && 'ph' in src && fold(p.markup) !== fold(src.markup)) problem = `protected code ${id} (${src.markup}) was changed`;
      else if ('pc' in p && 'pc' in src && (fold(p.open) !== fold(src.open) || fold(p.close) !== fold(src.close)))
        problem = `protected code ${id} (${src.open}…${src.close}) was changed`;
      seen.add(id);
      if (!src || problem) return p;
      return 'ph' in src ? src : { ...src, children: rebuild((p as { children: Piece[] }).children) };
    });
  const rebuilt = rebuild(target);
  if (problem) return problem;
  const dropped = [...byId.keys()].find((id) => !seen.has(id));
  if (dropped) {
    const p = byId.get(dropped)!;
    return `protected code ${dropped} (${'ph' in p ? p.markup : `${p.open}…${p.close}`}) was dropped`;
  }
  return rebuilt;
}
