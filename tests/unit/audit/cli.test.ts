/**
 * `npm run audit`: every format and exit code. The command runs in this process through its
 * `main` (a spawned Node costs about a second); one test runs it as a real process, to show the
 * script is wired to `main`, its exit code and its output.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../../scripts/audit.ts';
import { text } from '../../../src/audit/report/index.ts';
import { audit } from '../../../src/audit/index.ts';
import { projectRoot } from '../../helpers/build.ts';
import { folder, gitRepo } from '../../helpers/git.ts';

const site = 'name: Audit\ndefault_language: en\nlanguages: [{ code: en }, { code: de }]\ncategories: [{ id: orders, names: { en: Orders } }]\n';
const page = (front: string, body = 'Body.') => `---\ntitle: T\ndescription: D\n${front}\n---\n\n${body}\n`;
const warningsOnly = folder({
  'site.yaml': site,
  'help/en/orders/a.md': page('reviewed: 2025-01-01\nowner: team-a'),
  'help/de/orders/a.md': page('reviewed: 2026-05-01'),
});
const withError = folder({ 'site.yaml': site, 'help/en/orders/a.md': page('owner: team-a', '[x](./nope.md)') });
const clean = folder({ 'site.yaml': site, 'help/en/orders/a.md': page('reviewed: 2026-05-01') });

// --no-cache: the audit's cache lives in node_modules/.cache, and tests write nothing there.
const fixed = ['--today', '2026-06-01', '--no-cache'];

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(console, 'log').mockImplementation((...a) => {
    out += `${a.join(' ')}\n`;
  });
  vi.spyOn(console, 'error').mockImplementation((...a) => {
    err += `${a.join(' ')}\n`;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The command on `root` with `args`, in this process. */
function run(root: string, ...args: string[]) {
  const code = main([...fixed, ...args], { ...process.env, CONTENT_DIR: root, NO_COLOR: '' });
  return { code, out, err };
}

describe('the command', () => {
  test('runs as a real process: report on stdout, exit code from the findings', () => {
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/audit.ts'), ...fixed, '--fail-on', 'warning'], {
      env: { ...process.env, CONTENT_DIR: warningsOnly, NO_COLOR: '' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Content audit — 2 files, as of 2026-06-01');
    expect(r.stdout).toContain('Summary — errors: 0, warnings: 1, notices: 0');
    expect(r.status).toBe(1);
    const bad = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/audit.ts'), '--format', 'xml'], {
      env: { ...process.env, CONTENT_DIR: clean },
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Usage: npm run audit');
  });
});

describe('formats', () => {
  test('text is grouped by owner, without colour when not a terminal', () => {
    const { out, code } = run(warningsOnly);
    expect(code).toBe(0);
    expect(out).toContain('Content audit — 2 files, as of 2026-06-01');
    expect(out).toContain(
      'team-a (1)\n  ▲ review-overdue           help/en/orders/a.md\n    Review overdue by 151 days (reviewed 2025-01-01, due every 365 days).',
    );
    expect(out).not.toContain('\u001b[');
    expect(out).toContain('Summary — errors: 0, warnings: 1, notices: 0');
    // Control: the same report in colour does have escape codes.
    const { findings, files } = audit(warningsOnly, { today: '2026-06-01' });
    expect(text(findings, { color: true, files, today: '2026-06-01' })).toContain('\u001b[');
  });

  test('json has findings with file relative to the content root, kind, severity, message and owner', () => {
    const data = JSON.parse(run(warningsOnly, '--format', 'json').out);
    expect(data).toEqual({
      findings: [
        {
          file: 'help/en/orders/a.md',
          kind: 'review-overdue',
          severity: 'warning',
          owner: 'team-a',
          message: 'Review overdue by 151 days (reviewed 2025-01-01, due every 365 days).',
          fix: 'Check the facts, then set `reviewed` to the date you checked them.',
        },
      ],
    });
  });

  test('markdown is a table per owner for a pull-request comment', () => {
    const { out } = run(warningsOnly, '--format', 'markdown');
    expect(out).toContain('### Content audit');
    expect(out).toContain('#### team-a');
    expect(out).toContain('| ▲ | `review-overdue` | `help/en/orders/a.md` |');
  });

  test('github prints workflow annotations with repository paths', () => {
    const repo = gitRepo([{ date: '2026-01-01', files: { 'docs/site.yaml': site, 'docs/help/en/orders/a.md': page('owner: team-a', '[x](./nope.md)') } }]);
    const { out } = run(path.join(repo, 'docs'), '--format', 'github');
    expect(out).toBe(
      '::error file=docs/help/en/orders/a.md,line=7,title=broken-link::"./nope.md" leads to help/orders/nope, which does not exist. Link to an existing file relative to this one, e.g. ../returns/start-a-return.md, or to a heading that exists.\n',
    );
  });
});

describe('exit codes', () => {
  test('warnings pass with --fail-on error (the default) and fail with --fail-on warning', () => {
    expect(run(warningsOnly).code).toBe(0);
    expect(run(warningsOnly, '--fail-on', 'warning').code).toBe(1);
  });

  test('errors fail by default and pass with --fail-on none', () => {
    expect(run(withError).code).toBe(1);
    expect(run(withError, '--fail-on', 'none').code).toBe(0);
  });

  test('clean content passes even with --fail-on warning', () => {
    expect(run(clean, '--fail-on', 'warning').code).toBe(0);
  });

  test('bad arguments exit 2 with usage', () => {
    const r = run(clean, '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--format must be one of text, json, markdown, github.');
    expect(run(clean, '--today', '24.11.2026').code).toBe(2);
    expect(run(clean, '--fail-on', 'sometimes').code).toBe(2);
    expect(run(clean, '--colour').code).toBe(2);
    expect(err).toContain('Usage: npm run audit');
  });
});
