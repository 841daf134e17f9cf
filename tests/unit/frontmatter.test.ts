import { describe, expect, test } from 'vitest';
import { readSource, splitFrontmatter } from '../../src/content/frontmatter.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { validate } from '../../src/content/validate.ts';
import { helpSchema } from '../../src/schemas/help.ts';
import { policySchema } from '../../src/schemas/policy.ts';
import type { Problem } from '../../src/content/errors.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const src = (s: string) => {
  const r = readSource(enc(s), 'help/en/orders/x.md');
  if (Array.isArray(r)) throw new Error(JSON.stringify(r));
  return r;
};
const problems = (s: string) => readSource(enc(s), 'help/en/orders/x.md') as Problem[];

describe('reading a file', () => {
  test('a BOM and Windows line ends give the same result as LF', () => {
    const lf = src('---\ntitle: T\ndescription: D\n---\n\nBody\n');
    const crlf = src('\uFEFF---\r\ntitle: T\r\ndescription: D\r\n---\r\n\r\nBody\r\n');
    expect(crlf).toEqual(lf);
    expect(lf.bodyLine).toBe(5);
  });

  test('invalid UTF-8 is refused with the file named', () => {
    const bytes = new Uint8Array([...enc('---\ntitle: '), 0xff, 0xfe, ...enc('\n---\n')]);
    expect(readSource(bytes, 'help/en/a/b.md')).toMatchObject([{ code: 'InvalidUtf8', file: 'help/en/a/b.md' }]);
  });

  test('JavaScript frontmatter is refused and never run', () => {
    (globalThis as { pwned?: boolean }).pwned = false;
    const p = problems('---js\n{ title: (globalThis.pwned = true, "x") }\n---\nBody');
    expect(p).toMatchObject([{ code: 'FrontmatterEngine', line: 1 }]);
    expect((globalThis as { pwned?: boolean }).pwned).toBe(false);
  });

  test('YAML aliases are refused (no billion laughs)', () => {
    const bomb = '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\ntitle: T\n---\n';
    expect(problems(bomb)).toMatchObject([{ code: 'YamlAlias', line: 3 }]);
  });

  test('a YAML syntax error names the line in the file', () => {
    expect(problems('---\ntitle: T\ndescription: a: b\ntags: []\n---\n')[0]).toMatchObject({ code: 'YamlSyntax', line: 3 });
  });

  test('a file without frontmatter is an error', () => {
    expect(problems('# Just markdown\n')).toMatchObject([{ code: 'FrontmatterMissing', line: 1 }]);
  });

  test('every marked language other than YAML is refused, even over an empty block', () => {
    expect(problems('---toml\ntitle = "T"\n---\n')).toMatchObject([
      { code: 'FrontmatterEngine', message: 'The frontmatter is marked as "toml"; nothing in it was run.' },
    ]);
    expect(problems('---js\n---\nBody')).toMatchObject([{ code: 'FrontmatterEngine' }]);
    expect(src('---yml\ntitle: T\n---\n').data).toEqual({ title: 'T' });
  });

  test('key lines are file lines, also after spaces on the opening line', () => {
    expect([...src('--- \ntitle: T\n\ndescription: D\n---\n').keyLines]).toEqual([
      ['title', 2],
      ['description', 4],
    ]);
  });

  test('without a closing line everything is frontmatter and the body is empty', () => {
    const s = src('---\ntitle: T\n');
    expect(s).toMatchObject({ data: { title: 'T' }, body: '' });
  });

  test('the split gives the block and where the body starts', () => {
    expect(splitFrontmatter('---\na: 1\n---\nBody')).toEqual({ language: '', block: '\na: 1', bodyStart: 13 });
    expect(splitFrontmatter('---\n---\n')).toEqual({ language: '', block: '', bodyStart: 8 });
    expect(splitFrontmatter('----\na: 1\n---\n')).toBeUndefined();
  });

  test('dates stay strings, quoted or not', () => {
    expect(src('---\nreviewed: 2026-03-31\nx: "2026-03-31"\n---\n').data).toEqual({ reviewed: '2026-03-31', x: '2026-03-31' });
  });
});

describe('parsing YAML data', () => {
  test('nested keys, block and flow, get their lines', () => {
    const r = parseYaml('name: Shop\nfacts:\n  # comment\n  window:\n    value: 30\n  vat: { value: 20, unit: percent }\nlist: [a, b]\n', 'markets/de.yaml');
    expect(Array.isArray(r) ? r : Object.fromEntries(r.keyLines)).toEqual({
      name: 1,
      facts: 2,
      'facts.window': 4,
      'facts.window.value': 5,
      'facts.vat': 6,
      'facts.vat.value': 6,
      'facts.vat.unit': 6,
      list: 7,
    });
  });

  test('a tag in the file is quoted as a short excerpt', () => {
    expect(parseYaml(`!${'k'.repeat(80)} x\n`, 'site.yaml')).toMatchObject([{ code: 'YamlSyntax', message: `unknown tag "!${'k'.repeat(19)}…"` }]);
  });
});

describe('validating frontmatter', () => {
  const check = (text: string, schema: typeof helpSchema | typeof policySchema = helpSchema) => {
    const s = src(text);
    return validate(schema, s.data, 'help/en/orders/x.md', s.keyLines);
  };

  test('an unknown key is an error with a did-you-mean hint and its line', () => {
    expect(check('---\ntitle: T\ndescription: D\nreviewd: 2026-01-01\n---\n')).toMatchInlineSnapshot(`
      [
        {
          "code": "UnknownKey",
          "column": undefined,
          "field": "reviewd",
          "file": "help/en/orders/x.md",
          "hint": "Allowed keys here: title, description, owner, reviewed, review_every, tags, translated, order, related, faq, markets.",
          "issue": "unknown",
          "line": 4,
          "message": "Unknown key \`reviewd\`. Did you mean \`reviewed\`?",
        },
      ]
    `);
  });

  test('a missing required key says it is required, with the field and the issue as data', () => {
    expect(check('---\ntitle: T\n---\n')).toMatchObject([
      { code: 'FrontmatterInvalid', message: '`description` is required.', field: 'description', issue: 'missing', expected: 'string' },
    ]);
  });

  test('a wrong date names the field and the expected form', () => {
    expect(check('---\ntitle: T\ndescription: D\nreviewed: 2026/01/01\n---\n')).toMatchObject([
      { line: 4, message: '`reviewed`: expected a date written YYYY-MM-DD, for example 2026-03-31 (got "2026/01/01").' },
    ]);
  });

  test('an impossible date is rejected', () => {
    expect(check('---\ntitle: T\ndescription: D\nreviewed: 2026-02-30\n---\n')).toMatchObject([
      { message: expect.stringContaining('not a real calendar date') },
    ]);
  });

  test('policies need an owner, a reviewed date, an effective date and sources', () => {
    const r = check('---\ntitle: T\ndescription: D\n---\n', policySchema) as Problem[];
    expect(r.map((p) => p.message)).toEqual(['`owner` is required.', '`reviewed` is required.', '`effective` is required.', '`sources` is required.']);
  });

  test('defaults fill optional help fields', () => {
    expect(check('---\ntitle: T\ndescription: D\n---\n')).toEqual({ title: 'T', description: 'D', tags: [], order: 100, related: [], faq: false });
  });
});
