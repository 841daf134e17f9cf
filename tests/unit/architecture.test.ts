/**
 * Dependencies flow one way (docs/architecture.md): a module may import from its own layer or a
 * lower one, never a higher one. Browser code imports only browser code and src/shared/ (pure
 * functions both sides run, such as redaction).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../helpers/build.ts';

/** Layers, lowest first. A folder of src/ not listed here fails the test until it is placed. */
const layers: string[][] = [
  ['shared', 'schemas', 'i18n'],
  ['content'],
  ['audit', 'collector', 'translations', 'changes', 'import'],
  ['search', 'security', 'build', 'exports'],
  ['integration'],
  ['components', 'layouts'],
  ['pages'],
];
const rank = new Map(layers.flatMap((folders, i) => folders.map((f) => [f, i] as const)));

/** Every `import … from '…'` and dynamic `import('…')` of a relative module in a file. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => path.resolve(path.dirname(file), m[1]!));
}

const src = path.join(projectRoot, 'src');
const files = fs
  .readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|astro)$/.test(f))
  .map((f) => path.join(src, f));
const folderOf = (file: string) => path.relative(src, file).split(path.sep)[0]!;

/** The imports of `file` that go to a higher layer, as `from → to`. */
function wrongWay(file: string, imports: string[]): string[] {
  const from = folderOf(file);
  if (from === 'browser' || from === 'shared') return [];
  return imports
    .filter((target) => target.startsWith(src) && rank.get(folderOf(target))! > rank.get(from)!)
    .map((target) => `${path.relative(projectRoot, file)} → ${path.relative(projectRoot, target)}`);
}

describe('architecture', () => {
  test('every folder of src/ has a place in the layers (or is browser code or styles)', () => {
    const folders = new Set(files.map(folderOf));
    expect([...folders].filter((f) => !rank.has(f) && f !== 'browser')).toEqual([]);
  });

  test('no module imports from a layer above its own', () => {
    expect(files.flatMap((file) => wrongWay(file, importsOf(file)))).toEqual([]);
  });

  test('browser code imports only browser code, and server code never imports browser code except to ship it', () => {
    const browser = files.filter((f) => folderOf(f) === 'browser');
    expect(browser.length).toBeGreaterThan(3);
    const out = browser.flatMap((f) =>
      importsOf(f)
        .filter((t) => folderOf(t) !== 'browser' && folderOf(t) !== 'shared')
        .map((t) => `${path.relative(projectRoot, f)} → ${path.relative(projectRoot, t)}`),
    );
    expect(out).toEqual([]);
    // Shared code runs on both sides: it imports nothing but itself (no DOM, no Node, no zod).
    const shared = files.filter((f) => folderOf(f) === 'shared');
    expect(shared.flatMap((f) => importsOf(f).filter((t) => folderOf(t) !== 'shared'))).toEqual([]);
    expect(shared.filter((f) => /from '(node:|astro)/.test(fs.readFileSync(f, 'utf8')))).toEqual([]);
    const serverTs = files.filter((f) => f.endsWith('.ts') && folderOf(f) !== 'browser');
    expect(
      serverTs.flatMap((f) =>
        importsOf(f)
          .filter((t) => folderOf(t) === 'browser')
          .map(() => path.relative(projectRoot, f)),
      ),
    ).toEqual([]);
  });

  test('the check sees a wrong-way import (positive control)', () => {
    const file = path.join(src, 'content/load.ts');
    const real = importsOf(file);
    expect(real.some((t) => folderOf(t) === 'schemas')).toBe(true);
    expect(wrongWay(file, real)).toEqual([]);
    expect(wrongWay(file, [...real, path.join(src, 'audit/index.ts')])).toEqual(['src/content/load.ts → src/audit/index.ts']);
  });
});
