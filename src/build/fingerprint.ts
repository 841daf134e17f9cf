/** Hashes of what a build's output depends on: Signpost's own code, and the files of a folder. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../content/root.ts';

/** Files (relative paths, sorted) under `dir`, leaving out dot-files and dot-folders such as `.git`. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => !rel.split(path.sep).some((part) => part.startsWith('.')) && fs.statSync(path.join(dir, rel)).isFile())
    .sort();
}

/** Adds each file's name and bytes to `hash`. */
export function hashFiles(hash: crypto.Hash, base: string, files: readonly string[], label = ''): crypto.Hash {
  for (const rel of files)
    hash
      .update(`${label}${rel}\0`)
      .update(fs.readFileSync(path.join(base, rel)))
      .update('\0');
  return hash;
}

let code: string | undefined;
/**
 * Signpost's code as it renders: src/, the UI strings, the Astro config, the locked dependencies
 * and Node's version (dates and numbers are formatted by its ICU data). Once per process.
 */
export function codeFingerprint(): string {
  if (code) return code;
  const hash = crypto.createHash('sha256').update(`node\0${process.version}\0`);
  for (const part of ['src', 'locales']) hashFiles(hash, path.join(projectRoot, part), filesUnder(path.join(projectRoot, part)), `${part}/`);
  hashFiles(
    hash,
    projectRoot,
    ['astro.config.mjs', 'package-lock.json'].filter((f) => fs.existsSync(path.join(projectRoot, f))),
  );
  code = hash.digest('hex');
  return code;
}
