/** A build over broken content fails, exits non-zero, names every broken file and publishes nothing. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { tempContent } from '../helpers/content.ts';
import { tempDir } from '../helpers/temp.ts';

const pagesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')) : []);

test('every mistake and attack in a content root is named in one failed build, and nothing is published', async () => {
  // What the JavaScript frontmatter would write if it were ever run.
  const pwned = path.join(tempDir('pwned'), 'pwned');
  const root = tempContent('basic', {
    // Mistakes…
    'help/en/orders/a.md': '---\ntitel: T\ndescription: D\n---\n',
    'help/de/orders/b.mdx': '---\ntitle: T\ndescription: D\n---\n\nimport x from "y"\n',
    'policies/de/en/returns.mdx': '---\ntitle: T\ndescription: D\n---\n',
    // …and attacks.
    'help/en/orders/js.md': `---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(pwned)}, "x"), "T") }\n---\nBody\n`,
    'help/en/orders/bomb.md':
      '---\ntitle: T\ndescription: D\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\ntags: [*b, *b, *b, *b, *b, *b, *b, *b]\n---\n',
    'help/en/orders/code.mdx': '---\ntitle: T\ndescription: D\n---\n\nexport const x = 1\n\n{process.env.HOME}\n',
    'help/en/orders/leak.md': '---\ntitle: T\ndescription: D\n---\n\n<Internal>\nagent-only text that never ends\n',
    'help/en/orders/binary.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]),
    'help/en/orders/link.md': '---\ntitle: T\ndescription: D\n---\n\n[SOP](../../../sop/en/orders/where-is-my-order.mdx)\n',
  });
  const result = await buildSite(root, 'public');
  expect(result.status).not.toBe(0);
  for (const expected of [
    'help/en/orders/a.md:2  UnknownKey',
    'Did you mean `title`?',
    'help/de/orders/b.mdx:6  MdxCode',
    'policies/de/en/returns.mdx',
    '`owner` is required.',
    'help/en/orders/js.md:1  FrontmatterEngine',
    'help/en/orders/bomb.md:5  YamlAlias',
    'help/en/orders/code.mdx:6  MdxCode',
    'help/en/orders/code.mdx:8  MdxCode',
    'help/en/orders/leak.md:6  InternalUnclosed',
    'help/en/orders/binary.md  InvalidUtf8',
    'help/en/orders/link.md:6  InternalLink',
  ])
    expect(result.output).toContain(expected);
  expect(fs.existsSync(pwned)).toBe(false);
  expect(pagesIn(result.outDir)).toEqual([]);
});

test('another content root builds with its own languages and markets, no code changes', async () => {
  const root = tempContent(undefined, {
    'site.yaml': 'name: Other Shop\ndefault_language: fr\n',
    'markets/be.yaml': 'languages: [fr, nl]\ncurrency: EUR\ntime_zone: Europe/Brussels\n',
    'help/fr/livraison/delais.md': '---\ntitle: Délais de livraison\ndescription: Combien de temps.\n---\n\nDeux jours.\n',
    'help/nl/livraison/delais.md': '---\ntitle: Levertijden\ndescription: Hoe lang.\n---\n\nTwee dagen.\n',
  });
  const result = await buildSite(root, 'public');
  expect(result.status, result.output).toBe(0);
  const page = fs.readFileSync(path.join(result.outDir, 'nl/help/livraison/delais/index.html'), 'utf8');
  expect(page).toMatch(/<html lang="nl"/);
  expect(page).toContain('Levertijden');
  expect(fs.readFileSync(path.join(result.outDir, 'fr/markets/be/index.html'), 'utf8')).toContain('Belgique');
  // Control for the failed build above: a good content root does publish pages.
  expect(pagesIn(result.outDir).length).toBeGreaterThan(5);
});

test('npm run build with broken content leaves the previous output (SIGNPOST_OUT_DIR) as it was', () => {
  const root = tempContent('basic', { 'help/en/orders/a.md': '---\ntitle: T\n---\n' });
  const parent = tempDir('out');
  const out = path.join(parent, 'site');
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, 'index.html'), 'an older build');
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), 'public'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: root, SIGNPOST_OUT_DIR: out },
  });
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain('The public build failed.');
  expect(r.stderr).toContain('was left as it was.');
  expect(fs.readdirSync(parent)).toEqual(['site']);
  expect(fs.readdirSync(out)).toEqual(['index.html']);
  expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('an older build');
});
