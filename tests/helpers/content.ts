/** Temporary content roots: a copy of a fixture with files added, changed or removed. */
import fs from 'node:fs';
import path from 'node:path';
import { fixture } from './build.ts';
import { tempDir } from './temp.ts';

export function tempContent(base: string | undefined, files: Record<string, string | Uint8Array | null>): string {
  const root = tempDir('content');
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
