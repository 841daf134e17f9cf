/**
 * Reads a content file: checks it is UTF-8, strips a BOM, normalizes line ends, and splits
 * frontmatter from body through gray-matter. Only YAML frontmatter is accepted: gray-matter's
 * JavaScript and CoffeeScript engines would `eval` the block, so they are replaced by engines
 * that refuse. `matter(src, options)` is always called with options, which also bypasses
 * gray-matter's cache (it would otherwise share `data` objects between files with equal text).
 */
import matter from 'gray-matter';
import { excerpt, problem, type Problem } from './errors.ts';
import { parseFrontmatterYaml } from './yaml.ts';
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

class EngineRefused extends Error {}
const refuse = (): never => {
  throw new EngineRefused();
};

/** Splits and parses a content file. Returns problems instead of throwing. */
export function readSource(bytes: Uint8Array, file: string): SourceFile | Problem[] {
  const text = decodeText(bytes, file);
  if (typeof text !== 'string') return [text];
  if (!/^---[^\n]*\n/.test(text)) return [problem('FrontmatterMissing', file, 'The file does not start with a frontmatter block.', { line: 1 })];
  let parsed: ReturnType<typeof parseFrontmatterYaml> | undefined;
  // Hand gray-matter only the frontmatter block: given the whole file it copies the text into a
  // Buffer and uses it as a cache key, which costs more than the parse itself on large sites.
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  const headEnd = close ? 3 + close.index + close[0].length : text.length;
  try {
    matter(text.slice(0, headEnd), {
      language: 'yaml',
      engines: {
        yaml: (src: string) => {
          // gray-matter hands over the text after the opening `---`, starting with its line break.
          parsed = parseFrontmatterYaml(src, file, src.startsWith('\n') ? 0 : 1);
          return {};
        },
        js: refuse,
        javascript: refuse,
        coffee: refuse,
        coffeescript: refuse,
        json: refuse,
        toml: refuse,
      },
    } as never);
  } catch (e) {
    const lang = /^---[ \t]*(\S+)/.exec(text)?.[1] ?? 'unknown';
    const message = e instanceof EngineRefused || /engine/i.test(String(e))
      ? `The frontmatter is marked as ${excerpt(lang, 20)}; nothing in it was run.`
      : `The frontmatter could not be split from the body: ${excerpt(String(e))}`;
    return [problem('FrontmatterEngine', file, message, { line: 1 })];
  }
  // gray-matter skips the engine for an empty block.
  if (!parsed) parsed = { data: {}, keyLines: new Map() };
  if (Array.isArray(parsed)) return parsed;
  const data = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [problem('FrontmatterInvalid', file, 'The frontmatter must be a set of `key: value` lines.', { line: 2 })];
  }
  const bodyLine = text.slice(0, headEnd).split('\n').length + (text.slice(0, headEnd).endsWith('\n') ? 0 : 1);
  return { data: { ...(data as Record<string, unknown>) }, keyLines: parsed.keyLines, body: text.slice(headEnd), bodyLine };
}
