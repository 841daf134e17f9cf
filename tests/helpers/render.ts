/** Renders a snippet through the real pipeline with a small site model. */
import path from 'node:path';
import { renderBody } from '../../src/content/render/index.ts';
import { loadSite } from '../../src/content/site.ts';
import { createI18n, translator } from '../../src/i18n/index.ts';
import { loadStrings } from '../../src/content/locales.ts';
import type { Problem } from '../../src/content/errors.ts';
import { fixture } from './build.ts';

const { site } = loadSite(fixture('basic'));
const i18n = createI18n(loadStrings(), 'en');

export function render(body: string, opts: { format?: 'md' | 'mdx'; target?: 'public' | 'internal'; lang?: string; market?: string; file?: string } = {}) {
  const problems: Problem[] = [];
  const file = opts.file ?? `help/${opts.lang ?? 'en'}/orders/test.${opts.format ?? 'mdx'}`;
  const rendered = renderBody(body, opts.format ?? 'mdx', {
    target: opts.target ?? 'public',
    file,
    route: 'help/orders/test',
    lang: opts.lang ?? 'en',
    market: opts.market,
    site,
    t: translator(i18n, opts.lang ?? 'en'),
    bodyLine: 5,
    problems,
  });
  return { ...rendered, problems, file: path.basename(file) };
}

export { site };
