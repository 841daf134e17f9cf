/**
 * `npm run validate`: loads the content root for both sites and reports every problem.
 * Exits 1 when there is any. Does not start Astro.
 */
import { ContentError } from '../src/content/errors.ts';
import { loadContent } from '../src/content/load.ts';
import { contentRootOrExit } from '../src/content/root.ts';
import { parseCommandLine } from './args.ts';

// No options: CONTENT_DIR picks the content root.
parseCommandLine({ options: {} }, 'Usage: npm run validate   (CONTENT_DIR=<folder> to check another content root)');
const root = contentRootOrExit();
let failed = false;
for (const target of ['internal', 'public'] as const) {
  try {
    const started = performance.now();
    const content = loadContent(root, target);
    console.log(`${target}: ${content.entries.length} entries in ${Math.round(performance.now() - started)} ms, no problems.`);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    console.error(`${target} site:\n${e.message}\n`);
    failed = true;
    break;
  }
}
process.exitCode = failed ? 1 : 0;
