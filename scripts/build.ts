/**
 * `npm run build [public|internal]`: builds the customer site into dist/public and the agents'
 * site into dist/internal. Each target is built by its own `astro build` process, so the two
 * builds share no memory: no i18n instance, no cache, no search service. Exits non-zero as soon
 * as one fails.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { projectRoot } from '../src/content/root.ts';
import { indexSite } from '../src/search/index-site.ts';

const targets = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = targets.length ? targets : ['public', 'internal'];
for (const t of wanted) {
  if (t !== 'public' && t !== 'internal') {
    console.error(`Unknown build target "${t}". Use public or internal.`);
    process.exit(2);
  }
}

const astro = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
for (const target of wanted) {
  const started = performance.now();
  console.log(`\n▶ Building the ${target} site…`);
  const result = spawnSync(process.execPath, [astro, 'build', '--silent'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, SIGNPOST_TARGET: target, SIGNPOST_INDEX: 'later', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const out = process.env.SIGNPOST_OUT_DIR ?? path.join(projectRoot, 'dist', target);
  // A failed build leaves nothing that could be deployed as if it had succeeded.
  const fail = (message: string, code = 1): never => {
    fs.rmSync(out, { recursive: true, force: true });
    console.error(`\n✖ ${message} Nothing was written to ${path.relative(projectRoot, out) || out}.`);
    process.exit(code);
  };
  if (result.status !== 0) fail(`The ${target} build failed.`, result.status ?? 1);
  // The search index is built once Astro's process has ended and released its memory.
  const indexStarted = performance.now();
  try {
    const stats = await indexSite(out);
    console.log(`  search index: ${stats.pages} pages in ${stats.languages} languages (${((performance.now() - indexStarted) / 1000).toFixed(1)} s)`);
  } catch (e) {
    fail((e as Error).message);
  }
  if (process.env.SIGNPOST_TIMINGS) {
    const timings = JSON.parse(fs.readFileSync(process.env.SIGNPOST_TIMINGS, 'utf8')) as Record<string, number>;
    fs.writeFileSync(process.env.SIGNPOST_TIMINGS, JSON.stringify({ ...timings, index: Math.round(performance.now() - indexStarted) }));
  }
  console.log(`✔ ${target} site built in ${((performance.now() - started) / 1000).toFixed(1)} s → dist/${target}`);
}
