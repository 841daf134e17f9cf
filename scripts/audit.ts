/**
 * `npm run audit`: flags outdated content before anyone reads it.
 *
 *   npm run audit -- [--format text|json|markdown|github] [--today YYYY-MM-DD] [--fail-on error|warning|none] [--no-cache] [--collector-db <file>]
 *
 * Reads CONTENT_DIR (or content/) with the site's own schemas, without starting Astro.
 * Exit code: 1 when a finding at or above --fail-on exists (default: error), 2 on bad arguments.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { audit } from '../src/audit/index.ts';
import { readEntriesCached } from '../src/audit/cache.ts';
import { loadSite } from '../src/content/site.ts';
import { createI18n, translator } from '../src/i18n/index.ts';
import { loadStrings } from '../src/content/locales.ts';
import { formats, github, json, markdown, text, type Format } from '../src/audit/report/index.ts';
import fs from 'node:fs';
import { todayUtc } from '../src/audit/dates.ts';
import { contentRoot } from '../src/content/root.ts';

const usage =
  'Usage: npm run audit -- [--format text|json|markdown|github] [--today YYYY-MM-DD] [--fail-on error|warning|none] [--no-cache] [--collector-db <file>]';

/** A bad command line: the message is printed with the usage, and the exit code is 2. */
class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

/**
 * Runs the audit as the command does: `args` as after `npm run audit --`, the content root from
 * `env`. Writes the report to stdout (usage errors to stderr) and returns the exit code. A function
 * so that tests can run it in their own process; `node scripts/audit.ts` calls it below.
 */
export function main(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  let values: { format?: string; today?: string; 'fail-on'?: string; 'no-cache'?: boolean; 'collector-db'?: string };
  let root: string;
  try {
    try {
      ({ values } = parseArgs({
        args,
        options: {
          format: { type: 'string' },
          today: { type: 'string' },
          'fail-on': { type: 'string' },
          'no-cache': { type: 'boolean' },
          'collector-db': { type: 'string' },
        },
      }));
    } catch (e) {
      fail((e as Error).message);
    }
    if (!formats.includes((values.format ?? 'text') as Format)) fail(`--format must be one of ${formats.join(', ')}.`);
    const today = values.today ?? todayUtc();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) fail('--today must be a date written YYYY-MM-DD.');
    if (!['error', 'warning', 'none'].includes(values['fail-on'] ?? 'error')) fail('--fail-on must be error, warning or none.');
    const db = values['collector-db'] ?? env.SIGNPOST_COLLECTOR_DB;
    if (db && !/^postgres(ql)?:\/\//.test(db) && !fs.existsSync(db))
      fail(`The collector database ${db} does not exist (--collector-db or SIGNPOST_COLLECTOR_DB: a SQLite file or a postgres:// URL).`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n${usage}`);
    return 2;
  }
  try {
    root = contentRoot(env);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const format = (values.format ?? 'text') as Format;
  const today = values.today ?? todayUtc();
  const failOn = values['fail-on'] ?? 'error';

  const started = performance.now();
  // Unchanged files come from the cache (--no-cache reads everything again).
  const { site } = loadSite(root);
  const i18n = createI18n(loadStrings(root), site.defaultLanguage.code);
  const entries = values['no-cache'] ? undefined : readEntriesCached(root, site, (lang) => translator(i18n, lang));
  // With the collector's database: what readers searched for and did not find, and unhelpful pages.
  const result = audit(root, { today, entries, collectorDb: values['collector-db'] ?? env.SIGNPOST_COLLECTOR_DB });
  result.ms = performance.now() - started;
  const { findings } = result;

  if (format === 'json') process.stdout.write(json(findings));
  else if (format === 'markdown') process.stdout.write(markdown(findings, { files: result.files, today }));
  else if (format === 'github') {
    const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8' });
    const prefix = top.status === 0 ? path.relative(top.stdout.trim(), root).split(path.sep).join('/') : '';
    process.stdout.write(github(findings, prefix ? `${prefix}/` : ''));
  } else {
    console.log(text(findings, { color: Boolean(process.stdout.isTTY) && !env.NO_COLOR, files: result.files, today }));
    console.log(`(${Math.round(result.ms)} ms)`);
  }

  const failing = failOn === 'none' ? [] : findings.filter((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'));
  return failing.length ? 1 : 0;
}

// exitCode, not exit(): a large report written to a pipe must be flushed before the process ends.
if (import.meta.main) process.exitCode = main(process.argv.slice(2));
