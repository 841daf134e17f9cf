/** Temporary content roots: a copy of a fixture with files added, changed or removed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixture } from './build.ts';

export function tempContent(base: string | undefined, files: Record<string, string | Uint8Array | null>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'signpost-content-'));
  if (base) fs.cpSync(fixture(base), root, { recursive: true });
  for (const [rel, data] of Object.entries(files)) {
    const file = path.join(root, rel);
    if (data === null) {
      fs.rmSync(file, { force: true });
      continue;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }
  return root;
}
