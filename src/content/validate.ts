/**
 * Validates parsed data against a zod schema and turns zod issues into problems that name the
 * file, the line of the key, the field path, what was expected and a "did you mean" for unknown
 * keys. Every parse in Signpost goes through here (Starlight's `error-map.ts` does the same job).
 */
import type { z } from './../schemas/z.ts';
import { didYouMean, excerpt, problem, type ErrorCode, type Problem } from './errors.ts';

type AnySchema = z.ZodType;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  element?: AnySchema;
  valueType?: AnySchema;
  in?: AnySchema;
  options?: AnySchema[];
}
const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The keys an object schema accepts at `path` (used for "did you mean"). */
export function knownKeys(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  let s: AnySchema | undefined = schema;
  for (let i = 0; s; ) {
    const def = defOf(s);
    if (def.innerType) {
      s = def.innerType;
      continue;
    }
    if (def.type === 'pipe' && def.in) {
      s = def.in;
      continue;
    }
    if (def.type === 'union' && def.options) {
      s = def.options.find((o) => defOf(o).type === 'object' || defOf(o).innerType) ?? def.options[0];
      continue;
    }
    if (i === path.length) return def.shape ? Object.keys(def.shape) : [];
    const key = path[i++];
    if (def.type === 'object' && def.shape) s = def.shape[String(key)];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return [];
  }
  return [];
}

function lineFor(keyLines: Map<string, number>, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const line = keyLines.get(path.slice(0, n).join('.'));
    if (line !== undefined) return line;
  }
  return undefined;
}

/** A key as written in a message: in backticks when it is a plain name, else as a short escaped excerpt. */
const keyName = (key: string) => (/^[\w.-]{1,60}$/.test(key) ? `\`${key}\`` : excerpt(key));

const describe = (path: readonly PropertyKey[]) => (path.length ? keyName(path.map(String).join('.')) : 'The data');

/** Parses `data` with `schema`; returns the output or the problems found. */
export function validate<S extends AnySchema>(
  schema: S,
  data: unknown,
  file: string,
  keyLines: Map<string, number>,
  code: ErrorCode = 'FrontmatterInvalid',
  defaultLine?: number,
): z.output<S> | Problem[] {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data as z.output<S>;
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        const guess = didYouMean(key, known);
        const where = issue.path.length ? ` in ${describe(issue.path)}` : '';
        problems.push(
          problem('UnknownKey', file, `Unknown key ${keyName(key)}${where}.${guess ? ` Did you mean \`${guess}\`?` : ''}`, {
            line: keyLines.get([...issue.path, key].join('.')) ?? defaultLine,
            hint: known.length ? `Allowed keys here: ${known.join(', ')}.` : undefined,
            field: [...issue.path, key].map(String).join('.'),
            issue: 'unknown',
          }),
        );
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const message = missing
      ? `${describe(issue.path)} is required.`
      : `${describe(issue.path)}: ${issue.message}${'input' in issue && issue.input !== undefined && typeof issue.input !== 'object' ? ` (got ${excerpt(issue.input)})` : ''}.`;
    const expected = issue.code === 'invalid_type' ? String((issue as { expected?: unknown }).expected) : undefined;
    problems.push(
      problem(code, file, message, {
        line: lineFor(keyLines, issue.path) ?? defaultLine,
        field: issue.path.map(String).join('.'),
        issue: missing ? 'missing' : 'invalid',
        expected,
      }),
    );
  }
  return problems;
}
