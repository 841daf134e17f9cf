/**
 * The direct Markdown writer (markdown-fast.ts) against the general route (hast-util-to-mdast +
 * mdast-util-to-markdown): on every page of the sample content, both sites, both outputs are
 * rendered back to HTML and must hold the same blocks, links and text. And each must say what the
 * page says: its text read back equals the text of the page's HTML.
 */
import { markdownToHast } from 'satteri';
import { fromHtml } from 'hast-util-from-html';
import { toString as textOf } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { libraryMarkdown } from '../../../src/content/render/markdown.ts';
import { fastMarkdown, FastUnsupported } from '../../../src/content/render/markdown-fast.ts';
import { projectRoot } from '../../helpers/build.ts';
import { render } from '../../helpers/render.ts';
import path from 'node:path';

/** What a reader gets from Markdown: its blocks in order, its links, and its words. */
function reading(markdown: string) {
  const tree = markdownToHast(markdown, { features: { gfm: true } }) as Root;
  const blocks: string[] = [];
  const links: string[] = [];
  const visit = (node: Root | Element) => {
    for (const c of node.children) {
      if (c.type !== 'element') continue;
      if (/^(p|h[1-6]|ul|ol|li|blockquote|pre|table|tr|hr)$/.test(c.tagName)) blocks.push(c.tagName);
      if (c.tagName === 'a') links.push(String(c.properties.href));
      visit(c);
    }
  };
  visit(tree);
  return { blocks, links, text: words(textOf(tree)) };
}
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(['public', 'internal'] as const)('the %s sample site', (target) => {
  const content = loadContent(path.join(projectRoot, 'content'), target);
  test('the direct writer and the general route read the same on every page, and say what the page says', () => {
    let direct = 0;
    for (const e of content.entries) {
      const tree = fromHtml(e.html, { fragment: true });
      const base = new URL(`https://help.kestrel.example/${e.lang}/${e.route}/`);
      let fast: string;
      try {
        fast = fastMarkdown(tree, base);
        direct++;
      } catch (err) {
        if (err instanceof FastUnsupported) continue;
        throw err;
      }
      const general = libraryMarkdown(tree, base.href);
      expect(reading(fast), e.file).toEqual(reading(general));
      // The words are the page's words (white space aside: blocks in HTML touch, in Markdown they do not;
      // and a reply's language and title are joined by a middle dot).
      expect(reading(fast).text.replace(/[\s·]/g, ''), e.file).toBe(textOf(tree).replace(/[\s·]/g, ''));
    }
    // The sample is made of what the direct writer handles: nearly every page takes it.
    expect(direct / content.entries.length).toBeGreaterThan(0.95);
  });
});

describe('text that looks like Markdown stays text', () => {
  const cases = [
    'Prices \\*before\\* tax, snake\\_case and 2\\*3\\*4.',
    '\\# not a heading',
    '1\\. not a list, and \\- not one either',
    'A literal \\[link](https://example.com) and a \\<b> tag &amp;amp; an entity.',
    '`code with `` two backticks` and a | pipe | in text',
    '| a | b |\n| - | - |\n| pipe \\| inside | `x|y` |',
    '- one\n  - nested *em* and **strong**\n- two\n\n10. ten\n11. eleven',
    '> quoted\n>\n> - list in quote',
    '```js\nconst a = "```";\n```',
    'Line one  \nline two after a hard break',
  ];
  test.each(cases)('%s', (source) => {
    const tree = fromHtml(render(source, { format: 'md' }).html, { fragment: true });
    const base = new URL('https://help.fixture.example/en/help/orders/test/');
    const fast = fastMarkdown(tree, base);
    expect(reading(fast)).toEqual(reading(libraryMarkdown(tree, base.href)));
    expect(reading(fast).text.replace(/\s/g, '')).toBe(textOf(tree).replace(/[\s·]/g, ''));
  });
});
