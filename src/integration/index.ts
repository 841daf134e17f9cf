/**
 * The Signpost Astro integration: checks the content before Astro builds anything (so a broken
 * file fails the build with every problem listed), reloads the dev server when content changes,
 * and after a build writes the search index, sitemap, robots.txt, host headers and the exports for
 * machines (src/exports).
 */
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError } from '../content/errors.ts';
import { contentRoot } from '../content/root.ts';
import { getBuilt, reloadPages } from '../build/store.ts';
import { indexSite } from '../search/index-site.ts';
import { checkWall } from '../security/wall-scan.ts';
import { writeSiteFiles } from '../build/site-files.ts';
import { writeExports } from '../exports/index.ts';
import { markdownClock } from '../content/render/markdown.ts';
import { summary } from '../audit/report/index.ts';

/** Phase timings for the benchmark, written to `SIGNPOST_TIMINGS` when it is set. */
const timings: Record<string, number> = {};
const mark = (name: string, since: number) => {
  timings[name] = Math.round(performance.now() - since);
};

export default function signpost(): AstroIntegration {
  let renderStarted = 0;
  return {
    name: 'signpost',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'preview') return;
        try {
          const loadStarted = performance.now();
          const { content, findings, today, rendered } = getBuilt();
          mark('load', loadStarted);
          if (command === 'build' && rendered) {
            console.log(
              `Content: ${rendered.fresh} bodies rendered, ${rendered.cached} unchanged ones from the render cache (${Math.round(performance.now() - loadStarted)} ms).`,
            );
          }
          if (content.target === 'internal' && command === 'build') {
            console.log(
              `Content audit as of ${today}: ${summary(findings)}.${findings.length ? ' Details: the Content health page of the internal site, or npm run audit.' : ''}`,
            );
          }
        } catch (e) {
          if (e instanceof ContentError) {
            // Print the full list. A build stops here (Astro would otherwise show only the first
            // lines); the dev server keeps running, shows the problem on every page and reloads
            // once the file is fixed.
            console.error(`\n${e.message}\n\nContent root: ${contentRoot()}\n`);
            if (command === 'build') process.exit(1);
            return;
          }
          throw e;
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = contentRoot();
        server.watcher.add(root);
        const reload = (file: string) => {
          if (!file.startsWith(root) || path.basename(file).startsWith('.')) return;
          // A saved page reloads that page's files only; site data reloads everything.
          reloadPages([path.relative(root, file).split(path.sep).join('/')]);
          try {
            getBuilt();
            logger.info(`content changed: ${file.slice(root.length + 1)}`);
          } catch (e) {
            logger.error(e instanceof Error ? e.message : String(e));
          }
          // Astro keeps every route's getStaticPaths() (and so each page's props) until told the
          // content changed: tell each server environment, then reload the open pages.
          for (const [name, environment] of Object.entries(server.environments)) {
            if (name !== 'client') environment.hot.send('astro:content-changed', {});
          }
          server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', reload);
        server.watcher.on('add', reload);
        server.watcher.on('unlink', reload);
      },
      'astro:build:start': () => {
        renderStarted = performance.now();
      },
      'astro:build:done': async ({ dir, logger }) => {
        mark('render', renderStarted);
        const out = fileURLToPath(dir);
        const { content, routes, findings, languages } = getBuilt();
        writeSiteFiles(out, content, routes);
        const exportsStarted = performance.now();
        const exported = writeExports(out, content, routes, findings, { languages });
        mark('exports', exportsStarted);
        // The pages' Markdown is written while they render (content/render/markdown.ts): count it here.
        timings.exports! += Math.round(markdownClock.ms);
        logger.info(
          `exports: ${exported.reduce((n, l) => n + l.twins, 0)} Markdown twins, llms-full.txt and JSON in ${exported.length} languages (${Math.round(performance.now() - exportsStarted)} ms)`,
        );
        // `npm run build` indexes after this process has exited, so Astro's memory and
        // Pagefind's are never held at the same time (SIGNPOST_INDEX=later); a bare
        // `astro build` indexes here.
        let indexed: number | undefined;
        if (process.env.SIGNPOST_INDEX !== 'later') {
          const started = performance.now();
          const stats = await indexSite(out, content.site, languages);
          indexed = stats.pages;
          mark('index', started);
          logger.info(
            `search index: ${stats.pages} pages in ${stats.languages} languages, lexicons ${stats.lexicon.words} words, ${Math.round(stats.lexicon.bytes / 1024)} KB gzipped (${Math.round(performance.now() - started)} ms)`,
          );
          // `npm run build` scans its staging folder once indexed; a bare build scans here.
          if (content.target === 'public') {
            const wall = await checkWall(contentRoot(), out);
            logger.info(`wall: ${wall.files} public files hold none of ${wall.runs} runs of internal text`);
          }
        }
        if (process.env.SIGNPOST_TIMINGS) fs.writeFileSync(process.env.SIGNPOST_TIMINGS, JSON.stringify({ ...timings, pages: routes.length, indexed }));
      },
    },
  };
}
