/**
 * Temporary folders for tests. Each one made here is removed after its test file
 * (tests/helpers/cleanup.ts), so a run leaves nothing behind in the system's temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A new empty folder `signpost-<prefix>-XXXXXX` under `parent` (the system temp folder by default). */
export function tempDir(prefix: string, parent = os.tmpdir()): string {
  const dir = fs.mkdtempSync(path.join(parent, `signpost-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder made by `tempDir` so far. */
export function removeTemps(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
