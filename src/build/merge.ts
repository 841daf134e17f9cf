/**
 * Joining the shards of a sharded build (shard.ts) into one site: `npm run build -- --merge <dirs>`.
 *
 * Each shard's output folder holds `public/`, `internal/` and `shard.json`, the manifest written
 * here: which shard it is, its languages and targets, the audit date and a fingerprint of the code
 * and content it was built from. The merge refuses shards that do not make one whole build (one
 * missing or given twice, another fingerprint or date), then copies every file; a file two shards
 * both wrote (the sitemap, the root page, the assets) must be the same bytes in both. Two files are
 * made again over the joined site:
 * - `pagefind/pagefind-entry.json`, Pagefind's catalogue of its per-language indexes. Pagefind
 *   writes each language's index on its own, under content-hashed names, so joining the shards'
 *   catalogues is the index of the whole site (search.test proves it equals an unsharded build's);
 * - `_headers`, whose policy lists the script and style hashes of every page.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { codeFingerprint, filesUnder, hashFiles } from './fingerprint.ts';
import { joinPagefindEntries, type PagefindEntry } from '../search/index-site.ts';
import { writeHeaders } from './site-files.ts';
import type { Shard } from './shard.ts';

export const MANIFEST = 'shard.json';

export interface ShardManifest {
  shard: string;
  languages: string[];
  targets: string[];
  /** The audit date the shard was built for: the review banners and the Content health page depend on it. */
  today: string;
  /** SHA-256 over the code, the content root and the collector settings. */
  fingerprint: string;
}

/**
 * What a build's output depends on besides the date: the code, the content, the content's git
 * history as far as the checkout has it (the audit dates translations by it: a shallow clone
 * in one shard would mark other pages stale), and the collector settings.
 */
export function buildFingerprint(content: string, env: NodeJS.ProcessEnv): string {
  const hash = crypto.createHash('sha256');
  const git = (...args: string[]) => spawnSync('git', ['-C', content, ...args], { encoding: 'utf8' }).stdout ?? '';
  hash.update(`git\0${git('rev-parse', 'HEAD').trim()}\0${git('rev-parse', '--is-shallow-repository').trim()}\0`);
  hash.update(`code\0${codeFingerprint()}\0`);
  hashFiles(hash, content, filesUnder(content), 'content/');
  hash.update(`collector\0${env.SIGNPOST_COLLECTOR ?? ''}\0`);
  if (env.SIGNPOST_COLLECTOR_DB && fs.existsSync(env.SIGNPOST_COLLECTOR_DB)) hash.update(fs.readFileSync(env.SIGNPOST_COLLECTOR_DB));
  return hash.digest('hex');
}

export function writeManifest(dir: string, shard: Shard, manifest: Omit<ShardManifest, 'shard'>): void {
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify({ shard: `${shard.index}/${shard.count}`, ...manifest }, null, 2)}\n`);
}

/** A merge that cannot make one whole site; nothing was published. */
export class MergeError extends Error {
  override name = 'MergeError';
}

/** Reads the manifests of `dirs` and checks they are every shard of one build, once each. */
export function readManifests(dirs: readonly string[]): ShardManifest[] {
  if (!dirs.length) throw new MergeError('--merge needs the output folders of the shards (each holds shard.json).');
  const manifests = dirs.map((dir) => {
    const file = path.join(dir, MANIFEST);
    if (!fs.existsSync(file)) throw new MergeError(`${dir} holds no ${MANIFEST}: give the --out-dir of each \`npm run build -- --shard i/n\`.`);
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ShardManifest;
  });
  const first = manifests[0]!;
  const count = Number(first.shard.split('/')[1]);
  manifests.forEach((m, i) => {
    const differs = (what: string, a: unknown, b: unknown) =>
      new MergeError(
        `${dirs[i]} was built ${what} ${JSON.stringify(b)}, ${dirs[0]} ${what} ${JSON.stringify(a)}: shards must come from one build. Build them again from the same commit.`,
      );
    if (Number(m.shard.split('/')[1]) !== count) throw differs('as shard', first.shard, m.shard);
    if (m.fingerprint !== first.fingerprint) throw differs('from code and content', first.fingerprint.slice(0, 12), m.fingerprint.slice(0, 12));
    if (m.today !== first.today)
      throw new MergeError(`${dirs[i]} was built for ${m.today}, ${dirs[0]} for ${first.today}: set SIGNPOST_TODAY for every shard.`);
    if (m.targets.join() !== first.targets.join()) throw differs('with the sites', first.targets, m.targets);
  });
  for (let i = 1; i <= count; i++) {
    const found = manifests.filter((m) => m.shard === `${i}/${count}`).length;
    if (found !== 1) throw new MergeError(found ? `Shard ${i}/${count} is given ${found} times.` : `Shard ${i}/${count} is missing: give all ${count} shards.`);
  }
  return manifests;
}

const ENTRY = path.join('pagefind', 'pagefind-entry.json');
/** Files the merge writes itself rather than copies. */
const REMADE = new Set([ENTRY, '_headers']);

/**
 * Copies one target's folder of every shard into `into` (which must not exist) and writes the
 * joined files; throws `MergeError` naming a file two shards wrote differently.
 */
export function mergeTarget(target: string, shardDirs: readonly string[], into: string): { files: number } {
  const owner = new Map<string, string>();
  const entries: PagefindEntry[] = [];
  for (const shardDir of shardDirs) {
    const from = path.join(shardDir, target);
    if (!fs.existsSync(from)) throw new MergeError(`${shardDir} has no ${target}/ folder.`);
    for (const rel of filesUnder(from)) {
      const src = path.join(from, rel);
      const dest = path.join(into, rel);
      if (rel === ENTRY) entries.push(JSON.parse(fs.readFileSync(src, 'utf8')) as PagefindEntry);
      if (REMADE.has(rel)) continue;
      const first = owner.get(rel);
      if (first !== undefined) {
        if (!fs.readFileSync(src).equals(fs.readFileSync(dest)))
          throw new MergeError(`${target}/${rel} differs between ${first} and ${shardDir}; a file both shards write must be the same.`);
        continue;
      }
      owner.set(rel, shardDir);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(src, dest);
    }
  }
  if (entries.length) fs.writeFileSync(path.join(into, ENTRY), joinPagefindEntries(entries));
  writeHeaders(into, target === 'internal');
  return { files: owner.size };
}
