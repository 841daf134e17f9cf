/** `npm run new` and the JSON Schemas editors use. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../helpers/build.ts';
import { tempContent } from '../helpers/content.ts';
import { loadContent } from '../../src/content/load.ts';
import { jsonSchemas, toJsonSchema } from '../../scripts/schema.ts';

const run = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(projectRoot, 'scripts/new.ts'), ...args], { env: { ...process.env, CONTENT_DIR: root, SIGNPOST_TODAY: '2026-11-24' }, encoding: 'utf8' });

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
    expect(run(root, 'help', 'en', 'Orders/X').stderr).toContain('is not a valid name');
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
