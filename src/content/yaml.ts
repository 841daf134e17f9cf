/**
 * YAML parsing, for data files (site.yaml, markets/*.yaml) and frontmatter alike, with js-yaml
 * and its YAML 1.2 core schema, so `2026-03-31` stays a string and a date never shifts by time
 * zone. Anchors and aliases are refused (how YAML bombs expand; an alias needs an anchor, so
 * refusing `&name` refuses every `*name`, scalar or not), so are bidi controls in strings, and
 * errors carry 1-based file lines.
 *
 * Why js-yaml and not the `yaml` package, which knows key positions without help: frontmatter is
 * parsed once per content file, and the frontmatter of 9,932 generated files took 0.3–0.4 s with
 * js-yaml against 2.1–3.2 s with `yaml` (280 sample files: 12–20 ms against 160–215 ms), on
 * 2 cores; `npm run bench` prints the current figure ("frontmatter: N files in X ms"). The line
 * of every key path is rebuilt here from js-yaml's node events instead.
 */
import jsyaml from 'js-yaml';
import { clipMessage, excerpt, problem, type Problem } from './errors.ts';
import { bidiControl, lineAt } from './text.ts';

export interface ParsedYaml {
  data: unknown;
  /** Line (1-based, in the file) of each key path through mappings, such as `facts.withdrawal_days.value`. */
  keyLines: Map<string, number>;
}

/** A node as js-yaml's listener reports it: where it opened, what it became, the nodes inside it. */
interface NodeEvent {
  line: number;
  result: unknown;
  children: NodeEvent[];
}

class AnchorFound extends Error {}

/**
 * js-yaml's messages copy tags, tag handles and alias names from the file whole; cut each to a
 * short escaped excerpt, so a data file that is really a key or a password file stays out of logs.
 */
const quoteShort = (reason: string) =>
  reason
    .replace(/!<([\s\S]*)>/, (_, tag: string) => excerpt(tag, 20))
    .replace(/"([^"]*)"/g, (_, name: string) => excerpt(name, 20))
    .replace(/(: )(\S{21,})$/, (_, sep: string, rest: string) => sep + excerpt(rest, 20));

/** Parses YAML text; on failure returns problems, with lines offset by `lineOffset`. */
export function parseYaml(text: string, file: string, lineOffset = 0): ParsedYaml | Problem[] {
  const top: NodeEvent = { line: 0, result: undefined, children: [] };
  const open: NodeEvent[] = [top];
  let anchor: { name: string; line: number } | undefined;
  let data: unknown;
  try {
    data = jsyaml.load(text, {
      schema: jsyaml.CORE_SCHEMA,
      filename: file,
      listener(event, state) {
        const s = state as unknown as { anchor: string | null; line: number; result: unknown };
        if (event === 'open') {
          open.push({ line: s.line, result: undefined, children: [] });
          return;
        }
        // js-yaml has no switch for aliases, but it reports every node it closes with its
        // anchor: stop at the first anchor, before any alias can refer to it.
        if (s.anchor !== null) {
          anchor = { name: s.anchor, line: s.line + 1 + lineOffset };
          throw new AnchorFound();
        }
        const node = open.pop()!;
        node.result = s.result;
        open.at(-1)!.children.push(node);
      },
    });
  } catch (e) {
    if (anchor) {
      // Name the first alias of that anchor when there is one.
      const name = anchor.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const alias = new RegExp(`(^|[\\s\\[{,:-])\\*${name}(?=$|[\\s\\]},])`, 'm').exec(text);
      return alias
        ? [problem('YamlAlias', file, 'This YAML uses an alias (*name).', { line: lineAt(text, alias.index + alias[1]!.length) + lineOffset })]
        : [problem('YamlAlias', file, `This YAML uses an anchor (&${excerpt(anchor.name, 20).slice(1, -1)}).`, { line: anchor.line })];
    }
    const err = e as { reason?: string; message: string; mark?: { line: number; column: number } };
    return [
      problem('YamlSyntax', file, clipMessage(quoteShort(err.reason ?? err.message)), {
        line: err.mark ? err.mark.line + 1 + lineOffset : undefined,
        column: err.mark ? err.mark.column + 1 : undefined,
      }),
    ];
  }
  const keyLines = new Map<string, number>();
  // A mapping's nodes come as key, value, key, value… (a value is missing only after a bare key
  // such as `{ a }`). A key opens on its own line; sequences are not entered.
  const collect = (node: NodeEvent, prefix: string): void => {
    const map = node.result;
    if (!map || typeof map !== 'object' || Array.isArray(map)) return;
    const kids = node.children;
    for (let i = 0; i < kids.length; i++) {
      const key = String(kids[i]!.result);
      if (!Object.hasOwn(map, key)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      if (!keyLines.has(path)) keyLines.set(path, kids[i]!.line + 1 + lineOffset);
      const value = kids[i + 1];
      if (value && value.result === (map as Record<string, unknown>)[key]) {
        collect(value, path);
        i++;
      }
    }
  };
  if (top.children[0]) collect(top.children[0], '');
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
  data ??= {};
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
