/**
 * YAML parsing. Both parsers use the YAML 1.2 core schema, so `2026-03-31` stays a string and a
 * date never shifts by time zone; both refuse anchors and aliases (how YAML bombs expand; an alias
 * needs an anchor, so refusing `&name` refuses every `*name`, scalar or not), refuse bidi
 * controls in strings, and report 1-based file lines.
 *
 * - Data files (site.yaml, markets/*.yaml) use the `yaml` package, which knows the line of every
 *   nested key, for precise messages in deeply nested data.
 * - Frontmatter, parsed for every content file, uses js-yaml, about six times faster; key lines
 *   come from the top-level keys, which is all flat frontmatter needs.
 */
import jsyaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isScalar, visit } from 'yaml';
import { clipMessage, excerpt, problem, type Problem } from './errors.ts';
import { bidiControl, lineAt } from './text.ts';

export interface ParsedYaml {
  data: unknown;
  /** Line (1-based, relative to the YAML text) of each key path such as `facts.withdrawal_days.value`. */
  keyLines: Map<string, number>;
}

/** Parses YAML text; on failure returns problems with lines offset by `lineOffset`. */
export function parseYaml(text: string, file: string, lineOffset = 0): ParsedYaml | Problem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    const message = clipMessage(e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, ''));
    problems.push(problem('YamlSyntax', file, message, { line: pos.line + lineOffset, column: pos.col }));
  }
  if (problems.length) return problems;
  // Anchors and aliases are refused outright: they are rarely needed in content and are how YAML
  // bombs work.
  // Name the first alias; an anchor nothing refers to yet is refused too.
  let aliasAt: { at: number; what: string } | undefined;
  let anchorAt: { at: number; what: string } | undefined;
  visit(doc, {
    Alias(_, node) {
      aliasAt = { at: node.range?.[0] ?? 0, what: 'an alias (*name)' };
      return visit.BREAK;
    },
    Node(_, node) {
      if (node.anchor && !anchorAt) anchorAt = { at: node.range?.[0] ?? 0, what: `an anchor (&${excerpt(node.anchor, 20).slice(1, -1)})` };
      return undefined;
    },
  });
  aliasAt ??= anchorAt;
  if (aliasAt !== undefined) {
    return [problem('YamlAlias', file, `This YAML uses ${aliasAt.what}.`, { line: lineCounter.linePos(aliasAt.at).line + lineOffset })];
  }
  const keyLines = new Map<string, number>();
  const collect = (node: unknown, prefix: string): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const path = prefix ? `${prefix}.${key}` : key;
      const range = (pair.key as { range?: [number] } | null)?.range;
      if (range) keyLines.set(path, lineCounter.linePos(range[0]).line + lineOffset);
      collect(pair.value, path);
    }
  };
  collect(doc.contents, '');
  const data: unknown = doc.toJS({ maxAliasCount: 0 }) ?? {};
  const bidi = bidiProblem(data, text, file, keyLines, lineOffset);
  return bidi ? [bidi] : { data, keyLines };
}

/**
 * A problem for the first string (value or key) holding a bidi override or isolate, if any. The
 * line is where the character is written, or the line of its top-level key when it was written as
 * an escape ("\u202E").
 */
function bidiProblem(data: unknown, text: string, file: string, keyLines: Map<string, number>, lineOffset: number): Problem | undefined {
  const find = (v: unknown): boolean => {
    if (typeof v === 'string') return bidiControl(v) !== undefined;
    if (!v || typeof v !== 'object') return false;
    return Object.entries(v).some(([k, x]) => bidiControl(k) !== undefined || find(x));
  };
  if (!data || typeof data !== 'object') return find(data) ? make(undefined) : undefined;
  for (const [key, value] of Object.entries(data)) {
    if (bidiControl(key) !== undefined || find(value)) return make(key);
  }
  return undefined;
  function make(key: string | undefined): Problem {
    const raw = bidiControl(text);
    const line = raw !== undefined ? lineAt(text, raw) + lineOffset : key !== undefined ? keyLines.get(key) : undefined;
    const where = key !== undefined && /^[\w-]{1,60}$/.test(key) ? `\`${key}\`` : 'A value';
    return problem('BidiControl', file, `${where} contains an invisible bidi control character (U+202A–U+202E or U+2066–U+2069).`, { line });
  }
}

/** Fast frontmatter parse: js-yaml (core schema), aliases refused, top-level key lines. */
export function parseFrontmatterYaml(text: string, file: string, lineOffset = 0): ParsedYaml | Problem[] {
  let data: unknown;
  let anchor: { name: string; line: number } | undefined;
  try {
    data = jsyaml.load(text, {
      schema: jsyaml.CORE_SCHEMA,
      filename: file,
      // js-yaml has no switch for aliases, but it reports every node it closes with its anchor:
      // stop at the first anchor, before any alias can refer to it.
      listener(event, state) {
        const s = state as unknown as { anchor: string | null; line: number };
        if (event === 'close' && s.anchor !== null && !anchor) {
          anchor = { name: s.anchor, line: s.line + 1 + lineOffset };
          throw new AnchorFound();
        }
      },
    });
  } catch (e) {
    if (anchor) {
      // Name the first alias of that anchor when there is one, as the data path does.
      const name = anchor.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const alias = new RegExp(`(^|[\\s\\[{,:-])\\*${name}(?=$|[\\s\\]},])`, 'm').exec(text);
      return alias
        ? [problem('YamlAlias', file, 'This YAML uses an alias (*name).', { line: lineAt(text, alias.index + alias[1]!.length) + lineOffset })]
        : [problem('YamlAlias', file, `This YAML uses an anchor (&${excerpt(anchor.name, 20).slice(1, -1)}).`, { line: anchor.line })];
    }
    const err = e as { reason?: string; message: string; mark?: { line: number; column: number } };
    return [problem('YamlSyntax', file, clipMessage(err.reason ?? err.message), { line: err.mark ? err.mark.line + 1 + lineOffset : undefined, column: err.mark ? err.mark.column + 1 : undefined })];
  }
  const keyLines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (m) keyLines.set(m[1]!, i + 1 + lineOffset);
  });
  // An alias makes js-yaml reuse one object in several places; a bomb needs exactly that.
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const seen = new Set<object>();
    const repeats = (v: unknown): boolean => {
      if (!v || typeof v !== 'object') return false;
      if (seen.has(v)) return true;
      seen.add(v);
      return Object.values(v).some(repeats);
    };
    for (const [key, value] of Object.entries(data)) {
      if (repeats(value)) return [problem('YamlAlias', file, `\`${key}\` uses a YAML alias (*name).`, { line: keyLines.get(key) })];
    }
  }
  const bidi = bidiProblem(data, text, file, keyLines, lineOffset);
  return bidi ? [bidi] : { data: data ?? {}, keyLines };
}

class AnchorFound extends Error {}
