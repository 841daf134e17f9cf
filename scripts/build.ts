/**
 * `npm run build [public|internal]`: builds the customer site into dist/public and the agents'
 * site into dist/internal. Each target is built by its own `astro build` process, so the two
 * builds share no memory: no i18n instance, no cache, no search service. Exits non-zero as soon
 * as one fails.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../src/content/root.ts';

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
    env: { ...process.env, SIGNPOST_TARGET: target, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    console.error(`\n✖ The ${target} build failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${target} site built in ${((performance.now() - started) / 1000).toFixed(1)} s → dist/${target}`);
}
