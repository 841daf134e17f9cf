/**
 * All or nothing: `npm run build` publishes every requested site or none, whether the two sites
 * build side by side (the default on a machine with more than one core) or one after the other
 * (`--jobs 1`). Real Astro builds are slow, so this file runs three that finish a site (the
 * published one, the public site before a broken agents' site with --jobs 1, the planted leak);
 * the failures that stop before Astro renders anything are cheap. (The order of the post-build
 * checks needs no build: tests/unit/post-build.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, vi } from 'vitest';
import { BuildFailed, buildSites, postBuildChecks, type BuildTarget } from '../../scripts/build.ts';
import { fixture, hashTree, read, runBuildScript } from '../helpers/build.ts';
import { tempContent } from '../helpers/content.ts';
import { tempDir } from '../helpers/temp.ts';

const out = tempDir('dist');
const staged = () => fs.readdirSync(out).filter((f) => f.startsWith('.staging-'));

test('a successful build replaces dist/<target> only after its checks have seen the finished site', async () => {
  fs.mkdirSync(path.join(out, 'public'));
  fs.writeFileSync(path.join(out, 'public', 'stale.html'), 'an older build');
  fs.mkdirSync(path.join(out, 'internal'));
  fs.writeFileSync(path.join(out, 'internal', 'keep.txt'), "the agents' site of the last run");
  const seen: { target: string; dir: string; hasHome: boolean; published: boolean }[] = [];
  await buildSites({
    targets: ['public'],
    outDir: out,
    env: { ...process.env, CONTENT_DIR: fixture('basic'), SIGNPOST_TODAY: '2026-11-24', NO_COLOR: '1' },
    checks: [
      (target, dir) =>
        void seen.push({
          target,
          dir,
          hasHome: fs.existsSync(path.join(dir, 'en/index.html')),
          published: fs.existsSync(path.join(out, 'public/en/index.html')),
        }),
    ],
  });
  expect(seen).toEqual([{ target: 'public', dir: path.join(out, `.staging-${process.pid}`, 'public'), hasHome: true, published: false }]);
  expect(read(out, 'public/en/index.html')).toContain('<html lang="en"');
  expect(fs.existsSync(path.join(out, 'public/pagefind/pagefind-entry.json'))).toBe(true);
  expect(fs.existsSync(path.join(out, 'public/stale.html'))).toBe(false);
  expect(read(out, 'internal/keep.txt')).toBe("the agents' site of the last run");
  expect(staged()).toEqual([]);
});

const brokenSop = () => tempContent('basic', { 'sop/en/orders/where-is-my-order.mdx': '---\ntitle: Where is my order\n---\n\nNo owner, no review date.\n' });

test('with a broken SOP, npm run build fails and leaves the previous output byte for byte', () => {
  const before = hashTree(out);
  expect(Object.keys(before).length).toBeGreaterThan(20);
  // Both sites side by side (the default on this machine): the agents' site fails, the public build is stopped.
  const r = runBuildScript(brokenSop(), ['--out-dir', out], { SIGNPOST_TODAY: '2026-11-24' });
  expect(r.status).not.toBe(0);
  expect(r.stdout).toContain('▶ Building the public site…');
  expect(r.stdout).toContain('▶ Building the internal site…');
  expect(r.stderr).toContain('sop/en/orders/where-is-my-order.mdx');
  expect(r.stderr).toContain(`The internal build failed. ${out}/ was left as it was.`);
  expect(hashTree(out)).toEqual(before);
  expect(staged()).toEqual([]);
});

test('with --jobs 1 the sites build one after the other: the public site completes, the broken agents’ site still stops the publish', () => {
  const before = hashTree(out);
  const r = runBuildScript(brokenSop(), ['--out-dir', out, '--jobs', '1'], { SIGNPOST_TODAY: '2026-11-24' });
  expect(r.status).not.toBe(0);
  expect(r.stdout).toContain('✔ public site built and checked');
  expect(r.stderr).toContain(`The internal build failed. ${out}/ was left as it was.`);
  expect(hashTree(out)).toEqual(before);
  expect(staged()).toEqual([]);
});

test("when the public build fails, the previous agents' site stays too", async () => {
  const before = hashTree(out);
  const root = tempContent('basic', { 'help/en/orders/track-your-order.md': '---\ntitle: T\n---\n' });
  const log = vi.spyOn(console, 'log');
  try {
    // One after the other: a failed public build means the agents' site is never started.
    const build = buildSites({ targets: ['public', 'internal'], outDir: out, jobs: 1, env: { ...process.env, CONTENT_DIR: root, NO_COLOR: '1' } });
    await expect(build).rejects.toThrow(BuildFailed);
    await expect(build).rejects.toThrow(`The public build failed. ${out}/ was left as it was.`);
    const said = log.mock.calls.map((c) => String(c[0]));
    expect(said).toContain('\n▶ Building the public site…');
    expect(said).not.toContain('\n▶ Building the internal site…');
  } finally {
    log.mockRestore();
  }
  expect(hashTree(out)).toEqual(before);
  expect(staged()).toEqual([]);
});

test('agent-only text that slips past the renderer is caught by the wall scan, and nothing is published', async () => {
  const before = hashTree(out);
  const sentence = 'Agents may offer a goodwill voucher worth one tenth of the order value when a parcel is lost twice.';
  expect(fs.readFileSync(path.join(fixture('basic'), 'sop/en/orders/where-is-my-order.mdx'), 'utf8')).toContain(sentence);
  // A stand-in for any future defect: after the public site is rendered and indexed, an SOP
  // sentence is written into one of its pages, as a bug in a template or a plug-in might.
  const plant = (_target: BuildTarget, dir: string) => {
    const file = path.join(dir, 'en/help/orders/track-your-order/index.html');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('</main>', `<p>${sentence}</p></main>`));
  };
  const build = buildSites({
    targets: ['public'],
    outDir: out,
    env: { ...process.env, CONTENT_DIR: fixture('basic'), SIGNPOST_TODAY: '2026-11-24', NO_COLOR: '1' },
    checks: [plant, ...postBuildChecks],
  });
  await expect(build).rejects.toThrow(
    /en\/help\/orders\/track-your-order\/index\.html: text from sop\/en\/orders\/where-is-my-order\.mdx, "agents may offer a goodwill voucher[\s\S]*was left as it was/,
  );
  expect(hashTree(out)).toEqual(before);
  expect(staged()).toEqual([]);
});
