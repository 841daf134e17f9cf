/**
 * Reads a content file: checks it is UTF-8, strips a BOM, normalizes line ends, and splits
 * frontmatter from body. This is the one frontmatter splitter: the loader and the audit's
 * history (which compares bodies across commits) both use `splitFrontmatter`.
 *
 * Only YAML frontmatter is accepted. A language after the opening `---` (`---js`, `---coffee`,
 * `---toml`…) is refused before anything reads the block: gray-matter, which did this splitting
 * before, would `eval` such a block unless every engine was replaced.
 */
import jsyaml from 'js-yaml';
import { excerpt, problem, type Problem } from './errors.ts';
import { parseYaml } from './yaml.ts';
import { decodeText } from './text.ts';

export interface SourceFile {
  /** Frontmatter as parsed YAML (not yet validated). */
  data: Record<string, unknown>;
  /** Line of each frontmatter key in the file. */
  keyLines: Map<string, number>;
  /** Body text with LF line ends. */
  body: string;
  /** Line number in the file where the body starts (1-based). */
  bodyLine: number;
}

export { decodeText } from './text.ts';

/** The parts of a file that starts with a frontmatter block. */
export interface FrontmatterSplit {
  /** What follows the opening `---` on its line, trimmed: empty, `yaml` or `yml` for YAML. */
  language: string;
  /** The block between the delimiter lines, starting with the opening line's line break. */
  block: string;
  /** Index in the text where the body starts: after the closing `---` line, or the end of the text. */
  bodyStart: number;
}

/**
 * Splits LF text into frontmatter and body; undefined when the text does not open with a `---`
 * line (`----` is a thematic break, not a delimiter). Without a closing `---` line, everything
 * after the opening line is frontmatter and the body is empty.
 */
export function splitFrontmatter(text: string): FrontmatterSplit | undefined {
  const open = /^---([^\n-][^\n]*)?\n/.exec(text);
  if (!open) return undefined;
  const from = open[0].length - 1;
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(from));
  return {
    language: (open[1] ?? '').trim(),
    block: text.slice(from, close ? from + close.index : text.length),
    bodyStart: close ? from + close.index + close[0].length : text.length,
  };
}

/** Splits and parses a content file. Returns problems instead of throwing. */
export function readSource(bytes: Uint8Array, file: string): SourceFile | Problem[] {
  const text = decodeText(bytes, file);
  if (typeof text !== 'string') return [text];
  const split = splitFrontmatter(text);
  if (!split) return [problem('FrontmatterMissing', file, 'The file does not start with a frontmatter block.', { line: 1 })];
  if (!/^(ya?ml)?$/i.test(split.language)) {
    const lang = /^\S+/.exec(split.language)![0];
    return [problem('FrontmatterEngine', file, `The frontmatter is marked as ${excerpt(lang, 20)}; nothing in it was run.`, { line: 1 })];
  }
  // The block starts with the opening line's line break, so its lines are the file's lines.
  const parsed = parseYaml(split.block, file);
  if (Array.isArray(parsed)) return parsed;
  const data = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [problem('FrontmatterInvalid', file, 'The frontmatter must be a set of `key: value` lines.', { line: 2 })];
  }
  const head = text.slice(0, split.bodyStart);
  const bodyLine = head.split('\n').length + (head.endsWith('\n') ? 0 : 1);
  return { data: { ...(data as Record<string, unknown>) }, keyLines: parsed.keyLines, body: text.slice(split.bodyStart), bodyLine };
}

/**
 * A content file as text: `data` as YAML frontmatter, then the body. Written with the YAML 1.2 core
 * schema the loader reads it with, so a date such as `2026-03-31` stays the string it was; every
 * tool that writes content files (the XLIFF import, `npm run import`) writes through this.
 */
export function formatSource(data: Record<string, unknown>, body: string): string {
  return `---\n${jsyaml.dump(data, { schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true })}---\n${body}`;
}
