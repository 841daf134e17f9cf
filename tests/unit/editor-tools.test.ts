/**
 * `npm run new` and the JSON Schemas editors use. The command runs in this process through its
 * `main`; one test runs it as a real process, to show the script is wired to `main`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { projectRoot } from '../helpers/build.ts';
import { tempContent } from '../helpers/content.ts';
import { loadContent } from '../../src/content/load.ts';
import { jsonSchemas, toJsonSchema } from '../../scripts/schema.ts';
import { main } from '../../scripts/new.ts';

const env = (root: string) => ({ ...process.env, CONTENT_DIR: root, SIGNPOST_TODAY: '2026-11-24' });

afterEach(() => {
  vi.restoreAllMocks();
});

/** The command on `root`, in this process: exit code, and what it printed. */
function run(root: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(console, 'log').mockImplementation((...a) => {
    stdout += `${a.join(' ')}\n`;
  });
  vi.spyOn(console, 'error').mockImplementation((...a) => {
    stderr += `${a.join(' ')}\n`;
  });
  const status = main(args, env(root));
  vi.restoreAllMocks();
  return { status, stdout, stderr };
}

test('npm run new runs as a real process: the file, its name on stdout, exit code 0', () => {
  const root = tempContent('basic', {});
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/new.ts'), 'help', 'en', 'orders/exchange'], { env: env(root), encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('Created help/en/orders/exchange.md\n');
  expect(r.status).toBe(0);
  expect(fs.readFileSync(path.join(root, 'help/en/orders/exchange.md'), 'utf8')).toContain('reviewed: 2026-11-24');
  const bad = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/new.ts'), 'faq', 'en', 'x/y'], { env: env(root), encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('Unknown type "faq".');
});

describe('npm run new', () => {
  test.each([
    ['help', 'de', 'orders/exchange', 'help/de/orders/exchange.md'],
    ['sop', 'en', 'customs/held', 'sop/en/customs/held.mdx'],
    ['policy', 'en', 'us/privacy', 'policies/us/en/privacy.mdx'],
    ['culture', 'en', 'de', 'culture/en/de.md'],
  ])('%s scaffolds a file that loads without problems, dated today', (type, lang, rel, file) => {
    const root = tempContent('basic', { 'culture/en/de.md': null });
    const r = run(root, type, lang, rel);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Created ${file}\n`);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(root, file), 'utf8')).toContain('reviewed: 2026-11-24');
    expect(() => loadContent(root, 'internal')).not.toThrow();
  });

  test('it never overwrites a file', () => {
    const root = tempContent('basic', {});
    const before = fs.readFileSync(path.join(root, 'help/en/orders/track-your-order.md'), 'utf8');
    const r = run(root, 'help', 'en', 'orders/track-your-order');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('already exists; nothing was written.');
    expect(fs.readFileSync(path.join(root, 'help/en/orders/track-your-order.md'), 'utf8')).toBe(before);
  });

  test('a bad type or path is refused with usage', () => {
    const root = tempContent('basic', {});
    expect(run(root, 'faq', 'en', 'x/y').status).toBe(2);
    const badPath = run(root, 'help', 'en', 'Orders/X');
    expect(badPath.status).toBe(2);
    expect(badPath.stderr).toContain('is not a valid name');
    expect(run(root, 'help', 'en').status).toBe(2);
  });
});

describe('JSON Schemas', () => {
  test('the committed schemas match the zod schemas (run npm run schema after changing one)', () => {
    for (const name of Object.keys(jsonSchemas) as (keyof typeof jsonSchemas)[]) {
      const committed = JSON.parse(fs.readFileSync(path.join(projectRoot, 'schemas', `${name}.schema.json`), 'utf8'));
      expect(committed, name).toEqual(JSON.parse(JSON.stringify(toJsonSchema(name))));
    }
  });

  test('frontmatter schemas reject unknown keys and require title and description', () => {
    const help = toJsonSchema('help') as { additionalProperties: boolean; required: string[] };
    expect(help.additionalProperties).toBe(false);
    expect(help.required).toEqual(expect.arrayContaining(['title', 'description']));
  });
});
