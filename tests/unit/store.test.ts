/**
 * The dev server's reload of saved pages (build/store.ts `reloadPages`): what it builds after a
 * save equals a full load of the same files, and a broken page stays an error until fixed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { getBuilt, invalidate, reloadPages } from '../../src/build/store.ts';
import { fixture } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';

const saved = { ...process.env };
afterEach(() => {
  invalidate();
  process.env = { ...saved };
});

/** Every page as the site shows it: route, title and HTML. */
const pages = () => getBuilt().routes.map((r) => ({ path: r.path, title: r.title, html: 'entry' in r ? r.entry.html : '', alternates: r.alternates.length }));

test.each(['public', 'internal'] as const)('%s: after a page, a translation and a new page are saved, the site equals a full load', (target) => {
  const root = tempDir('store');
  fs.cpSync(fixture('basic'), root, { recursive: true });
  Object.assign(process.env, { CONTENT_DIR: root, SIGNPOST_TARGET: target, SIGNPOST_TODAY: '2027-06-01' });
  invalidate();
  pages();
  const write = (rel: string, change: (t: string) => string) => fs.writeFileSync(path.join(root, rel), change(fs.readFileSync(path.join(root, rel), 'utf8')));
  write('help/en/orders/track-your-order.md', (t) =>
    t.replace('title: Track your order', 'title: Track your parcel').replace('## Find your tracking number', '## Where the tracking number is'),
  );
  reloadPages(['help/en/orders/track-your-order.md']);
  const incremental = pages();
  expect(incremental.find((p) => p.path === 'en/help/orders/track-your-order')!.title).toBe('Track your parcel');
  // A German page that falls back to it, and the German translation's anchors to its headings, follow.
  invalidate();
  expect(pages()).toEqual(incremental);

  fs.writeFileSync(path.join(root, 'help/en/orders/new-page.md'), '---\ntitle: A new page\ndescription: Added while the server runs.\n---\n\nText.\n');
  reloadPages(['help/en/orders/new-page.md']);
  const added = pages();
  expect(added.some((p) => p.path === 'de/help/orders/new-page')).toBe(true);
  invalidate();
  expect(pages()).toEqual(added);
});

test('a broken page is an error until it is fixed, and only then', () => {
  const root = tempDir('store');
  fs.cpSync(fixture('basic'), root, { recursive: true });
  Object.assign(process.env, { CONTENT_DIR: root, SIGNPOST_TARGET: 'public' });
  invalidate();
  const before = pages();
  const file = path.join(root, 'help/en/orders/track-your-order.md');
  const good = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, good.replace('title:', 'titel:'));
  reloadPages(['help/en/orders/track-your-order.md']);
  expect(() => getBuilt()).toThrow(/Did you mean `title`/);
  // Another page saved meanwhile: the broken one is still reported.
  reloadPages(['help/en/returns/start-a-return.mdx']);
  expect(() => getBuilt()).toThrow(/track-your-order\.md/);
  fs.writeFileSync(file, good);
  reloadPages(['help/en/orders/track-your-order.md']);
  expect(pages()).toEqual(before);
});
