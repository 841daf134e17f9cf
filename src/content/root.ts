/** Where the content lives: `CONTENT_DIR` (absolute, or relative to the working directory) or `content/`. */
import path from 'node:path';
import fs from 'node:fs';

/**
 * The project folder. Bundled page code cannot find it from its own URL, so the Astro config
 * records it in `SIGNPOST_PROJECT_ROOT` before anything is bundled.
 */
export const projectRoot = process.env.SIGNPOST_PROJECT_ROOT ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** The content root, links resolved; throws with a message saying how to fix it when it is not a folder. */
export function contentRoot(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.CONTENT_DIR ? path.resolve(env.CONTENT_DIR) : path.join(projectRoot, 'content');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`The content root ${dir} does not exist. Set CONTENT_DIR to a folder with help/, policies/ and site.yaml, or unset it to use content/.`);
  }
  // The root may itself be a link (CONTENT_DIR=/srv/current): resolve it once, here. Below it,
  // links are refused (tree.ts).
  return fs.realpathSync(dir);
}

/** For command-line scripts: the content root, or a clear message and exit code 2. */
export function contentRootOrExit(): string {
  try {
    return contentRoot();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}
