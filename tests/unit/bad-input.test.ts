/** Bad content: each case names the file and line and says what to do. */
import { describe, expect, test } from 'vitest';
import { ContentError, type Problem } from '../../src/content/errors.ts';
import { loadContent } from '../../src/content/load.ts';
import { tempContent } from '../helpers/content.ts';

function problemsOf(files: Record<string, string | Uint8Array | null>, target: 'public' | 'internal' = 'internal'): Problem[] {
  try {
    loadContent(tempContent('basic', files), target);
  } catch (e) {
    if (e instanceof ContentError) return [...e.problems];
    throw e;
  }
  return [];
}

const article = (front: string, body = 'Text.') => `---\n${front}\n---\n\n${body}\n`;

describe('bad input', () => {
  test('an article in a language the site does not have', () => {
    expect(problemsOf({ 'help/ko/orders/a.md': article('title: T\ndescription: D') })).toMatchObject([
      { code: 'UnknownLanguage', file: 'help/ko/orders/a.md', message: '"ko" is not a language of this site.' },
    ]);
  });

  test('a policy for a market without market data', () => {
    expect(
      problemsOf({
        'policies/dk/en/returns.md': article(
          'title: T\ndescription: D\nowner: o\nreviewed: 2026-01-01\neffective: 2026-01-01\nsources: [{ title: X, url: "https://x.example" }]',
        ),
      }),
    ).toMatchObject([{ code: 'UnknownMarket', file: 'policies/dk/en/returns.md', message: '"dk" has no markets/dk.yaml. Did you mean "de"?' }]);
  });

  test('an SOP for an unknown market names the line of `markets`', () => {
    expect(problemsOf({ 'sop/en/x/a.md': article('title: T\ndescription: D\nowner: o\nreviewed: 2026-01-01\nmarkets: [de, xx]') })).toMatchObject([
      { code: 'UnknownMarket', file: 'sop/en/x/a.md', line: 6 },
    ]);
  });

  test('an article in a category that does not exist', () => {
    expect(problemsOf({ 'help/en/shiping/a.md': article('title: T\ndescription: D') })[0]).toMatchObject({
      code: 'UnknownCategory',
      message: '"shiping" is not a category.',
    });
  });

  test('a .md and an .mdx with the same slug', () => {
    expect(problemsOf({ 'help/en/orders/track-your-order.mdx': article('title: T\ndescription: D') })).toMatchObject([
      { code: 'DuplicateSlug', message: expect.stringContaining('are both published at /en/help/orders/track-your-order/') },
    ]);
  });

  test('a broken link and a broken anchor to another page', () => {
    const p = problemsOf({ 'help/en/orders/a.md': article('title: T\ndescription: D', '[x](./nope.md)\n\n[y](../returns/start-a-return.mdx#nope)') });
    expect(p.map((x) => [x.code, x.line])).toEqual([
      ['BrokenLink', 6],
      ['BrokenLink', 8],
    ]);
    expect(p[1]!.hint).toContain('#before-you-start');
  });

  test('a public page linking to an SOP', () => {
    expect(problemsOf({ 'help/en/orders/a.md': article('title: T\ndescription: D', '[sop](../../../sop/en/orders/where-is-my-order.mdx)') })).toMatchObject([
      { code: 'InternalLink', file: 'help/en/orders/a.md', line: 6 },
    ]);
  });

  test("a public page linking to the agents' site by URL is refused too", () => {
    expect(problemsOf({ 'help/en/orders/a.md': article('title: T\ndescription: D', '[health](/en/health/) [sop](/de/sop/)') }).map((p) => p.code)).toEqual([
      'InternalLink',
      'InternalLink',
    ]);
  });

  test('inside an <Internal> block a link to an SOP is allowed', () => {
    expect(
      problemsOf({
        'help/en/orders/a.mdx': article('title: T\ndescription: D', '<Internal>\nSee [sop](../../../sop/en/orders/where-is-my-order.mdx).\n</Internal>'),
      }),
    ).toEqual([]);
  });

  test('a related article that does not exist', () => {
    expect(problemsOf({ 'help/en/orders/a.md': article('title: T\ndescription: D\nrelated: [orders/nope]') })[0]).toMatchObject({
      code: 'BrokenLink',
      message: expect.stringContaining('orders/nope'),
    });
  });

  test('a file outside the content layout', () => {
    expect(problemsOf({ 'help/en/Orders/A.md': article('title: T\ndescription: D') })[0]).toMatchObject({
      code: 'BadPath',
      message: '"Orders" is not a valid name: use lower case letters, digits and hyphens.',
    });
  });

  test('a page saved with another extension is reported instead of silently left out', () => {
    expect(
      problemsOf({ 'help/en/orders/a.markdown': article('title: T\ndescription: D'), 'help/en/orders/b.MD': article('title: T\ndescription: D') }).map((p) => [
        p.code,
        p.file,
      ]),
    ).toEqual([
      ['BadPath', 'help/en/orders/a.markdown'],
      ['BadPath', 'help/en/orders/b.MD'],
    ]);
  });

  test('invalid MDX names the line', () => {
    expect(problemsOf({ 'help/en/orders/a.mdx': article('title: T\ndescription: D', 'Fine.\n\n<Callout>\nnot closed\n') })[0]).toMatchObject({
      code: 'MarkdownSyntax',
      file: 'help/en/orders/a.mdx',
    });
  });

  test('several broken files are all reported in one run', () => {
    const p = problemsOf({
      'help/en/orders/a.md': article('titel: T\ndescription: D'),
      'help/en/orders/b.mdx': article('title: T\ndescription: D', '{1 + 1}'),
      'markets/us.yaml': 'languages: [en]\ncurrency: USD\ntime_zone: Nowhere/City\n',
    });
    // The SOP is reported too: it names market "us", whose data no longer loads.
    expect(new Set(p.map((x) => x.file))).toEqual(
      new Set(['help/en/orders/a.md', 'help/en/orders/b.mdx', 'markets/us.yaml', 'sop/en/orders/where-is-my-order.mdx']),
    );
  });

  test('the public build does not even read SOPs, so a broken SOP cannot break it', () => {
    expect(problemsOf({ 'sop/en/x/a.md': 'not even frontmatter' }, 'public')).toEqual([]);
    expect(problemsOf({ 'sop/en/x/a.md': 'not even frontmatter' }, 'internal')).toMatchObject([{ code: 'FrontmatterMissing' }]);
  });
});
