// @ts-check
/**
 * One Astro config for both sites. `SIGNPOST_TARGET` (public | internal) picks the site and its
 * output folder; `CONTENT_DIR` picks the content root. scripts/build.ts runs one process per
 * target so the two builds share no state.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
// Resolve folders once, before page code is bundled into dist/ where relative paths break.
process.env.SIGNPOST_PROJECT_ROOT ??= fileURLToPath(new URL('.', import.meta.url));
const { contentRoot } = await import('./src/content/root.ts');
process.env.CONTENT_DIR = contentRoot();

const { default: signpost } = await import('./src/integration/index.ts');
import { buildTarget } from './src/build/store.ts';
import { loadSite } from './src/content/site.ts';
import { cspDirectives, scriptResources, styleResources } from './src/security/csp.ts';

const target = buildTarget();
const { site } = loadSite(contentRoot());

export default defineConfig({
  site: site.url,
  // SIGNPOST_OUT_DIR lets tests and the benchmark build elsewhere without touching dist/.
  outDir: process.env.SIGNPOST_OUT_DIR ?? `dist/${target}`,
  cacheDir: `node_modules/.astro/${target}`,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  prerenderConflictBehavior: 'error',
  // A strict CSP on every page of both sites, as a <meta> tag with hashes of anything inline;
  // the same policy goes into _headers for hosts that read it (src/integration/site-files.ts).
  security: {
    csp: {
      directives: /** @type {import('astro').AstroUserConfig['security'] extends infer S ? any : never} */ (cspDirectives(site)),
      scriptDirective: { resources: scriptResources },
      styleDirective: { resources: styleResources },
    },
  },
  devToolbar: { enabled: false },
  // The dev server reads a saved content file when the watcher reports it. Editors (and
  // fs.writeFileSync) save by truncating then writing, and the watcher may report the first step
  // alone: wait until the file has stopped changing, so a page never shows a half-saved file.
  vite: { server: { watch: { awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 20 } } } },
  integrations: [signpost()],
});
