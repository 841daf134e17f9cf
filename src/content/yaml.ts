/**
 * YAML parsing. Both parsers use the YAML 1.2 core schema, so `2026-03-31` stays a string and a
 * date never shifts by time zone; both refuse aliases (how YAML bombs expand) and report 1-based
 * file lines.
 *
 * - Data files (site.yaml, markets/*.yaml) use the `yaml` package, which knows the line of every
 *   nested key, for precise messages in deeply nested data.
 * - Frontmatter, parsed for every content file, uses js-yaml, about six times faster; key lines
 *   come from the top-level keys, which is all flat frontmatter needs.
 */
import jsyaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isScalar, visit } from 'yaml';
import { problem, type Problem } from './errors.ts';

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
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    problems.push(problem('YamlSyntax', file, message, { line: pos.line + lineOffset, column: pos.col }));
  }
  if (problems.length) return problems;
  // Aliases are refused outright: they are rarely needed in content and are how YAML bombs work.
  let aliasAt: number | undefined;
  visit(doc, {
    Alias(_, node) {
      aliasAt = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (aliasAt !== undefined) {
    return [problem('YamlAlias', file, 'This YAML uses an alias (*name).', { line: lineCounter.linePos(aliasAt).line + lineOffset })];
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
  return { data: doc.toJS({ maxAliasCount: 0 }) ?? {}, keyLines };
}

/** Fast frontmatter parse: js-yaml (core schema), aliases refused, top-level key lines. */
export function parseFrontmatterYaml(text: string, file: string, lineOffset = 0): ParsedYaml | Problem[] {
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: file });
  } catch (e) {
    const err = e as { reason?: string; message: string; mark?: { line: number; column: number } };
    return [problem('YamlSyntax', file, err.reason ?? err.message.split('\n')[0]!, { line: err.mark ? err.mark.line + 1 + lineOffset : undefined, column: err.mark ? err.mark.column + 1 : undefined })];
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
  return { data: data ?? {}, keyLines };
}
