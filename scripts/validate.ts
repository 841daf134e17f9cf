/**
 * `npm run validate`: loads the content root for both sites and reports every problem.
 * Exits 1 when there is any. Does not start Astro.
 */
import { ContentError, formatProblems } from '../src/content/errors.ts';
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
    const ms = Math.round(performance.now() - started);
    if (content.warnings.length) {
      // The internal site's links include the public site's: report them once.
      if (target === 'internal') console.warn(`Broken links, published because site.yaml has links: warn:\n\n${formatProblems(content.warnings)}\n`);
      console.log(`${target}: ${content.entries.length} entries in ${ms} ms, no problems; ${content.warnings.length} warnings.`);
    } else console.log(`${target}: ${content.entries.length} entries in ${ms} ms, no problems.`);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    console.error(`${target} site:\n${e.message}\n`);
    failed = true;
    break;
  }
}
process.exitCode = failed ? 1 : 0;
