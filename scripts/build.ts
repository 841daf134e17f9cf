/**
 * `npm run build [public|internal] [--out-dir <dir>] [--jobs 1] [--shard i/n | --merge <dirs>…]`: builds the customer site into
 * dist/public and the agents' site into dist/internal. Each target is built by its own
 * `astro build` process, so the two builds share no memory: no i18n instance, no cache, no search
 * service. On a machine with more than one core the two run side by side (each Astro process is
 * mostly one thread), which takes about 1.5 times one site instead of 2.5 times, for the sum of
 * their peak memory; `--jobs 1` builds one after the other.
 *
 * All or nothing: every requested target is built, indexed and checked in a staging folder beside
 * the output (`dist/.staging-<pid>/<target>`, same file system, so moving it into place is a
 * rename). Only when all of them have passed are the old folders replaced. A failed build deletes
 * its staging folder and leaves the previous output exactly as it was, so a broken SOP can never
 * ship a fresh public site next to a stale agents' site, or the other way round.
 *
 * `SIGNPOST_OUT_DIR` (tests, the benchmark) names the folder of a single target instead; the
 * staging folder then sits beside that folder.
 *
 * `--shard i/n` builds the pages of some languages only (src/build/shard.ts) and writes
 * `shard.json` beside the sites; `--merge <dirs>` joins the shards' output folders into one
 * site (src/build/merge.ts), checked and published the same all-or-nothing way.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentRoot, projectRoot } from '../src/content/root.ts';
import { checkWall } from '../src/security/wall-scan.ts';
import { indexSite } from '../src/search/index-site.ts';
import { loadSite } from '../src/content/site.ts';
import { todayUtc } from '../src/audit/dates.ts';
import { publish } from '../src/build/publish.ts';
import { pruneRenderCache, renderCacheDir } from '../src/build/render-cache.ts';
import { parseShard, type Shard, shardLanguages } from '../src/build/shard.ts';
import { buildFingerprint, MANIFEST, MergeError, mergeTarget, readManifests, writeManifest } from '../src/build/merge.ts';
import { parseCommandLine, usageError } from './args.ts';

export type BuildTarget = 'public' | 'internal';

/**
 * A check of a finished site, run in its staging folder before anything is published; throws to
 * fail the build. `env` is the build's environment (its CONTENT_DIR).
 */
export type PostBuildCheck = (target: BuildTarget, dir: string, env: NodeJS.ProcessEnv) => void | Promise<void>;

/**
 * The checks every build runs on each finished site before publishing it: the wall scan of the
 * public output for agent-only material. `buildSites` takes another list in tests (which is how a
 * test plants a leak behind the renderer's back and sees the scan stop it).
 */
export const postBuildChecks: PostBuildCheck[] = [
  async (target, dir, env) => {
    if (target !== 'public') return;
    const started = performance.now();
    const { runs, files } = await checkWall(contentRoot(env), dir, { parallel: true });
    console.log(`  wall: ${files} public files hold none of ${runs} runs of internal text (${seconds(started)})`);
    addTimings(env, { wall: Math.round(performance.now() - started) });
  },
];

/** Adds phase timings to the benchmark's file (`SIGNPOST_TIMINGS`), when it asks for them. */
function addTimings(env: NodeJS.ProcessEnv, phases: Record<string, number>): void {
  const file = env.SIGNPOST_TIMINGS;
  if (!file) return;
  const timings = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...timings, ...phases }));
}

/** Runs the post-build checks on one finished site, in order; the first that throws fails the build. */
export async function afterBuild(
  target: BuildTarget,
  dir: string,
  checks: readonly PostBuildCheck[] = postBuildChecks,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  for (const check of checks) await check(target, dir, env);
}

/** A build that failed; the previous output was left as it was. */
export class BuildFailed extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'BuildFailed';
    this.exitCode = exitCode;
  }
}

export interface BuildOptions {
  targets: readonly BuildTarget[];
  /** Folder holding one folder per target; default `dist/` of the project. */
  outDir?: string;
  /** Environment of the Astro processes (CONTENT_DIR, SIGNPOST_OUT_DIR, SIGNPOST_TODAY…); default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Post-build checks; default `postBuildChecks`. */
  checks?: readonly PostBuildCheck[];
  /** How many targets build at once; default 2 on a machine with more than one core, else 1. */
  jobs?: number;
  /** Build one shard: the pages of its languages only, with `shard.json` beside the sites. */
  shard?: Shard;
}

const astro = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** A path as the user would type it: relative when under the working directory, else absolute. */
const shown = (p: string) => {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
};
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Runs `astro build` for one target into `dir`; resolves to its exit code. Each process works in a
 * folder of its own: Astro stages page code in `<cwd>/.astro/` when the output is outside the
 * working folder, which two builds side by side would share. `signal` stops it (the other target
 * failed).
 */
function astroBuild(target: BuildTarget, dir: string, env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<number> {
  const dotAstro = path.join(projectRoot, '.astro');
  fs.mkdirSync(dotAstro, { recursive: true });
  const cwd = fs.mkdtempSync(path.join(dotAstro, `build-${target}-`));
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--silent', '--root', projectRoot], {
      cwd,
      stdio: 'inherit',
      signal,
      env: { ...env, SIGNPOST_TARGET: target, SIGNPOST_INDEX: 'later', SIGNPOST_OUT_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    // Stopped before or while it ran: it may end with an error instead of an exit.
    child.on('error', (e) => (signal.aborted ? resolve(1) : reject(e)));
    child.on('exit', (code, sig) => resolve(code ?? (sig ? 1 : 0)));
  }).finally(() => fs.rmSync(cwd, { recursive: true, force: true }));
}

/** Builds, indexes and checks one target in its staging folder; throws `BuildFailed` naming it. */
async function buildTarget(
  target: BuildTarget,
  dir: string,
  env: NodeJS.ProcessEnv,
  checks: readonly PostBuildCheck[],
  signal: AbortSignal,
  shard: Shard | undefined,
): Promise<void> {
  const started = performance.now();
  console.log(`\n▶ Building the ${target} site…`);
  const code = await astroBuild(target, dir, env, signal);
  if (signal.aborted) throw new BuildFailed(`The ${target} build was stopped.`);
  if (code !== 0) throw new BuildFailed(`The ${target} build failed.`, code);
  // The search index is built once Astro's process has ended and released its memory.
  const indexStarted = performance.now();
  const { site } = loadSite(contentRoot(env));
  const stats = await indexSite(dir, site, shardLanguages(site, shard));
  console.log(
    `  ${target} search index: ${stats.pages} pages in ${stats.languages} languages; lexicons: ${stats.lexicon.words} words, ${Math.round(stats.lexicon.bytes / 1024)} KB gzipped in ${stats.lexicon.ms} ms (${seconds(indexStarted)})`,
  );
  addTimings(env, { index: Math.round(performance.now() - indexStarted), lexicon: stats.lexicon.ms });
  await afterBuild(target, dir, checks, env);
  console.log(`✔ ${target} site built and checked in ${seconds(started)}`);
}

/**
 * Builds the targets into a staging folder and, when every one has built and passed its checks,
 * moves them into place. Resolves to the published folder of each target; rejects with
 * `BuildFailed` leaving the output as it was.
 */
export async function buildSites(options: BuildOptions): Promise<Record<string, string>> {
  const { shard } = options;
  // Every shard must render for the same date: fixed here, recorded in shard.json.
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), ...(shard ? { SIGNPOST_SHARD: `${shard.index}/${shard.count}` } : {}) };
  if (shard) env.SIGNPOST_TODAY ??= todayUtc();
  // Each Astro process runs in a folder of its own: a relative cache folder is the user's.
  if (env.SIGNPOST_CACHE_DIR) env.SIGNPOST_CACHE_DIR = path.resolve(env.SIGNPOST_CACHE_DIR);
  const checks = options.checks ?? postBuildChecks;
  const single = env.SIGNPOST_OUT_DIR ? path.resolve(env.SIGNPOST_OUT_DIR) : undefined;
  if (single && options.targets.length > 1)
    throw new BuildFailed('SIGNPOST_OUT_DIR names the folder of one site: build one target at a time, or use --out-dir.', 2);
  if (single && shard) throw new BuildFailed('--shard writes its sites and shard.json into --out-dir; unset SIGNPOST_OUT_DIR.', 2);
  const languages = shard ? shardOf(shard, env) : undefined;
  const root = path.resolve(options.outDir ?? path.join(projectRoot, 'dist'));
  const outs = Object.fromEntries(options.targets.map((t) => [t, single ?? path.join(root, t)]));
  const parent = single ? path.dirname(single) : root;
  const label = single ? shown(single) : `${shown(root)}/`;
  const staging = path.join(parent, `.staging-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });

  const jobs = Math.max(1, options.jobs ?? (os.availableParallelism() > 1 ? 2 : 1));
  const stop = new AbortController();
  // The first failure, in the order they happened; a target stopped because of it is not one.
  let failed: { target: BuildTarget; error: unknown } | undefined;
  try {
    const queue = [...options.targets];
    const worker = async () => {
      for (let target = queue.shift(); target && !failed; target = queue.shift()) {
        try {
          await buildTarget(target, path.join(staging, target), env, checks, stop.signal, shard);
        } catch (error) {
          failed ??= { target, error };
          stop.abort();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, options.targets.length) }, worker));
    if (failed) throw failed.error;
    publish(options.targets.map((t) => ({ from: path.join(staging, t), to: outs[t]!, aside: path.join(staging, `previous-${t}`) })));
    const cache = renderCacheDir(env);
    if (cache) pruneRenderCache(cache);
    if (single) return outs;
    // The folder now holds a shard, or a whole site whose old shard.json would be a lie.
    fs.rmSync(path.join(root, MANIFEST), { force: true });
    if (shard && languages) {
      writeManifest(root, shard, {
        languages,
        targets: [...options.targets],
        today: env.SIGNPOST_TODAY!,
        fingerprint: buildFingerprint(contentRoot(env), env),
      });
      console.log(`  shard ${shard.index}/${shard.count}: ${languages.join(', ')}; join the shards with npm run build -- --merge <dirs>`);
    }
  } catch (e) {
    const reason = e instanceof BuildFailed ? e.message : `The ${failed?.target ?? options.targets[0]} build failed: ${(e as Error).message}`;
    throw new BuildFailed(`${reason} ${label} was left as it was.`, e instanceof BuildFailed ? e.exitCode : 1);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  console.log(`✔ Published ${options.targets.map((t) => shown(outs[t]!)).join(' and ')}.`);
  return outs;
}

/** The language codes of a shard, or `BuildFailed` (exit 2) when the site has fewer languages than shards. */
function shardOf(shard: Shard, env: NodeJS.ProcessEnv): string[] {
  try {
    return shardLanguages(loadSite(contentRoot(env)).site, shard).map((l) => l.code);
  } catch (e) {
    throw new BuildFailed((e as Error).message, 2);
  }
}

export interface MergeOptions {
  /** The output folders of the shards (`--out-dir` of each `--shard` build). */
  dirs: readonly string[];
  /** Folder to hold the joined sites; default `dist/` of the project. */
  outDir?: string;
  env?: NodeJS.ProcessEnv;
  checks?: readonly PostBuildCheck[];
}

/**
 * Joins the shards into `outDir` (src/build/merge.ts), runs the post-build checks on each joined
 * site (the wall scan of the public one) and publishes them all or nothing.
 */
export async function mergeSites(options: MergeOptions): Promise<Record<string, string>> {
  const env = options.env ?? process.env;
  const root = path.resolve(options.outDir ?? path.join(projectRoot, 'dist'));
  const dirs = options.dirs.map((d) => path.resolve(d));
  const staging = path.join(root, `.staging-${process.pid}`);
  const started = performance.now();
  try {
    const manifests = readManifests(dirs);
    const targets = manifests[0]!.targets as BuildTarget[];
    // In shard order, whatever order they were given in.
    const order = dirs
      .map((dir, i) => ({ dir, index: Number(manifests[i]!.shard.split('/')[0]) }))
      .sort((a, b) => a.index - b.index)
      .map((d) => d.dir);
    fs.rmSync(staging, { recursive: true, force: true });
    for (const target of targets) {
      const { files } = mergeTarget(target, order, path.join(staging, target));
      console.log(`  ${target}: ${files} files from ${dirs.length} shards`);
      await afterBuild(target, path.join(staging, target), options.checks ?? postBuildChecks, { ...env, SIGNPOST_TODAY: manifests[0]!.today });
    }
    publish(targets.map((t) => ({ from: path.join(staging, t), to: path.join(root, t), aside: path.join(staging, `previous-${t}`) })));
    fs.rmSync(path.join(root, MANIFEST), { force: true });
    console.log(`✔ Merged ${dirs.length} shards into ${targets.map((t) => shown(path.join(root, t))).join(' and ')} in ${seconds(started)}.`);
    return Object.fromEntries(targets.map((t) => [t, path.join(root, t)]));
  } catch (e) {
    throw new BuildFailed(
      `${e instanceof MergeError ? e.message : `The merge failed: ${(e as Error).message}`} ${shown(root)}/ was left as it was.`,
      e instanceof MergeError ? 2 : 1,
    );
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const usage =
    'Usage: npm run build -- [public|internal] [--out-dir <dir>] [--jobs 1|2] [--shard i/n]\n       npm run build -- --merge <shard dir>… [--out-dir <dir>]';
  const { positionals, values } = parseCommandLine(
    { allowPositionals: true, options: { 'out-dir': { type: 'string' }, jobs: { type: 'string' }, shard: { type: 'string' }, merge: { type: 'boolean' } } },
    usage,
  );
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(jobs === 1 || jobs === 2)) usageError('--jobs takes 1 (one site after the other) or 2 (side by side).', usage);
  const outDir = values['out-dir'];
  if (values.merge && values.shard) usageError('--merge joins shards that --shard built: use one or the other.', usage);
  const unknown = values.merge ? undefined : positionals.find((t) => t !== 'public' && t !== 'internal');
  if (unknown !== undefined) usageError(`Unknown build target "${unknown}". Use public or internal.`, usage);
  const targets: BuildTarget[] = positionals.length ? [...new Set(positionals as BuildTarget[])] : ['public', 'internal'];
  let shard: Shard | undefined;
  try {
    shard = values.shard === undefined ? undefined : parseShard(values.shard);
  } catch (e) {
    usageError((e as Error).message, usage);
  }
  try {
    if (values.merge) await mergeSites({ dirs: positionals, outDir });
    else await buildSites({ targets, outDir, ...(jobs ? { jobs } : {}), ...(shard ? { shard } : {}) });
  } catch (e) {
    if (!(e instanceof BuildFailed)) throw e;
    console.error(`\n✖ ${e.message}`);
    process.exit(e.exitCode);
  }
}
