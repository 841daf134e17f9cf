/** The audit's fast Markdown scan must judge headings and links exactly as the renderer does. */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { collectContent } from '../../src/content/load.ts';
import { projectRoot } from '../helpers/build.ts';
import { render } from '../helpers/render.ts';
import { scanMarkdown } from '../../src/content/render/scan.ts';
import { site } from '../helpers/render.ts';
import { createI18n, translator } from '../../src/i18n/index.ts';
import { loadStrings } from '../../src/content/locales.ts';
import type { Problem } from '../../src/content/errors.ts';

const strip = (e: { headings: { id: string; depth: number }[]; links: { route?: string; anchor?: string; absolute?: string; inInternal: boolean }[] }) => ({
  headings: e.headings.map((h) => `${h.depth} ${h.id}`),
  links: e.links.map((l) => `${l.route ?? l.absolute} ${l.anchor ?? ''} ${l.inInternal}`),
});

describe('fast scan', () => {
  test('gives the same headings and links as the renderer for every Markdown file of the sample', () => {
    const root = path.join(projectRoot, 'content');
    const full = collectContent(root, 'internal', { html: true });
    const fast = collectContent(root, 'internal', { html: false });
    expect(fast.problems).toEqual(full.problems);
    const md = full.content.entries.filter((e) => e.format === 'md');
    expect(md.length).toBeGreaterThan(100);
    const fastByFile = new Map(fast.content.entries.map((e) => [e.file, e]));
    const differ = md.filter((e) => JSON.stringify(strip(e)) !== JSON.stringify(strip(fastByFile.get(e.file)!))).map((e) => e.file);
    expect(differ).toEqual([]);
  });

  test('finds the same broken links, with the same lines, as the renderer', () => {
    const body = '## Kept `code` *and* emphasis\n\n[a](./nope.md)\n\n[ref][r]\n\n[r]: ../returns/missing.md\n\n<a href="#missing">raw</a>\n';
    const rendered = render(body, { format: 'md' });
    const problems: Problem[] = [];
    const i18n = createI18n(loadStrings(), 'en');
    const scanned = scanMarkdown(body, {
      target: 'internal',
      file: 'help/en/orders/test.md',
      route: 'help/orders/test',
      lang: 'en',
      site,
      t: translator(i18n, 'en'),
      bodyLine: 5,
      problems,
    });
    expect(strip(scanned)).toEqual(strip(rendered));
    expect(problems.map((p) => [p.code, p.line])).toEqual(rendered.problems.map((p) => [p.code, p.line]));
  });
});
