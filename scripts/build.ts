/**
 * `npm run build [public|internal] [--out-dir <dir>]`: builds the customer site into
 * dist/public and the agents' site into dist/internal. Each target is built by its own
 * `astro build` process, so the two builds share no memory: no i18n instance, no cache, no search
 * service.
 *
 * All or nothing: every requested target is built, indexed and checked in a staging folder beside
 * the output (`dist/.staging-<pid>/<target>`, same file system, so moving it into place is a
 * rename). Only when all of them have passed are the old folders replaced. A failed build deletes
 * its staging folder and leaves the previous output exactly as it was, so a broken SOP can never
 * ship a fresh public site next to a stale agents' site, or the other way round.
 *
 * `SIGNPOST_OUT_DIR` (tests, the benchmark) names the folder of a single target instead; the
 * staging folder then sits beside that folder.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { contentRoot, projectRoot } from '../src/content/root.ts';
import { checkWall } from '../src/security/wall-scan.ts';
import { indexSite } from '../src/search/index-site.ts';
import { loadSite } from '../src/content/site.ts';
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
    if (env.SIGNPOST_TIMINGS) {
      const timings = JSON.parse(fs.readFileSync(env.SIGNPOST_TIMINGS, 'utf8')) as Record<string, number>;
      fs.writeFileSync(env.SIGNPOST_TIMINGS, JSON.stringify({ ...timings, wall: Math.round(performance.now() - started) }));
    }
  },
];

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
}

const astro = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** A path as the user would type it: relative when under the working directory, else absolute. */
const shown = (p: string) => {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
};
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs `astro build` for one target into `dir`; resolves to its exit code. */
function astroBuild(target: BuildTarget, dir: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--silent'], {
      cwd: projectRoot,
      stdio: 'inherit',
      env: { ...env, SIGNPOST_TARGET: target, SIGNPOST_INDEX: 'later', SIGNPOST_OUT_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Builds the targets into a staging folder and, when every one has built and passed its checks,
 * moves them into place. Resolves to the published folder of each target; rejects with
 * `BuildFailed` leaving the output as it was.
 */
export async function buildSites(options: BuildOptions): Promise<Record<string, string>> {
  const env = options.env ?? process.env;
  const checks = options.checks ?? postBuildChecks;
  const single = env.SIGNPOST_OUT_DIR ? path.resolve(env.SIGNPOST_OUT_DIR) : undefined;
  if (single && options.targets.length > 1)
    throw new BuildFailed('SIGNPOST_OUT_DIR names the folder of one site: build one target at a time, or use --out-dir.', 2);
  const root = path.resolve(options.outDir ?? path.join(projectRoot, 'dist'));
  const outs = Object.fromEntries(options.targets.map((t) => [t, single ?? path.join(root, t)]));
  const parent = single ? path.dirname(single) : root;
  const label = single ? shown(single) : `${shown(root)}/`;
  const staging = path.join(parent, `.staging-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });

  let current: BuildTarget = options.targets[0]!;
  try {
    for (const target of options.targets) {
      current = target;
      const started = performance.now();
      const dir = path.join(staging, target);
      console.log(`\n▶ Building the ${target} site…`);
      const code = await astroBuild(target, dir, env);
      if (code !== 0) throw new BuildFailed(`The ${target} build failed.`, code);
      // The search index is built once Astro's process has ended and released its memory.
      const indexStarted = performance.now();
      const { site } = loadSite(contentRoot(env));
      const stats = await indexSite(dir, site);
      console.log(
        `  search index: ${stats.pages} pages in ${stats.languages} languages; lexicons: ${stats.lexicon.words} words, ${Math.round(stats.lexicon.bytes / 1024)} KB gzipped in ${stats.lexicon.ms} ms (${seconds(indexStarted)})`,
      );
      if (env.SIGNPOST_TIMINGS) {
        const timings = JSON.parse(fs.readFileSync(env.SIGNPOST_TIMINGS, 'utf8')) as Record<string, number>;
        fs.writeFileSync(env.SIGNPOST_TIMINGS, JSON.stringify({ ...timings, index: Math.round(performance.now() - indexStarted), lexicon: stats.lexicon.ms }));
      }
      await afterBuild(target, dir, checks, env);
      console.log(`✔ ${target} site built and checked in ${seconds(started)}`);
    }
    publish(options.targets.map((t) => ({ from: path.join(staging, t), to: outs[t]!, aside: path.join(staging, `previous-${t}`) })));
  } catch (e) {
    const reason = e instanceof BuildFailed ? e.message : `The ${current} build failed: ${(e as Error).message}`;
    throw new BuildFailed(`${reason} ${label} was left as it was.`, e instanceof BuildFailed ? e.exitCode : 1);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  console.log(`✔ Published ${options.targets.map((t) => shown(outs[t]!)).join(' and ')}.`);
  return outs;
}

/**
 * Moves each staged site into place: the old folder aside, the new one in. Node has no atomic
 * exchange of two folders, so for a moment between the two renames a target folder is absent;
 * if any rename fails, every step taken is undone.
 */
function publish(moves: { from: string; to: string; aside: string }[]): void {
  const done: { from: string; to: string; aside?: string; placed: boolean }[] = [];
  try {
    for (const m of moves) {
      const step = { from: m.from, to: m.to, aside: undefined as string | undefined, placed: false };
      done.push(step);
      if (fs.existsSync(m.to)) {
        fs.renameSync(m.to, m.aside);
        step.aside = m.aside;
      }
      fs.renameSync(m.from, m.to);
      step.placed = true;
    }
  } catch (e) {
    for (const step of done.reverse()) {
      if (step.placed) fs.renameSync(step.to, step.from);
      if (step.aside) fs.renameSync(step.aside, step.to);
    }
    throw e;
  }
}

if (import.meta.main) {
  const usage = 'Usage: npm run build -- [public|internal] [--out-dir <dir>]';
  const { positionals, values } = parseCommandLine({ allowPositionals: true, options: { 'out-dir': { type: 'string' } } }, usage);
  const unknown = positionals.find((t) => t !== 'public' && t !== 'internal');
  if (unknown !== undefined) usageError(`Unknown build target "${unknown}". Use public or internal.`, usage);
  const targets: BuildTarget[] = positionals.length ? [...new Set(positionals as BuildTarget[])] : ['public', 'internal'];
  const outDir = values['out-dir'];
  try {
    await buildSites({ targets, outDir });
  } catch (e) {
    if (!(e instanceof BuildFailed)) throw e;
    console.error(`\n✖ ${e.message}`);
    process.exit(e.exitCode);
  }
}
