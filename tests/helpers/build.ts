/** Builds a content root into a temporary folder the same way `npm run build` does. */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const fixture = (name: string) => path.join(projectRoot, 'tests', 'fixtures', name);

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/** Runs `astro build` for one target with `CONTENT_DIR`; never throws on a failed build. */
export function buildSite(contentDir: string, target: 'public' | 'internal', outDir = fs.mkdtempSync(path.join(os.tmpdir(), `signpost-${target}-`)), env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir, SIGNPOST_TARGET: target, SIGNPOST_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** Every file under `dir`, recursively, as absolute paths. */
export function walk(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

export const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

/** Runs `npm run build` (scripts/build.ts) with `args` and `CONTENT_DIR`; never throws on a failed build. */
export function runBuildScript(contentDir: string, args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
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
  return Object.fromEntries(walk(dir).map((f) => [path.relative(dir, f), crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex')]).sort(([a], [b]) => a!.localeCompare(b!)));
}
