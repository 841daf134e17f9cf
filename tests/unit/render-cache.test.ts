/**
 * The render cache (build/render-cache.ts, content/render/stored.ts): entries loaded through it
 * read the same HTML and Markdown as entries rendered in memory, without holding them; a file is
 * rendered again exactly when its bytes, the site data or the target change; and a cache that
 * lost a body says so instead of publishing an empty page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { collectContent, type Entry, type Target } from '../../src/content/load.ts';
import { diskRenderCache, pruneRenderCache, renderCacheDir } from '../../src/build/render-cache.ts';
import { tempContent } from '../helpers/content.ts';
import { tempDir } from '../helpers/temp.ts';

const load = (root: string, target: Target, dir?: string) => {
  const cache = dir ? diskRenderCache(dir, root, target) : undefined;
  const { content, problems } = collectContent(root, target, cache ? { cache } : {});
  expect(problems).toEqual([]);
  return { entries: content.entries, cache };
};
const bodies = (entries: Entry[]) => Object.fromEntries(entries.map((e) => [e.file, { html: e.html, markdown: e.markdown }]));

describe.each(['public', 'internal'] as const)('%s', (target) => {
  test('entries read through the cache say what entries rendered in memory say, first load and second', () => {
    const root = tempContent('basic', {});
    const dir = tempDir('render-cache');
    const plain = bodies(load(root, target).entries);
    const first = load(root, target, dir);
    expect(first.cache!.misses).toBe(first.entries.length);
    expect(first.cache!.hits).toBe(0);
    // The bodies are not on the entries: they are read when asked for.
    const descriptor = Object.getOwnPropertyDescriptor(first.entries[0]!, 'html')!;
    expect(descriptor.get).toBeTypeOf('function');
    expect(descriptor.value).toBeUndefined();
    expect(bodies(first.entries)).toEqual(plain);
    const second = load(root, target, dir);
    expect(second.cache!.hits).toBe(second.entries.length);
    expect(second.cache!.misses).toBe(0);
    expect(bodies(second.entries)).toEqual(plain);
    expect(Object.values(plain).some((b) => b.html.length > 200 && (b.markdown?.body.length ?? 0) > 100)).toBe(true);
  });
});

test('a saved page is rendered again, and only it; site data renders everything again; so does the other target', () => {
  const root = tempContent('basic', {});
  const dir = tempDir('render-cache');
  const all = load(root, 'public', dir).entries.length;
  const page = path.join(root, 'help/en/orders/track-your-order.md');
  fs.writeFileSync(
    page,
    fs.readFileSync(page, 'utf8').replace('Every order gets a tracking number by email.', 'Every order gets a tracking number by text message.'),
  );
  const saved = load(root, 'public', dir);
  expect(saved.cache!.misses).toBe(1);
  expect(saved.entries.find((e) => e.file === 'help/en/orders/track-your-order.md')!.html).toContain('tracking number by text message');
  // A market fact may be shown on any page.
  const market = path.join(root, 'markets/de.yaml');
  fs.writeFileSync(market, fs.readFileSync(market, 'utf8').replace('withdrawal_days: { value: 14,', 'withdrawal_days: { value: 30,'));
  const facts = load(root, 'public', dir);
  expect(facts.cache!.misses).toBe(all);
  expect(Object.values(bodies(facts.entries)).some((b) => b.html.includes('30'))).toBe(true);
  expect(load(root, 'internal', dir).cache!.hits).toBe(0);
});

test('setting a body (a translation showing its source’s replies) changes that entry only, not the cache', () => {
  const root = tempContent('basic', {});
  const dir = tempDir('render-cache');
  const a = load(root, 'internal', dir).entries[0]!;
  const b = load(root, 'internal', dir).entries[0]!;
  const before = b.html;
  a.html += '<p>added</p>';
  expect(a.html).toBe(`${before}<p>added</p>`);
  expect(b.html).toBe(before);
  expect(load(root, 'internal', dir).entries[0]!.html).toBe(before);
});

test('a body lost during the build is an error naming the way out, never an empty page', () => {
  const root = tempContent('basic', {});
  const dir = tempDir('render-cache');
  const { entries } = load(root, 'public', dir);
  fs.rmSync(dir, { recursive: true });
  expect(() => entries[0]!.html).toThrow(/The render cache lost .*\.body\.json during the build .* SIGNPOST_CACHE=off builds without it\./);
  // With the cache gone, the next load renders again.
  expect(load(root, 'public', dir).cache!.misses).toBe(entries.length);
});

test('pruning removes what no build used for 30 days, at most once a day', () => {
  const root = tempContent('basic', {});
  const dir = tempDir('render-cache');
  const count = load(root, 'public', dir).entries.length;
  const metas = () => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.meta.json'));
  const bodyFiles = () => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.body.json'));
  expect(metas()).toHaveLength(count);
  const day = 86_400_000;
  expect(pruneRenderCache(dir, Date.now() + 29 * day)).toBe(0);
  // A build uses the entries again: they are touched and stay; one is left unused for 40 days.
  load(root, 'public', dir);
  const old = metas()[0]!;
  fs.utimesSync(path.join(dir, old), new Date(Date.now() - 40 * day), new Date(Date.now() - 40 * day));
  // Pruned today already: not again before tomorrow.
  expect(pruneRenderCache(dir)).toBe(0);
  fs.utimesSync(path.join(dir, '.pruned'), new Date(Date.now() - 2 * day), new Date(Date.now() - 2 * day));
  expect(pruneRenderCache(dir)).toBe(1);
  expect(metas()).toHaveLength(count - 1);
  expect(bodyFiles()).toHaveLength(count - 1);
  expect(load(root, 'public', dir).cache!.misses).toBe(1);
});

test('SIGNPOST_CACHE=off builds without the cache; SIGNPOST_CACHE_DIR moves it', () => {
  expect(renderCacheDir({ SIGNPOST_CACHE: 'off' })).toBeUndefined();
  expect(renderCacheDir({ SIGNPOST_CACHE_DIR: '/srv/cache' })).toBe('/srv/cache');
  expect(renderCacheDir({})).toMatch(/\.astro\/cache\/render$/);
});
