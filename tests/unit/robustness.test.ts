/**
 * Errors, not crashes: names authors write never find inherited properties, any exception in one
 * file is reported against that file, and pathological input is refused or rendered — never a
 * stack trace, never minutes of parsing. Outcomes only; timings live in `npm run bench`.
 */
import { describe, expect, test, vi } from 'vitest';
import { ContentError, type Problem } from '../../src/content/errors.ts';
import { failure, guard } from '../../src/content/guard.ts';
import { loadContent, loadEntries } from '../../src/content/load.ts';
import { loadSite } from '../../src/content/site.ts';
import { checkLimits, MAX_MDX_BLOCKS, MAX_NESTING } from '../../src/content/render/limits.ts';
import { createI18n, translator } from '../../src/i18n/index.ts';
import { loadStrings } from '../../src/content/locales.ts';
import { fixture } from '../helpers/build.ts';
import { tempContent } from '../helpers/content.ts';

// One file may be made to throw, to check what the loader does with an exception it did not expect.
vi.mock('../../src/content/render/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/content/render/index.ts')>();
  return {
    ...real,
    renderBody: (...args: Parameters<typeof real.renderBody>) => {
      if (args[2].file.endsWith('/throws.md')) throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at somewhere (file.ts:1:1)");
      return real.renderBody(...args);
    },
  };
});

function problemsOf(files: Record<string, string | Uint8Array | null>): Problem[] {
  try {
    loadContent(tempContent('basic', files), 'internal');
    return [];
  } catch (e) {
    if (e instanceof ContentError) return [...e.problems];
    throw e;
  }
}

const { site } = loadSite(fixture('basic'));
const i18n = createI18n(loadStrings(), 'en');

/** Loads one body as help/en/orders/x.<ext> against the basic fixture's site model. */
function loadOne(body: string, ext: 'md' | 'mdx' = 'md'): Problem[] {
  const file = `help/en/orders/x.${ext}`;
  const root = tempContent(undefined, { [file]: `---\ntitle: T\ndescription: D\n---\n\n${body}` });
  return loadEntries(root, [file], 'public', site, (lang) => translator(i18n, lang)).problems;
}

const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));
const KB = 1024;

describe('names from content are looked up as own keys only', () => {
  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('<Fact name="%s" /> is an unknown fact at its line', (name) => {
    expect(
      problemsOf({ 'help/en/orders/f.mdx': `---\ntitle: T\ndescription: D\n---\n\nText.\n\n<Fact market="de" name="${name}" show="effective" />\n` }),
    ).toMatchObject([{ code: 'UnknownFact', file: 'help/en/orders/f.mdx', line: 8, message: `Market "de" has no fact "${name}".` }]);
  });

  test('a component named after an inherited property is an unknown component', () => {
    expect(loadOne('<Constructor />\n\n<HasOwnProperty>x</HasOwnProperty>\n', 'mdx').map((p) => p.code)).toEqual(['UnknownComponent', 'UnknownComponent']);
  });

  test('a locale file named __proto__.json is reported, not merged into every language', () => {
    expect(problemsOf({ 'locales/__proto__.json': '{ "content.agentNote": "x" }' })).toMatchObject([{ code: 'LocaleInvalid', file: 'locales/__proto__.json' }]);
    expect(({} as Record<string, unknown>)['content.agentNote']).toBeUndefined();
  });
});

describe('an exception in one file is a problem naming that file', () => {
  test('it becomes RenderFailed in one line, and the other files are still reported', () => {
    const p = problemsOf({
      'help/en/orders/throws.md': '---\ntitle: T\ndescription: D\n---\n\nText.\n',
      'help/en/orders/bad.md': '---\ntitel: T\ndescription: D\n---\n\nText.\n',
    });
    expect(new Set(p.map((x) => x.file))).toEqual(new Set(['help/en/orders/bad.md', 'help/en/orders/throws.md']));
    const failed = p.filter((x) => x.code === 'RenderFailed');
    expect(failed).toMatchObject([{ file: 'help/en/orders/throws.md' }]);
    expect(failed[0]!.message).toBe("Signpost stopped on this file with an unexpected error: TypeError: Cannot read properties of undefined (reading 'x').");
  });

  test('a market "file" that is a folder is reported against it', () => {
    const p = problemsOf({ 'markets/xx.yaml/oops.txt': 'a folder, not a file' });
    expect(p).toMatchObject([{ code: 'BadPath', file: 'markets/xx.yaml' }]);
  });

  test('a locale file that is not JSON is reported instead of stopping the run', () => {
    expect(problemsOf({ 'locales/de.json': '{ "a": ' })).toMatchObject([
      { code: 'LocaleInvalid', file: 'locales/de.json', message: expect.stringContaining('is not valid JSON') },
    ]);
  });

  test('only running out of stack counts as too complex; other range errors are failures', () => {
    expect(failure(new RangeError('Maximum call stack size exceeded'), 'a.md')).toMatchObject({ code: 'TooComplex', file: 'a.md' });
    expect(failure(new RangeError('Invalid time value'), 'a.md', 7)).toMatchObject({
      code: 'RenderFailed',
      file: 'a.md',
      line: 7,
      message: 'Signpost stopped on this file with an unexpected error: RangeError: Invalid time value.',
    });
  });

  test('guard returns the result, or undefined with the problem recorded', () => {
    const problems: Problem[] = [];
    expect(guard('a.md', problems, () => 1)).toBe(1);
    expect(
      guard('b.md', problems, () => {
        throw new Error(`${'x'.repeat(300)}\nsecond line`);
      }),
    ).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message.length).toBeLessThan(240);
    expect(problems[0]!.message).not.toContain('second line');
  });
});

describe('nesting is refused before parsing, naming the line', () => {
  test('the limit is far above what the sample content uses', () => {
    expect(MAX_NESTING).toBeGreaterThanOrEqual(32);
  });

  test.each([
    ['block quotes', `Intro.\n\n${'> '.repeat(MAX_NESTING + 1)}x\n`, 3],
    ['list markers on one line', `Intro.\n\n${'- '.repeat(MAX_NESTING + 1)}x\n`, 3],
    ['indented lists', Array.from({ length: MAX_NESTING + 5 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'), MAX_NESTING + 1],
    ['HTML tags', `Intro.\n\n${'<div>\n'.repeat(MAX_NESTING + 1)}x\n`, MAX_NESTING + 3],
  ])('%s', (_, body, line) => {
    expect(checkLimits(body)?.line).toBe(line);
  });

  test.each([
    ['siblings in a long list', '- item\n'.repeat(500)],
    ['many closed tags', '<div>x</div>\n\n'.repeat(500)],
    ['list items without end tags', `<ul>${'<li>x'.repeat(500)}</ul>`],
    ['self-closing components over several lines', '<Fact\n  name="x"\n/>\n'.repeat(500)],
    ['a > inside an attribute', '<Decision if="a > b">\nx\n</Decision>\n'.repeat(500)],
    ['tags in code', `${'`<div>` '.repeat(500)}\n\n\`\`\`\n${'<div>\n'.repeat(500)}\`\`\`\n`],
    ['autolinks and comments', '<https://x.example> <a@b.example> <!-- <div> -->\n'.repeat(500)],
    ['rules', '- - -\n\n* * *\n'.repeat(500)],
  ])('%s is not nesting', (_, body) => {
    expect(checkLimits(body, 'mdx')).toBeUndefined();
  });

  test(`an MDX file with more than ${MAX_MDX_BLOCKS} JSX blocks is refused at the first one over`, () => {
    expect(checkLimits('<Callout>x</Callout>\n\n'.repeat(MAX_MDX_BLOCKS + 10), 'mdx')).toMatchObject({ line: 2 * MAX_MDX_BLOCKS + 1 });
    expect(checkLimits('<Callout>x</Callout>\n\n'.repeat(MAX_MDX_BLOCKS), 'mdx')).toBeUndefined();
    expect(checkLimits('<Fact name="x" />\n\na <b>x</b>\n\n'.repeat(MAX_MDX_BLOCKS + 10), 'mdx')).toBeUndefined();
  });

  test('the loader reports it as TooComplex at the file line', () => {
    expect(loadOne(`Intro.\n\n${'> '.repeat(100)}x\n`)).toMatchObject([
      { code: 'TooComplex', file: 'help/en/orders/x.md', line: 8, message: `Block quotes and lists nest 100 levels deep here; the limit is ${MAX_NESTING}.` },
    ]);
  });
});

describe('pathological input is refused with the line or renders', () => {
  // Each of these took seconds to minutes at a few hundred KB before the nesting limit.
  const refused: [string, string, 'md' | 'mdx'][] = [
    ['block quotes on one line', `${fill('> ', 80 * KB)}x\n`, 'md'],
    ['list markers on one line', `${fill('- ', 80 * KB)}x\n`, 'md'],
    ['deep lists next to raw HTML', `<b>x</b>\n\n${fill(`${'- '.repeat(100)}x\n`, 80 * KB)}`, 'md'],
    ['nested <div>', `${fill('<div>', 40 * KB)}x${fill('</div>', 40 * KB)}\n`, 'md'],
    ['unclosed <div>', `${fill('<div>', 80 * KB)}x\n`, 'md'],
    ['nested <details>', `${fill('<details><summary>s</summary>\n', 40 * KB)}x\n${fill('</details>\n', 40 * KB)}`, 'md'],
    ['deep JSX', `${fill('<Callout>\n', 40 * KB)}x\n${fill('</Callout>\n', 40 * KB)}`, 'mdx'],
    ['very many JSX blocks', fill('<Callout>x</Callout>\n\n', 150 * KB), 'mdx'],
    ['deep inline HTML', `a ${fill('<b><i>', 40 * KB)}x${fill('</i></b>', 40 * KB)}\n`, 'md'],
  ];
  test.each(refused)('%s', (_, body, ext) => {
    const p = loadOne(body, ext);
    expect(p).toMatchObject([{ code: 'TooComplex', file: `help/en/orders/x.${ext}`, line: expect.any(Number) }]);
  });

  const rendered: [string, string, 'md' | 'mdx'][] = [
    ['many raw HTML blocks', fill('<div>x</div>\n\n', 80 * KB), 'md'],
    ['a long line of <', `${fill('<', 80 * KB)}\n`, 'md'],
    ['a long line of [', `${fill('[', 80 * KB)}\n`, 'md'],
    ['emphasis runs', `${fill('*a ', 80 * KB)}\n`, 'md'],
    ['backticks', `${fill('`a', 80 * KB)}\n`, 'md'],
    ['a table with many columns', `${'| a '.repeat(8 * KB)}|\n${'|---'.repeat(8 * KB)}|\n${'| b '.repeat(8 * KB)}|\n`, 'md'],
    ['a table with many rows', `| a | b |\n|---|---|\n${fill('| x | y |\n', 80 * KB)}`, 'md'],
    ['many components', fill('<Callout>x</Callout>\n\n', 60 * KB), 'mdx'],
    ['block quotes 30 deep next to raw HTML', `<b>x</b>\n\n${fill(`${'> '.repeat(30)}x\n\n`, 80 * KB)}`, 'md'],
  ];
  test.each(rendered)('%s', (_, body, ext) => {
    expect(loadOne(body, ext)).toEqual([]);
  });

  test('a file over 1 MB is refused with its size', () => {
    const big = `---\ntitle: T\ndescription: D\n---\n\n${'word '.repeat(250_000)}\n`;
    expect(problemsOf({ 'help/en/orders/big.md': big })).toMatchObject([{ code: 'FileTooLarge', file: 'help/en/orders/big.md' }]);
  });

  test('unbalanced brackets and emphasis on a huge scale render normally', () => {
    const nasty = `${'['.repeat(20_000)}\n\n${'*a '.repeat(20_000)}\n\n${'_'.repeat(30_000)}\n\n${'`'.repeat(10_000)}\n`;
    expect(problemsOf({ 'help/en/orders/nasty.md': `---\ntitle: T\ndescription: D\n---\n\n${nasty}` })).toEqual([]);
  });

  test('absurdly deep nesting fails with the file and line named instead of crashing the build', () => {
    const deep = `${'> '.repeat(5000)}x\n\n${'- '.repeat(5000)}x\n`;
    expect(problemsOf({ 'help/en/orders/deep.md': `---\ntitle: T\ndescription: D\n---\n\n${deep}` })).toMatchObject([
      { code: 'TooComplex', file: 'help/en/orders/deep.md', line: 6 },
    ]);
  });

  test('invalid UTF-8 fails naming the file', () => {
    expect(problemsOf({ 'help/en/orders/bin.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28, 0x0a]) })).toMatchObject([
      { code: 'InvalidUtf8', file: 'help/en/orders/bin.md' },
    ]);
  });
});
