/**
 * YAML parsing for frontmatter and data files. Uses the `yaml` package (YAML 1.2 core schema:
 * `2026-03-31` stays a string, so dates never shift by time zone), refuses aliases (no
 * billion-laughs expansion), and reports positions as 1-based lines.
 */
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
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, maxAliasCount: -1 });
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
