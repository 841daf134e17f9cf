/**
 * Sharded builds: `npm run build -- --shard i/n` renders some languages only, and
 * `npm run build -- --merge <dirs>` joins the shards into a site byte-for-byte equal to the
 * unsharded build of the same content (the build project's shared `basic` builds), search index
 * included. The merge refuses shards that do not make one whole build, and leaves the output as it
 * was when it refuses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, inject, test } from 'vitest';
import { BuildFailed, buildSites, mergeSites } from '../../scripts/build.ts';
import { buildFingerprint } from '../../src/build/merge.ts';
import { fixture, hashTree, read, runBuildScript } from '../helpers/build.ts';
import { BASIC_TODAY, CANARIES } from '../helpers/sites.ts';
import { tempContent } from '../helpers/content.ts';
import { tempDir } from '../helpers/temp.ts';

const env = { ...process.env, CONTENT_DIR: fixture('basic'), SIGNPOST_TODAY: BASIC_TODAY, NO_COLOR: '1' };
const work = tempDir('shards');
const shardDir = (i: number) => path.join(work, `shard-${i}`);

beforeAll(async () => {
  // Two shards of the five languages (en, de, ar, ja, zh-cn), one after the other as on one runner each.
  for (const index of [1, 2]) await buildSites({ targets: ['public', 'internal'], outDir: shardDir(index), env, shard: { index, count: 2 } });
}, 240_000);

const manifest = (i: number) => JSON.parse(read(shardDir(i), 'shard.json'));
const pagefindLanguages = (dir: string) => Object.keys(JSON.parse(read(dir, 'pagefind/pagefind-entry.json')).languages);

test('a shard renders its languages only (dealt round-robin in site.yaml order) and says so in shard.json', () => {
  expect(manifest(1)).toMatchObject({ shard: '1/2', languages: ['en', 'ar', 'zh-cn'], targets: ['public', 'internal'], today: BASIC_TODAY });
  expect(manifest(2)).toMatchObject({ shard: '2/2', languages: ['de', 'ja'] });
  expect(manifest(2).fingerprint).toBe(manifest(1).fingerprint);
  const one = path.join(shardDir(1), 'public');
  const two = path.join(shardDir(2), 'public');
  expect(fs.existsSync(path.join(one, 'en/help/orders/track-your-order/index.html'))).toBe(true);
  expect(fs.existsSync(path.join(two, 'en/help/orders/track-your-order/index.html'))).toBe(false);
  expect(fs.existsSync(path.join(two, 'de/help/orders/track-your-order/index.html'))).toBe(true);
  expect(fs.existsSync(path.join(two, 'en'))).toBe(false);
  expect(pagefindLanguages(one)).toEqual(['ar', 'en', 'zh-cn']);
  expect(pagefindLanguages(two)).toEqual(['de', 'ja']);
  expect(fs.readdirSync(path.join(two, 'pagefind/lexicon')).sort()).toEqual(['de.chatter.json', 'de.json', 'ja.chatter.json', 'ja.json']);
  // Site-wide files list every page, whichever shard wrote them.
  expect(read(two, 'sitemap.xml')).toBe(read(one, 'sitemap.xml'));
  expect(read(two, 'sitemap.xml')).toContain('/en/help/orders/track-your-order/');
});

test('the merged shards equal the unsharded build byte for byte, search index and _headers included', async () => {
  const out = tempDir('merged');
  // Given in any order.
  const outs = await mergeSites({ dirs: [shardDir(2), shardDir(1)], outDir: out, env });
  const merged = { public: hashTree(outs.public!), internal: hashTree(outs.internal!) };
  const whole = { public: hashTree(inject('basicPublicDir')), internal: hashTree(inject('basicInternalDir')) };
  expect(Object.keys(merged.public).length).toBeGreaterThan(100);
  expect(merged.public['pagefind/pagefind-entry.json']).toBeDefined();
  expect(merged.public._headers).toBeDefined();
  expect(merged).toEqual(whole);
  expect(pagefindLanguages(outs.public!)).toEqual(['ar', 'de', 'en', 'ja', 'zh-cn']);
  expect(fs.existsSync(path.join(out, 'shard.json'))).toBe(false);
  // The wall holds on the joined site: the canaries are on the agents' site only.
  const all = (dir: string) =>
    Object.keys(hashTree(dir))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
  const pub = all(outs.public!);
  const internal = all(outs.internal!);
  for (const canary of CANARIES) {
    expect(internal).toContain(canary);
    expect(pub).not.toContain(canary);
  }
});

/** A shard's folder copied, to be spoiled. */
function copyOf(i: number): string {
  const dir = tempDir(`shard-copy-${i}`);
  fs.cpSync(shardDir(i), dir, { recursive: true });
  return dir;
}

test('the merge refuses shards that are not one whole build, names why, and leaves the output as it was', () => {
  const out = tempDir('merge-refused');
  fs.mkdirSync(path.join(out, 'public'));
  fs.writeFileSync(path.join(out, 'public', 'index.html'), 'the last good site');
  const before = hashTree(out);
  const merge = (...dirs: string[]) => runBuildScript(fixture('basic'), ['--merge', ...dirs, '--out-dir', out]);

  const missing = merge(shardDir(1));
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('Shard 2/2 is missing: give all 2 shards.');

  const twice = merge(shardDir(1), shardDir(1));
  expect(twice.stderr).toContain('Shard 1/2 is given 2 times.');

  const notAShard = merge(shardDir(1), work);
  expect(notAShard.stderr).toContain(`${work} holds no shard.json`);

  const other = copyOf(2);
  fs.writeFileSync(path.join(other, 'shard.json'), JSON.stringify({ ...manifest(2), fingerprint: 'f'.repeat(64) }));
  expect(merge(shardDir(1), other).stderr).toContain('shards must come from one build');

  const otherDay = copyOf(2);
  fs.writeFileSync(path.join(otherDay, 'shard.json'), JSON.stringify({ ...manifest(2), today: '2027-06-02' }));
  expect(merge(shardDir(1), otherDay).stderr).toContain('set SIGNPOST_TODAY for every shard');

  // A file both shards write, different in one: the merge names it rather than pick one.
  const spoiled = copyOf(2);
  fs.appendFileSync(path.join(spoiled, 'public', 'sitemap.xml'), '<!-- changed -->');
  const differs = merge(shardDir(1), spoiled);
  expect(differs.status).toBe(2);
  expect(differs.stderr).toContain(`public/sitemap.xml differs between ${shardDir(1)} and ${spoiled}`);
  expect(differs.stderr).toContain(`${out}/ was left as it was.`);

  expect(hashTree(out)).toEqual(before);
  expect(fs.readdirSync(out).filter((f) => f.startsWith('.staging-'))).toEqual([]);
});

test('--shard checks its value before building anything', async () => {
  const bad = runBuildScript(fixture('basic'), ['--shard', '3/2']);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('--shard takes i/n with 1 ≤ i ≤ n, such as 2/8');
  const both = runBuildScript(fixture('basic'), ['--shard', '1/2', '--merge', 'a']);
  expect(both.stderr).toContain('use one or the other');
  // More shards than the fixture's five languages.
  const error = await buildSites({ targets: ['public'], outDir: tempDir('too-many'), env, shard: { index: 6, count: 6 } }).catch((e) => e);
  expect(error).toBeInstanceOf(BuildFailed);
  expect(error.message).toContain('the site has 5 languages, and a shard builds whole languages. Use at most 5 shards.');
  expect(error.exitCode).toBe(2);
});

test('the fingerprint changes with the content, so shards of two commits are told apart', () => {
  const a = tempContent('basic', {});
  const b = tempContent('basic', {
    'help/en/orders/track-your-order.md': `${fs.readFileSync(path.join(fixture('basic'), 'help/en/orders/track-your-order.md'), 'utf8')}\nOne more line.\n`,
  });
  expect(buildFingerprint(a, env)).toBe(buildFingerprint(tempContent('basic', {}), env));
  // Inside a git checkout, the commit counts too (the audit reads the history).
  expect(buildFingerprint(fixture('basic'), env)).not.toBe(buildFingerprint(a, env));
  expect(buildFingerprint(b, env)).not.toBe(buildFingerprint(a, env));
  expect(buildFingerprint(a, { ...env, SIGNPOST_COLLECTOR: 'https://collect.example' })).not.toBe(buildFingerprint(a, env));
});
