/**
 * `npm run bench -- --pathological`: how long hostile or absurd files take to render or to be
 * refused, per shape and size, up to the 1 MB file limit. Every shape should stay roughly linear
 * in size: a shape whose time grows faster would let one file stall a build. Timings belong here,
 * never in tests (tests/unit/robustness.test.ts checks the outcomes).
 *
 * Each file goes through the real loader (`loadEntries`: frontmatter, nesting limit, Sätteri,
 * components, sanitizer, HTML) against a minimal site, one file at a time, on the public target.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEntries } from '../../src/content/load.ts';
import { loadSite } from '../../src/content/site.ts';
import { createI18n, translator } from '../../src/i18n/index.ts';
import { loadStrings } from '../../src/content/locales.ts';

const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
const staircase = (bytes: number, line: (i: number) => string) => {
  const out: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) size += out[out.push(line(i)) - 1]!.length;
  return out.join('');
};

/** The shapes: a body of about `bytes` bytes each. */
export const shapes: Record<string, { ext: 'md' | 'mdx'; body: (bytes: number) => string }> = {
  'block quotes, one line': { ext: 'md', body: (b) => `${fill('> ', b)}x\n` },
  'block quotes, staircase': { ext: 'md', body: (b) => staircase(b, (i) => `${'>'.repeat(i + 1)} x\n`) },
  'block quotes 30 deep + HTML': { ext: 'md', body: (b) => `<b>x</b>\n\n${fill(`${'> '.repeat(30)}x\n\n`, b)}` },
  'list markers, one line': { ext: 'md', body: (b) => `${fill('- ', b)}x\n` },
  'lists 100 deep per line + HTML': { ext: 'md', body: (b) => `<b>x</b>\n\n${fill(`${'- '.repeat(100)}x\n`, b)}` },
  'lists 30 deep per line + HTML': { ext: 'md', body: (b) => `<b>x</b>\n\n${fill(`${'- '.repeat(30)}x\n`, b)}` },
  'lists, indented staircase': { ext: 'md', body: (b) => staircase(b, (i) => `${'  '.repeat(i)}- x\n`) },
  'nested <div>': { ext: 'md', body: (b) => `${fill('<div>', b / 2)}x${fill('</div>', b / 2)}\n` },
  'unclosed <div>': { ext: 'md', body: (b) => `${fill('<div>', b)}x\n` },
  'nested <details>': { ext: 'md', body: (b) => `${fill('<details><summary>s</summary>\n', b / 2)}x\n${fill('</details>\n', b / 2)}` },
  '<div> 30 deep, repeated': { ext: 'md', body: (b) => fill(`${'<div>'.repeat(30)}x${'</div>'.repeat(30)}\n\n`, b) },
  'many raw HTML blocks': { ext: 'md', body: (b) => fill('<div>x</div>\n\n', b) },
  'inline HTML, nested': { ext: 'md', body: (b) => `a ${fill('<b><i>', b / 2)}x${fill('</i></b>', b / 2)}\n` },
  'long line of <': { ext: 'md', body: (b) => `${fill('<', b)}\n` },
  'long line of [': { ext: 'md', body: (b) => `${fill('[', b)}\n` },
  'images, nested': { ext: 'md', body: (b) => `${fill('![', b / 2)}x${fill('](u)', b / 2)}\n` },
  'emphasis runs': { ext: 'md', body: (b) => `${fill('*a ', b)}\n` },
  'emphasis, nested': { ext: 'md', body: (b) => `${fill('*', b / 2)}a${fill('*', b / 2)}\n` },
  backticks: { ext: 'md', body: (b) => `${fill('`a', b)}\n` },
  'table, many columns': {
    ext: 'md',
    body: (b) => {
      const n = Math.floor(b / 12);
      return `${'| a '.repeat(n)}|\n${'|---'.repeat(n)}|\n${'| b '.repeat(n)}|\n`;
    },
  },
  'table, many rows': { ext: 'md', body: (b) => `| a | b |\n|---|---|\n${fill('| x | y |\n', b)}` },
  'MDX, deep JSX': { ext: 'mdx', body: (b) => `${fill('<Callout>\n', b / 2)}x\n${fill('</Callout>\n', b / 2)}` },
  'MDX, <Callout> 30 deep, repeated': { ext: 'mdx', body: (b) => fill(`${'<Callout>\n'.repeat(30)}x\n${'</Callout>\n'.repeat(30)}\n`, b) },
  'MDX, many components': { ext: 'mdx', body: (b) => fill('<Callout>x</Callout>\n\n', b) },
};

export interface PathologicalRow {
  shape: string;
  /** Per size in KB: seconds, and `ok` or the problem code (`TooComplex@3` with its line). */
  results: { kb: number; seconds: number; outcome: string }[];
}

/** Renders every shape at every size (KB) and returns the timings. */
export function runPathological(sizesKb: number[], onRow?: (row: PathologicalRow) => void): PathologicalRow[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'signpost-pathological-'));
  fs.mkdirSync(path.join(root, 'help/en/orders'), { recursive: true });
  fs.writeFileSync(path.join(root, 'site.yaml'), 'name: Bench\nurl: https://bench.example\nlanguages: [{ code: en }]\ncategories: [{ id: orders }]\n');
  const { site } = loadSite(root);
  const i18n = createI18n(loadStrings(), 'en');
  const t = (lang: string) => translator(i18n, lang);
  const time = (ext: 'md' | 'mdx', body: string) => {
    const file = `help/en/orders/shape.${ext}`;
    fs.writeFileSync(path.join(root, file), `---\ntitle: T\ndescription: D\n---\n\n${body}`);
    const started = performance.now();
    const { problems } = loadEntries(root, [file], 'public', site, t);
    const seconds = (performance.now() - started) / 1000;
    fs.rmSync(path.join(root, file));
    return { seconds, outcome: problems.length ? `${problems[0]!.code}${problems[0]!.line ? `@${problems[0]!.line}` : ''}` : 'ok' };
  };
  time('md', '# Warm-up\n\nSome *text* and <b>HTML</b>.\n');
  time('mdx', '<Callout>Warm-up</Callout>\n');
  const rows: PathologicalRow[] = [];
  try {
    for (const [shape, { ext, body }] of Object.entries(shapes)) {
      const row: PathologicalRow = { shape, results: sizesKb.map((kb) => ({ kb, ...time(ext, body(kb * 1024)) })) };
      rows.push(row);
      onRow?.(row);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

/** A Markdown table: one row per shape, one column per size, "0.12 s ok". */
export function pathologicalTable(rows: PathologicalRow[]): string {
  const sizes = rows[0]?.results.map((r) => r.kb) ?? [];
  const head = `| shape | ${sizes.map((kb) => `${kb} KB`).join(' | ')} |\n| --- | ${sizes.map(() => '---').join(' | ')} |`;
  return `${head}\n${rows.map((r) => `| ${r.shape} | ${r.results.map((x) => `${x.seconds.toFixed(2)} s ${x.outcome}`).join(' | ')} |`).join('\n')}`;
}
