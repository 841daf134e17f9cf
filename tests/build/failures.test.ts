/** A build over broken content fails, exits non-zero, names every broken file and publishes nothing. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { tempContent } from '../helpers/content.ts';

test('a build with several broken files lists them all and writes no pages', () => {
  const root = tempContent('basic', {
    'help/en/orders/a.md': '---\ntitel: T\ndescription: D\n---\n',
    'help/de/orders/b.mdx': '---\ntitle: T\ndescription: D\n---\n\nimport x from "y"\n',
    'policies/de/en/returns.mdx': '---\ntitle: T\ndescription: D\n---\n',
  });
  const result = buildSite(root, 'public');
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('help/en/orders/a.md:2  UnknownKey');
  expect(result.output).toContain('Did you mean `title`?');
  expect(result.output).toContain('help/de/orders/b.mdx:6  MdxCode');
  expect(result.output).toContain('policies/de/en/returns.mdx');
  expect(result.output).toContain('`owner` is required.');
  const pages = fs.existsSync(result.outDir) ? fs.readdirSync(result.outDir, { recursive: true }).filter((f) => String(f).endsWith('.html')) : [];
  expect(pages).toEqual([]);
});

test('another content root builds with its own languages and markets, no code changes', () => {
  const root = tempContent(undefined, {
    'site.yaml': 'name: Other Shop\ndefault_language: fr\n',
    'markets/be.yaml': 'languages: [fr, nl]\ncurrency: EUR\ntime_zone: Europe/Brussels\n',
    'help/fr/livraison/delais.md': '---\ntitle: Délais de livraison\ndescription: Combien de temps.\n---\n\nDeux jours.\n',
    'help/nl/livraison/delais.md': '---\ntitle: Levertijden\ndescription: Hoe lang.\n---\n\nTwee dagen.\n',
  });
  const result = buildSite(root, 'public');
  expect(result.status, result.output).toBe(0);
  const page = fs.readFileSync(path.join(result.outDir, 'nl/help/livraison/delais/index.html'), 'utf8');
  expect(page).toMatch(/<html lang="nl"/);
  expect(page).toContain('Levertijden');
  expect(fs.readFileSync(path.join(result.outDir, 'fr/markets/be/index.html'), 'utf8')).toContain('Belgique');
});

test('npm run build with broken content leaves the previous output (SIGNPOST_OUT_DIR) as it was', () => {
  const root = tempContent('basic', { 'help/en/orders/a.md': '---\ntitle: T\n---\n' });
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'signpost-out-'));
  const out = path.join(parent, 'site');
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, 'index.html'), 'an older build');
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), 'public'], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: root, SIGNPOST_OUT_DIR: out } });
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain('The public build failed.');
  expect(r.stderr).toContain('was left as it was.');
  expect(fs.readdirSync(parent)).toEqual(['site']);
  expect(fs.readdirSync(out)).toEqual(['index.html']);
  expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('an older build');
  fs.rmSync(parent, { recursive: true, force: true });
  fs.rmSync(root, { recursive: true, force: true });
});

test('each attack and kind of bad input is named in one failed build, and nothing is published', () => {
  const root = tempContent('basic', {
    'help/en/orders/js.md': '---js\n{ title: (require("fs").writeFileSync("/tmp/signpost-pwned", "x"), "T") }\n---\nBody\n',
    'help/en/orders/bomb.md': '---\ntitle: T\ndescription: D\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\ntags: [*b, *b, *b, *b, *b, *b, *b, *b]\n---\n',
    'help/en/orders/code.mdx': '---\ntitle: T\ndescription: D\n---\n\nexport const x = 1\n\n{process.env.HOME}\n',
    'help/en/orders/leak.md': '---\ntitle: T\ndescription: D\n---\n\n<Internal>\nagent-only text that never ends\n',
    'help/en/orders/binary.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]),
    'help/en/orders/link.md': '---\ntitle: T\ndescription: D\n---\n\n[SOP](../../../sop/en/orders/where-is-my-order.mdx)\n',
  });
  fs.rmSync('/tmp/signpost-pwned', { force: true });
  const result = buildSite(root, 'public');
  expect(result.status).not.toBe(0);
  for (const expected of [
    'help/en/orders/js.md:1  FrontmatterEngine',
    'help/en/orders/bomb.md:5  YamlAlias',
    'help/en/orders/code.mdx:6  MdxCode',
    'help/en/orders/code.mdx:8  MdxCode',
    'help/en/orders/leak.md:6  InternalUnclosed',
    'help/en/orders/binary.md  InvalidUtf8',
    'help/en/orders/link.md:6  InternalLink',
  ]) expect(result.output).toContain(expected);
  expect(fs.existsSync('/tmp/signpost-pwned')).toBe(false);
  const pages = fs.existsSync(result.outDir) ? fs.readdirSync(result.outDir, { recursive: true }).filter((f) => String(f).endsWith('.html')) : [];
  expect(pages).toEqual([]);
});
