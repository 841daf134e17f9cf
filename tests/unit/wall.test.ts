/**
 * The wall inside a page, tried as a hurried editor and as an attacker would. Every case either
 * is refused with an error naming the line, or renders without the canary on the public site; each
 * absence has its positive control (the internal site shows the canary).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { render } from '../helpers/render.ts';
import { tempContent } from '../helpers/content.ts';
import { projectRoot } from '../helpers/build.ts';
import { collectContent } from '../../src/content/load.ts';
import { layoutIds } from '../../src/content/render/headings.ts';

const CANARY = 'CANARY-7f3e';
type Format = 'md' | 'mdx';

/** Renders for both sites and returns what each published (nothing when there are problems). */
function both(body: string, format: Format) {
  const pub = render(body, { format, target: 'public' });
  const int = render(body, { format, target: 'internal' });
  return { pub, int };
}

describe('the one supported form', () => {
  for (const format of ['md', 'mdx'] as const) {
    test(`${format}: a block on its own lines is dropped publicly and shown to agents, Markdown inside included`, () => {
      const { pub, int } = both(
        `Refunds take 5 days.\n\n<Internal>\n${CANARY} **bold** and [a link](../returns/start-a-return.mdx)\n\n- a step\n</Internal>\n\nBye.\n`,
        format,
      );
      expect(pub.problems).toEqual([]);
      expect(pub.html).not.toContain(CANARY);
      expect(pub.html).not.toContain('a step');
      expect(pub.html).toContain('Refunds take 5 days.');
      expect(pub.html).toContain('Bye.');
      expect(pub.links).toEqual([]);
      expect(int.problems).toEqual([]);
      expect(int.html).toContain(CANARY);
      expect(int.html).toMatch(/<aside class="agent-note" data-internal="">[\s\S]*<strong>bold<\/strong>[\s\S]*<li>a step<\/li>[\s\S]*<\/aside>/);
      expect(int.links).toMatchObject([{ route: 'help/returns/start-a-return', inInternal: true }]);
    });

    test(`${format}: a block right after a paragraph line, without a blank line, is still a block`, () => {
      const { pub, int } = both(`Refunds take 5 days.\n<Internal>\n${CANARY}\n</Internal>\nMore public text.\n`, format);
      expect(pub.problems).toEqual([]);
      expect(pub.html).not.toContain(CANARY);
      expect(pub.html).toContain('More public text.');
      expect(int.html).toContain(CANARY);
    });

    test(`${format}: a block indented inside a list item stays in the item`, () => {
      const { pub, int } = both(`1. Open the order.\n\n   <Internal>\n   ${CANARY}\n   </Internal>\n\n2. Refund it.\n`, format);
      expect(pub.problems).toEqual([]);
      expect(pub.html).not.toContain(CANARY);
      expect(pub.html).toContain('Refund it.');
      expect(int.problems).toEqual([]);
      expect(int.html).toMatch(/<li>[\s\S]*<aside class="agent-note"[\s\S]*CANARY-7f3e[\s\S]*<\/aside>[\s\S]*<\/li>/);
    });

    test(`${format}: lines of errors inside a block point at the file line`, () => {
      const { int } = both(`Intro\n\n<Internal>\nText\n\n[broken](#no-such-heading)\n</Internal>\n`, format);
      expect(int.problems).toMatchObject([{ code: 'BrokenLink', line: 10 }]);
    });

    test(`${format}: an empty block is allowed`, () => {
      const { pub, int } = both('A\n\n<Internal>\n</Internal>\n\nB\n', format);
      expect(pub.problems).toEqual([]);
      expect(int.problems).toEqual([]);
      expect(pub.html).toContain('B');
    });
  }
});

describe('every other way of writing it is refused, naming the line', () => {
  const cases: [string, string, number][] = [
    ['split over two paragraphs', `Refunds take 5 days. <Internal>Agents: first part\n\nsecond part ${CANARY}</Internal>\n`, 5],
    ['inside a list item', `- Step <Internal>${CANARY}</Internal>\n`, 5],
    ['split inside a list item', `- Step <Internal>first\n\n  ${CANARY}\n  </Internal>\n`, 5],
    ['inside a block quote', `> <Internal>\n> ${CANARY}\n> </Internal>\n`, 5],
    ['inside a heading', `## Title <Internal>${CANARY}</Internal>\n`, 5],
    ['inside a table cell', `| a | b |\n| - | - |\n| x | <Internal>${CANARY}</Internal> |\n`, 7],
    ['in image alt text', `![<Internal>${CANARY}</Internal>](a.png)\n`, 5],
    ['in link text', `[<Internal>${CANARY}</Internal>](https://example.com)\n`, 5],
    ['in inline code', `Use \`<Internal>\` here ${CANARY}\n`, 5],
    ['in an HTML comment', `<!-- <Internal> ${CANARY} -->\n`, 5],
    ['in lower case', `<internal>\n${CANARY}\n</internal>\n`, 5],
    ['in capitals', `<INTERNAL>\n${CANARY}\n</INTERNAL>\n`, 5],
    ['with a suffix', `<Internal-note>\n${CANARY}\n</Internal-note>\n`, 5],
    ['with a namespace', `<x:Internal>\n${CANARY}\n</x:Internal>\n`, 5],
    ['with an attribute', `<Internal class="x">\n${CANARY}\n</Internal>\n`, 5],
    ['with a space', `< Internal>\n${CANARY}\n</Internal>\n`, 5],
    ['as a self-closing tag', `<Internal />\n${CANARY}\n`, 5],
    ['nested', `<Internal>\nA\n<Internal>\n${CANARY}\n</Internal>\n</Internal>\n`, 7],
    ['closed at another indentation', `- item\n\n  <Internal>\n  ${CANARY}\n</Internal>\n`, 9],
    ['closed without being opened', `${CANARY}\n</Internal>\n`, 6],
    ['never closed', `Intro\n\n<Internal>\n\n${CANARY}\n`, 7],
  ];
  // MDX has no indented code blocks; in Markdown the placeholder would land inside one.
  const mdOnly: [string, string, number][] = [['as an indented code block', `Intro\n\n    <Internal>\n    ${CANARY}\n    </Internal>\n`, 7]];
  for (const format of ['md', 'mdx'] as const) {
    for (const [name, body, line] of format === 'md' ? [...cases, ...mdOnly] : cases) {
      test(`${format}: ${name}`, () => {
        const { pub, int } = both(body, format);
        expect(pub.problems.length, pub.html).toBeGreaterThan(0);
        expect(pub.problems[0]).toMatchObject({ code: expect.stringMatching(/^Internal(Misplaced|Unclosed)$/), line });
        expect(pub.html).not.toContain(CANARY);
        expect(int.problems.map((p) => p.code)).toEqual(pub.problems.map((p) => p.code));
      });
    }
  }

  test('a misspelt opening tag is an error with a hint, not published text', () => {
    const md = render(`<Intrenal>\n${CANARY}\n</Intrenal>\n`, { format: 'md' });
    expect(md.problems[0]).toMatchObject({ code: 'HtmlNotAllowed', line: 5 });
    expect(md.problems[0]!.message).toContain('Did you mean <Internal>?');
    const mdx = render(`<Intrenal>\n${CANARY}\n</Intrenal>\n`, { format: 'mdx' });
    expect(mdx.problems[0]).toMatchObject({ code: 'UnknownComponent', line: 5 });
  });
});

describe('public content cannot dress up as agent material', () => {
  const cases: [string, string][] = [
    ['an aside with data-internal', `<aside data-internal>\n\n${CANARY}\n\n</aside>\n`],
    ['the agent-note class', `<div class="agent-note">${CANARY}</div>\n`],
    ['an internal-banner class', `<p class="internal-banner">${CANARY}</p>\n`],
  ];
  for (const format of ['md', 'mdx'] as const) {
    for (const [name, body] of cases) {
      test(`${format}: ${name} is refused`, () => {
        const r = render(body, { format });
        expect(r.problems).toMatchObject([{ code: 'InternalMisplaced', line: 5 }]);
      });
    }
  }

  test('classes that no component produces are dropped; component classes stay', () => {
    const r = render('<span class="fancy">x</span> <Fact name="withdrawal_days" market="de" />\n');
    expect(r.problems).toEqual([]);
    expect(r.html).not.toContain('fancy');
    expect(r.html).toContain('class="fact"');
  });
});

describe('HTML that would swallow the page', () => {
  for (const tag of ['script', 'textarea', 'style', 'title', 'xmp']) {
    test(`a stray <${tag}> in Markdown is an error naming its line`, () => {
      const r = render(`Intro\n\n<${tag}>\n\nThe rest of the page.\n`, { format: 'md' });
      expect(r.problems).toMatchObject([{ code: 'HtmlNotAllowed', line: 7 }]);
    });
  }
});

describe('heading ids', () => {
  test('a heading never takes an id the layout uses', () => {
    const r = render('## Main\n\n## Toc title\n\n## Contact DE\n\n## Main\n', { format: 'md' });
    expect(r.headings.map((h) => h.id)).toEqual(['main-1', 'toc-title-1', 'contact-de-1', 'main-2']);
  });
});

describe('frontmatter', () => {
  test('an internal tag in a title is refused with the line of the key', () => {
    const root = tempContent('basic', { 'help/en/orders/x.md': `---\ntitle: "Refunds <Internal>${CANARY}</Internal>"\ndescription: D\n---\n\nBody.\n` });
    const { problems } = collectContent(root, 'public');
    expect(problems).toMatchObject([{ code: 'InternalMisplaced', file: 'help/en/orders/x.md', line: 2 }]);
  });
});

describe('the layout ids a heading may not take', () => {
  test('are every static id in the layout and components', () => {
    const files = ['src/components', 'src/layouts', 'src/pages'].flatMap((d) =>
      fs
        .readdirSync(path.join(projectRoot, d), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.astro'))
        .map((f) => path.join(projectRoot, d, f)),
    );
    const ids = new Set(
      files.flatMap((f) =>
        [...fs.readFileSync(f, 'utf8').matchAll(/\bid="([^"]+)"|\bid = '([^']+)'|\? '([a-z-]+-q)' : '([a-z-]+-q)'/g)].flatMap((m) =>
          m.slice(1).filter(Boolean),
        ),
      ),
    );
    expect(ids.size).toBeGreaterThan(10);
    expect([...ids].filter((id) => !layoutIds.includes(id))).toEqual([]);
  });
});
