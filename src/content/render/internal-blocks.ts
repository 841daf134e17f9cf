/**
 * `<Internal>` blocks, found in the source text before any parser sees it.
 *
 * The wall between the two sites is decided here, by allowlist: the one supported form is a line
 * that holds exactly `<Internal>` and, further down, a line that holds exactly `</Internal>` at
 * the same indentation. Everything between those lines is agent-only. Any other mention of a tag
 * whose name contains "internal" (another case, a suffix, a namespace, inside a paragraph, a
 * heading, a table cell, alt text, code, a comment…) is an error, because a parser may close or
 * re-nest it in ways that publish part of it.
 *
 * The renderers never parse an internal block together with the public text: `split` replaces
 * each block by one placeholder paragraph, so both sites parse the same public text, and only the
 * internal site parses each block's lines, on their own. The public site never parses them at all.
 */
import crypto from 'node:crypto';
import { problem, type Problem } from '../errors.ts';

/** One `<Internal>` block; lines are 1-based lines of the body. */
export interface InternalBlock {
  open: number;
  close: number;
  /** Whitespace before the markers (a block inside a list item is indented with it). */
  indent: string;
}

/** Something wrong with how `<Internal>` is written, at a body line. */
export interface InternalMisuse {
  kind: 'unclosed' | 'misplaced';
  line: number;
  message: string;
}

/** The message for a block whose markers stand where a block of its own cannot be. */
export const MISPLACED = '<Internal> stands where a block of its own cannot be (inside code, a table, raw HTML or an indented code block).';

/** Every placeholder paragraph starts with this (the rest is the block's number and a nonce). */
export const PLACEHOLDER_PREFIX = 'SignpostInternalBlock';
/** Random per process, so no content can write a placeholder on purpose. */
const nonce = crypto.randomBytes(8).toString('hex');

/** Misuses as catalogue problems at file lines (`bodyLine`: the file line where the body starts). */
export function misuseProblems(misuse: readonly InternalMisuse[], file: string, bodyLine: number): Problem[] {
  return misuse.map((m) => problem(m.kind === 'unclosed' ? 'InternalUnclosed' : 'InternalMisplaced', file, m.message, { line: m.line + bodyLine - 1 }));
}

const OPEN = '<Internal>';
const CLOSE = '</Internal>';
/** `<` then an optional `/` then a tag name (whitespace tolerated, as JSX allows it). */
const TAG = /<\s*\/?\s*([A-Za-z][\w:.-]*)/g;

/** Cheap pre-check: can the text hold an internal-like tag at all? */
export const mentionsInternal = (text: string) => text.includes('<') && /<\s*\/?\s*[\w:.-]*internal/i.test(text);

/** The first tag name in `text` that looks like an internal marker, if any. */
export function internalLikeTag(text: string): string | undefined {
  if (!mentionsInternal(text)) return undefined;
  for (const m of text.matchAll(TAG)) if (m[1]!.toLowerCase().includes('internal')) return m[0];
  return undefined;
}

/** Finds the blocks of a body and every misuse of the marker. */
export function findInternalBlocks(body: string): { blocks: InternalBlock[]; misuse: InternalMisuse[] } {
  const blocks: InternalBlock[] = [];
  const misuse: InternalMisuse[] = [];
  if (!mentionsInternal(body)) return { blocks, misuse };
  let open: { line: number; indent: string } | undefined;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const n = i + 1;
    const trimmed = line.trim();
    const indent = line.slice(0, line.length - line.trimStart().length);
    if (trimmed === OPEN) {
      if (open)
        misuse.push({ kind: 'misplaced', line: n, message: `<Internal> blocks cannot be nested; the block opened on line ${open.line} is still open.` });
      else open = { line: n, indent };
      continue;
    }
    if (trimmed === CLOSE) {
      if (!open) misuse.push({ kind: 'unclosed', line: n, message: '</Internal> closes a block that was never opened.' });
      else if (indent !== open.indent)
        misuse.push({ kind: 'misplaced', line: n, message: `</Internal> must have the same indentation as the <Internal> on line ${open.line}.` });
      else blocks.push({ open: open.line, close: n, indent: open.indent });
      if (open && indent === open.indent) open = undefined;
      continue;
    }
    const tag = internalLikeTag(line);
    if (tag) {
      const exact = tag === OPEN || tag === '</Internal';
      misuse.push({
        kind: 'misplaced',
        line: n,
        message: exact
          ? `\`${escapeTag(line.trim())}\`: <Internal> and </Internal> must each stand alone on their own line.`
          : `\`${escapeTag(tag)}…\` looks like an internal marker but is not the supported form <Internal> … </Internal>.`,
      });
    }
  }
  if (open) misuse.push({ kind: 'unclosed', line: open.line, message: 'An <Internal> block is opened but never closed.' });
  return { blocks, misuse };
}

function escapeTag(s: string): string {
  const one = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

/** The public text of a body with one placeholder paragraph per block, and each block's own text. */
export interface Split {
  /** The body with every block's lines blanked but for one placeholder line (line numbers kept). */
  outer: string;
  /** Placeholder text of block i (empty for an empty block); a paragraph holding exactly this is where the block goes. */
  placeholders: string[];
  /** The lines inside block i, de-indented, and the body line the first of them is on. */
  inner: { text: string; firstLine: number }[];
}

/**
 * Splits a body at its blocks. For the public site `withInner` is false and the blocks' text is
 * never copied anywhere: it exists only in the body string that the caller already holds.
 */
export function split(body: string, blocks: readonly InternalBlock[], withInner: boolean): Split {
  if (!blocks.length) return { outer: body, placeholders: [], inner: [] };
  const lines = body.split('\n');
  const placeholders: string[] = [];
  const inner: Split['inner'] = [];
  blocks.forEach((b, i) => {
    const empty = b.close - b.open < 2;
    const token = empty ? '' : `${PLACEHOLDER_PREFIX}${i}x${nonce}`;
    placeholders.push(token);
    if (withInner) {
      const text = lines.slice(b.open, b.close - 1).map((l) => (l.startsWith(b.indent) ? l.slice(b.indent.length) : l.trimStart()));
      inner.push({ text: text.join('\n'), firstLine: b.open + 1 });
    }
    // The marker lines and the block's lines become blank; the placeholder takes the first line
    // inside, so a blank line stands before and after it and every parser sees a paragraph.
    for (let l = b.open - 1; l < b.close; l++) lines[l] = '';
    if (!empty) lines[b.open] = `${b.indent}${token}`;
  });
  return { outer: lines.join('\n'), placeholders, inner };
}
