/** Builds a content root into a temporary folder the same way `npm run build` does. */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp.ts';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const fixture = (name: string) => path.join(projectRoot, 'tests', 'fixtures', name);

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/**
 * Runs `astro build` for one target with `CONTENT_DIR`; never rejects on a failed build.
 *
 * Builds may run at the same time (test files in parallel, several builds in one file). When the
 * output folder is outside the working directory, Astro stages its page code in `<cwd>/.astro/`,
 * which two builds would share (and overwrite each other's chunks). So each build runs in its own
 * working directory: a fresh folder inside the project's `.astro/` (the staged code must sit under
 * the project to resolve its packages), removed afterwards.
 */
export function buildSite(contentDir: string, target: 'public' | 'internal', outDir = tempDir(target), env: Record<string, string> = {}): Promise<BuildResult> {
  const dotAstro = path.join(projectRoot, '.astro');
  fs.mkdirSync(dotAstro, { recursive: true });
  const cwd = fs.mkdtempSync(path.join(dotAstro, 'test-build-'));
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent', '--root', projectRoot], {
    cwd,
    env: { ...process.env, CONTENT_DIR: contentDir, SIGNPOST_TARGET: target, SIGNPOST_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
    timeout: 240_000,
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  return new Promise((resolve) => {
    child.on('close', (status) => {
      fs.rmSync(cwd, { recursive: true, force: true });
      resolve({ status, output, outDir });
    });
  });
}

/** Every file under `dir`, recursively, as absolute paths. */
export function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

export const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

/** Runs `npm run build` (scripts/build.ts) with `args` and `CONTENT_DIR`; never throws on a failed build. */
export function runBuildScript(
  contentDir: string,
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
    timeout: 240_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Relative path → SHA-256 of every file under `dir`, for byte-for-byte comparisons. */
export function hashTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    walk(dir)
      .map((f) => [path.relative(dir, f), crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex')])
      .sort(([a], [b]) => a!.localeCompare(b!)),
  );
}
