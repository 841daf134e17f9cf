/**
 * How long splitting and parsing the frontmatter of every content file takes: the part of
 * content loading that grows with the number of files whatever their size. Files are read into
 * memory first, so only decoding, splitting and YAML parsing are timed (`readSource`), median of
 * five runs after one warm-up.
 *
 * This figure chose the YAML library (src/content/yaml.ts): on 2 shared cores, the frontmatter
 * blocks of 9,932 generated files took 0.3–0.4 s to parse with js-yaml and 2.1–3.2 s with the
 * `yaml` package; the sample content's 280 files 12–20 ms and 160–215 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readSource } from '../../src/content/frontmatter.ts';

export interface FrontmatterTiming {
  files: number;
  ms: number;
}

/** Times `readSource` over every Markdown and MDX file under the content folders of `root`. */
export function timeFrontmatter(root: string): FrontmatterTiming {
  const files = ['help', 'policies', 'sop', 'culture']
    .filter((dir) => fs.existsSync(path.join(root, dir)))
    .flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true }).map((f) => path.join(dir, String(f))))
    .filter((f) => /\.mdx?$/.test(f))
    .sort();
  const bytes = files.map((f) => fs.readFileSync(path.join(root, f)));
  const runs: number[] = [];
  for (let run = 0; run < 6; run++) {
    const started = performance.now();
    for (let i = 0; i < files.length; i++) readSource(bytes[i]!, files[i]!);
    if (run > 0) runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  return { files: files.length, ms: Math.round(runs[2]!) };
}

/** One line for the console: "frontmatter: 9932 files in 310 ms". */
export const frontmatterLine = (t: FrontmatterTiming) => `frontmatter: ${t.files} files in ${t.ms} ms`;
