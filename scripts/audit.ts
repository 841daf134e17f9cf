/**
 * `npm run audit`: flags outdated content before anyone reads it.
 *
 *   npm run audit -- [--format text|json|markdown|github] [--today YYYY-MM-DD] [--fail-on error|warning|none] [--no-cache]
 *
 * Reads CONTENT_DIR (or content/) with the site's own schemas, without starting Astro.
 * Exit code: 1 when a finding at or above --fail-on exists (default: error), 2 on bad arguments.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { audit } from '../src/audit/index.ts';
import { readEntriesCached } from '../src/audit/cache.ts';
import { loadSite } from '../src/content/site.ts';
import { createI18n, translator } from '../src/i18n/index.ts';
import { loadStrings } from '../src/content/locales.ts';
import { formats, github, json, markdown, text, type Format } from '../src/audit/report/index.ts';
import { todayUtc } from '../src/audit/dates.ts';
import { contentRootOrExit } from '../src/content/root.ts';
import { parseCommandLine, usageError } from './args.ts';

const usage = 'Usage: npm run audit -- [--format text|json|markdown|github] [--today YYYY-MM-DD] [--fail-on error|warning|none] [--no-cache]';
const fail = (message: string): never => usageError(message, usage);

const { values } = parseCommandLine({ options: { format: { type: 'string' }, today: { type: 'string' }, 'fail-on': { type: 'string' }, 'no-cache': { type: 'boolean' } } }, usage);
const format = (values.format ?? 'text') as Format;
if (!formats.includes(format)) fail(`--format must be one of ${formats.join(', ')}.`);
const today = values.today ?? todayUtc();
if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) fail('--today must be a date written YYYY-MM-DD.');
const failOn = values['fail-on'] ?? 'error';
if (!['error', 'warning', 'none'].includes(failOn)) fail('--fail-on must be error, warning or none.');

const root = contentRootOrExit();
const started = performance.now();
// Unchanged files come from the cache (--no-cache reads everything again).
const { site } = loadSite(root);
const i18n = createI18n(loadStrings(root), site.defaultLanguage.code);
const entries = values['no-cache'] ? undefined : readEntriesCached(root, site, (lang) => translator(i18n, lang));
const result = audit(root, { today, entries });
result.ms = performance.now() - started;
const { findings } = result;

if (format === 'json') process.stdout.write(json(findings));
else if (format === 'markdown') process.stdout.write(markdown(findings, { files: result.files, today }));
else if (format === 'github') {
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8' });
  const prefix = top.status === 0 ? path.relative(top.stdout.trim(), root).split(path.sep).join('/') : '';
  process.stdout.write(github(findings, prefix ? `${prefix}/` : ''));
} else {
  console.log(text(findings, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, files: result.files, today }));
  console.log(`(${Math.round(result.ms)} ms)`);
}

const failing = failOn === 'none' ? [] : findings.filter((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'));
// exitCode, not exit(): a large report written to a pipe must be flushed before the process ends.
process.exitCode = failing.length ? 1 : 0;
